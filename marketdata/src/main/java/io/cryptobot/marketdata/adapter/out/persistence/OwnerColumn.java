package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.UserId;
import java.util.UUID;

/**
 * The {@code owner} column of a candle: the user whose private candle it is, or {@link #SHARED} for reference data.
 * The sentinel is the largest uuid (PostgreSQL orders uuids by their bytes), so in any ordering by owner a user's
 * candle comes before the shared one; a random (version 4) user id can never be equal to it.
 */
final class OwnerColumn {
    static final UUID SHARED = new UUID(-1L, -1L);

    private OwnerColumn() {
    }

    static UUID of(UserId user) {
        if (SHARED.equals(user.value())) {
            throw new IllegalArgumentException("a user id may not be the shared-data sentinel");
        }
        return user.value();
    }
}
