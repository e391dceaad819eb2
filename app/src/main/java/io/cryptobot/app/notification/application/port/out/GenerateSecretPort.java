package io.cryptobot.app.notification.application.port.out;

/** A new signing secret: random, URL-safe text. */
public interface GenerateSecretPort {
    String newSigningSecret();
}
