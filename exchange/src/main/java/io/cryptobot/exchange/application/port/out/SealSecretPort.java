package io.cryptobot.exchange.application.port.out;

import io.cryptobot.exchange.domain.account.SealedSecret;

/** Authenticated encryption of venue secrets at rest. */
public interface SealSecretPort {
    SealedSecret seal(String plain);

    /** The plain text; a tampered or foreign secret is an exception (a bug or an attack, not a business case). */
    String open(SealedSecret sealed);
}
