package io.cryptobot.app.notification.application.port.out;

/** Authenticated encryption of the endpoints' signing secrets and bot tokens at rest. */
public interface SecretSealPort {
    String seal(String plain);

    String open(String sealed);
}
