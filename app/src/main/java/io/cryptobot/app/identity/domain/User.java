package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * A platform account. Invariants: the e-mail is normalized, and {@code tokensValidAfter} only moves forward;
 * every change that must end existing sessions (role change, disabling) moves it to the moment of the change,
 * so access tokens issued earlier stop being accepted.
 */
public record User(UserId id, Email email, Option<DisplayName> displayName, PasswordHash passwordHash, Role role,
                   boolean enabled, Instant tokensValidAfter, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A self-registered account: an enabled trader. */
    public static User register(UserId id, Email email, Option<DisplayName> displayName, PasswordHash hash,
                                Instant now) {
        return provision(id, email, displayName, hash, Role.TRADER, now);
    }

    /** An account created by the platform itself with a given role (start-up defaults). */
    public static User provision(UserId id, Email email, Option<DisplayName> displayName, PasswordHash hash,
                                 Role role, Instant now) {
        return new User(id, email, displayName, hash, role, true, now, now);
    }

    public static User reconstitute(UserId id, Email email, Option<DisplayName> displayName, PasswordHash hash,
                                    Role role, boolean enabled, Instant tokensValidAfter, Instant createdAt) {
        return new User(id, email, displayName, hash, role, enabled, tokensValidAfter, createdAt);
    }

    /** A disabled account cannot log in; the caller answers exactly as for a wrong password. */
    public Either<DomainError, User> admitLogin() {
        return enabled ? Either.right(this) : Either.left(IdentityErrors.badCredentials());
    }

    /**
     * Whether an access token still speaks for this account. JWT {@code iat} has whole-second precision, so it
     * is compared with {@code tokensValidAfter} truncated to the second; a token issued in that same second but
     * before the change is still caught when the role changed, because its groups no longer match the role.
     */
    public Either<DomainError, User> admitAccessToken(Instant issuedAt, Set<String> groups) {
        if (!enabled || issuedAt == null
                || issuedAt.isBefore(tokensValidAfter.truncatedTo(ChronoUnit.SECONDS))
                || !Set.of(role.code()).equals(groups)) {
            return Either.left(IdentityErrors.accessRevoked());
        }
        return Either.right(this);
    }

    /**
     * Applies an admin's change. An admin may not demote or disable themself, so the platform cannot lose its
     * last admin by accident. Ending sessions happens only for changes that reduce or alter what tokens grant.
     */
    public Either<DomainError, User> change(UserChange change, UserId actor, Instant now) {
        Role newRole = change.role().getOrElse(role);
        boolean newEnabled = change.enabled().getOrElse(enabled);
        if (actor.equals(id) && (newRole != role || !newEnabled)) {
            return Either.left(IdentityErrors.selfLockout());
        }
        boolean endSessions = newRole != role || (enabled && !newEnabled);
        Instant validAfter = endSessions && now.isAfter(tokensValidAfter) ? now : tokensValidAfter;
        return Either.right(new User(id, email, displayName, passwordHash, newRole, newEnabled, validAfter,
                createdAt));
    }

    /** True when this state, compared with the state before a change, newly forbids the account to log in. */
    public boolean wasDisabledComparedTo(User before) {
        return before.enabled && !enabled;
    }
}
