package io.cryptobot.marketdata.domain;

/**
 * How many candles one user may keep in private datasets (setting {@value #SETTING}). Shared reference data counts
 * against nobody. A user at the limit may not start another private import; an import that would take them past
 * it fails and stores nothing.
 */
public record StoredCandlesLimit(long value) {
    public static final String SETTING = "cryptobot.limits.stored-candles-per-user";

    public StoredCandlesLimit {
        if (value < 1) {
            throw new IllegalArgumentException(SETTING + " must be positive");
        }
    }

    public boolean reachedBy(long stored) {
        return stored >= value;
    }

    public boolean passedBy(long stored) {
        return stored > value;
    }

    /** As the kernel's per-user limits name it: {@code stored-candles-per-user}, the key under cryptobot.limits. */
    public io.cryptobot.kernel.domain.Limit limit() {
        return new io.cryptobot.kernel.domain.Limit("stored-candles-per-user", value);
    }

    /** "(limit stored-candles-per-user = 5000000)", as other limit refusals say it. */
    public String named() {
        return "(limit " + limit() + ")";
    }
}
