package io.cryptobot.kernel.domain;

import java.util.Objects;

/**
 * What one user may hold of the platform's shared workers and storage at once, and how fast they may place orders:
 * the {@code cryptobot.limits.*} settings (docs/security.md lists them with their defaults). Each context enforces
 * its own: active backtests and sweeps and the points of one sweep (backtest), replays (marketdata), accounts
 * (exchange), connection tests asked per minute (exchange), bots and their order rate (bot), open event streams
 * (the platform's stream registry).
 */
public record UserLimits(Limit backtestsActive, Limit sweepsActive, Limit pointsPerSweep, Limit streams,
                         Limit accounts, Limit bots, Limit botsRunning, Limit ordersPerMinute, Limit replaysRunning,
                         Limit connectionTests) {
    public static final String BACKTESTS_ACTIVE = "backtests-active-per-user";
    public static final String SWEEPS_ACTIVE = "sweeps-active-per-user";
    public static final String POINTS_PER_SWEEP = "points-per-sweep";
    public static final String STREAMS = "streams-per-user";
    public static final String ACCOUNTS = "accounts-per-user";
    public static final String BOTS = "bots-per-user";
    public static final String BOTS_RUNNING = "bots-running-per-user";
    public static final String ORDERS_PER_MINUTE = "orders-per-minute-per-user";
    public static final String REPLAYS_RUNNING = "replays-running-per-user";
    public static final String CONNECTION_TESTS = "connection-tests-per-minute-per-user";

    public UserLimits {
        Objects.requireNonNull(backtestsActive, "backtestsActive");
        Objects.requireNonNull(sweepsActive, "sweepsActive");
        Objects.requireNonNull(pointsPerSweep, "pointsPerSweep");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(bots, "bots");
        Objects.requireNonNull(botsRunning, "botsRunning");
        Objects.requireNonNull(ordersPerMinute, "ordersPerMinute");
        Objects.requireNonNull(replaysRunning, "replaysRunning");
        Objects.requireNonNull(connectionTests, "connectionTests");
    }

    /** The defaults (the same as the configuration's), for code run without configuration: tests, tools. */
    public static UserLimits defaults() {
        return of(10, 2, 2_000, 16, 50, 100, 20, 600, 20, 10);
    }

    /** The limits with these values, in the order of the record's components. */
    public static UserLimits of(long backtestsActive, long sweepsActive, long pointsPerSweep, long streams,
                                long accounts, long bots, long botsRunning, long ordersPerMinute,
                                long replaysRunning, long connectionTests) {
        return new UserLimits(new Limit(BACKTESTS_ACTIVE, backtestsActive), new Limit(SWEEPS_ACTIVE, sweepsActive),
                new Limit(POINTS_PER_SWEEP, pointsPerSweep), new Limit(STREAMS, streams),
                new Limit(ACCOUNTS, accounts), new Limit(BOTS, bots), new Limit(BOTS_RUNNING, botsRunning),
                new Limit(ORDERS_PER_MINUTE, ordersPerMinute), new Limit(REPLAYS_RUNNING, replaysRunning),
                new Limit(CONNECTION_TESTS, connectionTests));
    }
}
