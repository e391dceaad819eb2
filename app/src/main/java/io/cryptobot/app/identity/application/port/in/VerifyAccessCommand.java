package io.cryptobot.app.identity.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The claims of an access token whose signature, issuer and expiry were already verified: {@code subject} is the
 * user id and {@code session} the session id ({@code sid}, null when absent) as the token states them, which may
 * be anything a signer put there.
 */
public record VerifyAccessCommand(String subject, String session, Instant issuedAt, Set<String> groups) {
    public VerifyAccessCommand {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
