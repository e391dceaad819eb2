package io.cryptobot.app.identity.application.port.out;

import io.cryptobot.app.identity.domain.RefreshToken;
import io.cryptobot.app.identity.domain.TokenFamilyId;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

public interface SaveRefreshTokenPort {
    Uni<Void> insertRefreshToken(RefreshToken token);

    /**
     * Records that {@code rotated} was exchanged, only if it is still unrevoked in the store; false means a
     * concurrent request spent it first, which the caller must treat as reuse.
     */
    Uni<Boolean> markRotated(RefreshToken rotated);

    /** Revokes every still-valid token of a family; returns how many. */
    Uni<Integer> revokeFamily(TokenFamilyId family, Instant at);

    /** Revokes every still-valid token of an account; returns how many. */
    Uni<Integer> revokeAllOfUser(UserId user, Instant at);
}
