package io.cryptobot.kernel.domain;

import java.util.function.Supplier;

/**
 * Serialises one owner's decisions that count what the owner holds and then add to it (a per-user limit's check
 * and the write it allows), so that two concurrent requests cannot both take the last place. Striped: owners share
 * a fixed set of locks, so nothing is kept per owner and an unrelated owner rarely waits. In process, like the
 * rest of the single instance (docs/architecture.md); several instances would need the store to decide.
 */
public final class OwnerLocks {
    private static final int STRIPES = 64;
    private final Object[] stripes = new Object[STRIPES];

    public OwnerLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Runs {@code action} holding the owner's lock. */
    public <T> T serialized(UserId owner, Supplier<T> action) {
        synchronized (stripes[Math.floorMod(owner.value().hashCode(), STRIPES)]) {
            return action.get();
        }
    }
}
