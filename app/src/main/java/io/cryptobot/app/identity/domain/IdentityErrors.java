package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import java.util.List;

/**
 * The identity context's failures and their stable codes. Authentication failures deliberately share one
 * message each, so that a response never tells whether an account exists, is disabled or was locked.
 */
public final class IdentityErrors {
    private IdentityErrors() {
    }

    public static DomainError.Invalid invalidInput(List<Violation> violations) {
        return new DomainError.Invalid("identity.request.invalid", "The request has invalid fields.", violations);
    }

    public static DomainError.Unauthenticated badCredentials() {
        return new DomainError.Unauthenticated("identity.credentials.invalid", "E-mail or password is wrong.");
    }

    public static DomainError.Unauthenticated invalidRefreshToken() {
        return new DomainError.Unauthenticated("identity.refresh_token.invalid",
                "The refresh token is invalid, expired or revoked; log in again.");
    }

    public static DomainError.Unauthenticated accessRevoked() {
        return new DomainError.Unauthenticated("identity.access_token.revoked",
                "The access token is no longer valid; log in again.");
    }

    public static DomainError.Conflict emailTaken() {
        return new DomainError.Conflict("identity.user.email_taken", "An account with this e-mail already exists.");
    }

    public static DomainError.NotFound userNotFound() {
        return new DomainError.NotFound("identity.user.not_found", "No such user.");
    }

    public static DomainError.Refused selfLockout() {
        return new DomainError.Refused("identity.user.self_lockout",
                "Admins cannot disable their own account or change their own role.");
    }

    public static DomainError.RateLimited tooManyRegistrations(long retryAfterSeconds) {
        return new DomainError.RateLimited("identity.register.rate_limited",
                "Too many sign-ups from this address; try again later.", retryAfterSeconds);
    }

    public static DomainError.RateLimited tooManyLoginAttempts(long retryAfterSeconds) {
        return new DomainError.RateLimited("identity.login.rate_limited",
                "Too many login attempts; try again later.", retryAfterSeconds);
    }
}
