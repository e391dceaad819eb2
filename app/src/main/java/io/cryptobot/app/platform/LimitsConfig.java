package io.cryptobot.app.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The {@code cryptobot.limits.*} settings: what one user may hold of the shared workers and storage, and how fast
 * they may place orders. docs/security.md explains each; the defaults are {@code UserLimits.defaults()}.
 */
@ConfigMapping(prefix = "cryptobot.limits")
public interface LimitsConfig {
    /** Backtests queued, running or storing at once. */
    @WithName("backtests-active-per-user")
    @WithDefault("10")
    long backtestsActive();

    /** Sweeps queued or running at once. */
    @WithName("sweeps-active-per-user")
    @WithDefault("2")
    long sweepsActive();

    /** Backtests one sweep may run (its pointsTotal). */
    @WithName("points-per-sweep")
    @WithDefault("2000")
    long pointsPerSweep();

    /** Server-sent-event streams open at once, over every stream endpoint. */
    @WithName("streams-per-user")
    @WithDefault("16")
    long streams();

    /** Trading accounts (paper and venue connections). */
    @WithName("accounts-per-user")
    @WithDefault("50")
    long accounts();

    /** Bots not stopped or completed (created, running, paused, failed). */
    @WithName("bots-per-user")
    @WithDefault("100")
    long bots();

    /** Bots running or paused (each follows a feed). */
    @WithName("bots-running-per-user")
    @WithDefault("20")
    long botsRunning();

    /** Orders created in any 60 seconds, by the user's bots and by hand. */
    @WithName("orders-per-minute-per-user")
    @WithDefault("600")
    long ordersPerMinute();

    /** Replays started through /api/replays running at once (bots' feeds are bounded by bots-running-per-user). */
    @WithName("replays-running-per-user")
    @WithDefault("20")
    long replaysRunning();

    /** Connection tests asked through the API in any 60 seconds (each asks the venue, on a budget all users share). */
    @WithName("connection-tests-per-minute-per-user")
    @WithDefault("10")
    long connectionTests();

    /**
     * Candles kept in private datasets (uploads, synthetic series), all together; declared here so the mapping knows
     * the key; the market-data context reads it (its {@code StoredCandlesLimit}).
     */
    @WithName("stored-candles-per-user")
    @WithDefault("5000000")
    long storedCandles();
}
