package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Sign-ups per client address: every well-formed attempt counts, created or not (each costs a bcrypt hash and
 * may probe which addresses are taken). Answers with the time until the window ends.
 */
public record RegistrationThrottle(RateLimit perAddress) {

    public RegistrationThrottle {
        Objects.requireNonNull(perAddress, "perAddress");
    }

    /** {@code attempts} includes the attempt being made. */
    public Either<DomainError, Attempts> admitFromAddress(Attempts attempts) {
        if (attempts.count() <= perAddress.maxAttempts()) {
            return Either.right(attempts);
        }
        long millis = attempts.resetsIn().toMillis();
        return Either.left(IdentityErrors.tooManyRegistrations(Math.max(1, (millis + 999) / 1000)));
    }
}
