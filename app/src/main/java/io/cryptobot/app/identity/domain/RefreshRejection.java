package io.cryptobot.app.identity.domain;

/** Why a presented refresh token cannot be exchanged. Each answers 401; only {@link Reused} has a side effect. */
public sealed interface RefreshRejection {

    /** Past its lifetime. */
    record Expired() implements RefreshRejection {
    }

    /** Revoked by logout, by disabling the account, or with its whole family. */
    record Revoked() implements RefreshRejection {
    }

    /**
     * Already exchanged once: someone holds a copy. The legitimate client and the thief cannot be told apart,
     * so the whole family is revoked and both must log in again.
     */
    record Reused(TokenFamilyId family) implements RefreshRejection {
    }
}
