package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token of a login session. Lifecycle: issued (at login, or as the successor of a rotated token),
 * then either rotated ({@code revokedAt} and {@code replacedBy} set), revoked without successor (logout, family
 * revocation, account disabled) or expired. A token is exchangeable at most once.
 */
public record RefreshToken(RefreshTokenId id, UserId userId, RefreshTokenHash hash, TokenFamilyId family,
                           Instant expiresAt, Option<Instant> revokedAt, Option<RefreshTokenId> replacedBy,
                           Instant createdAt) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(replacedBy, "replacedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (replacedBy.isDefined() && revokedAt.isEmpty()) {
            throw new IllegalArgumentException("a replaced token is revoked");
        }
    }

    /** The first token of a new family, handed out at login. */
    public static RefreshToken issueAtLogin(RefreshTokenId id, UserId userId, RefreshTokenHash hash,
                                            TokenFamilyId family, Instant now, Duration lifetime) {
        return new RefreshToken(id, userId, hash, family, now.plus(lifetime), Option.none(), Option.none(), now);
    }

    public static RefreshToken reconstitute(RefreshTokenId id, UserId userId, RefreshTokenHash hash,
                                            TokenFamilyId family, Instant expiresAt, Option<Instant> revokedAt,
                                            Option<RefreshTokenId> replacedBy, Instant createdAt) {
        return new RefreshToken(id, userId, hash, family, expiresAt, revokedAt, replacedBy, createdAt);
    }

    /** A token is exchangeable only if never revoked and not expired; an exchanged one signals reuse. */
    public Either<RefreshRejection, RefreshToken> checkExchangeable(Instant now) {
        if (replacedBy.isDefined()) {
            return Either.left(new RefreshRejection.Reused(family));
        }
        if (revokedAt.isDefined()) {
            return Either.left(new RefreshRejection.Revoked());
        }
        if (!now.isBefore(expiresAt)) {
            return Either.left(new RefreshRejection.Expired());
        }
        return Either.right(this);
    }

    /**
     * The pair produced by an exchange: this token marked as replaced, and its successor in the same family.
     * The successor gets a full lifetime, so an active client stays logged in while an idle one expires.
     */
    public Either<RefreshRejection, Rotation> rotate(RefreshTokenId successorId, RefreshTokenHash successorHash,
                                                    Instant now, Duration lifetime) {
        return checkExchangeable(now).map(usable -> new Rotation(
                new RefreshToken(id, userId, hash, family, expiresAt, Option.some(now), Option.some(successorId),
                        createdAt),
                new RefreshToken(successorId, userId, successorHash, family, now.plus(lifetime), Option.none(),
                        Option.none(), now)));
    }

    public record Rotation(RefreshToken rotated, RefreshToken successor) {
        public Rotation {
            Objects.requireNonNull(rotated, "rotated");
            Objects.requireNonNull(successor, "successor");
        }
    }
}
