package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Login rate limits. Per client address every attempt counts (slows down spraying many accounts); per account
 * only failures count and a success clears them (slows down guessing one password without locking out a user
 * who logs in normally). Both answer with the time until the window ends.
 */
public record LoginThrottle(RateLimit perAccountFailures, RateLimit perAddressAttempts) {

    public LoginThrottle {
        Objects.requireNonNull(perAccountFailures, "perAccountFailures");
        Objects.requireNonNull(perAddressAttempts, "perAddressAttempts");
    }

    /** {@code attempts} includes the attempt being made. */
    public Either<DomainError, Attempts> admitFromAddress(Attempts attempts) {
        return attempts.count() > perAddressAttempts.maxAttempts()
                ? Either.left(limited(attempts))
                : Either.right(attempts);
    }

    /** {@code failures} are the failures so far; once the limit is reached, no password is even checked. */
    public Either<DomainError, Attempts> admitForAccount(Attempts failures) {
        return failures.count() >= perAccountFailures.maxAttempts()
                ? Either.left(limited(failures))
                : Either.right(failures);
    }

    private static DomainError limited(Attempts attempts) {
        long millis = attempts.resetsIn().toMillis();
        return IdentityErrors.tooManyLoginAttempts(Math.max(1, (millis + 999) / 1000));
    }
}
