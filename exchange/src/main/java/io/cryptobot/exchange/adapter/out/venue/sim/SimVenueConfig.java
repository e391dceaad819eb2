package io.cryptobot.exchange.adapter.out.venue.sim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.util.Optional;

/** The {@code cryptobot.venues.sim.*} settings of the built-in simulated live venue {@code SIM}. */
@ConfigMapping(prefix = "cryptobot.venues.sim")
public interface SimVenueConfig {
    /** Whether the venue exists at all (its market data, its live candles). */
    @WithDefault("true")
    boolean enabled();

    /** Fixes every price the venue ever shows: the same seed, the same history and the same future. */
    @WithDefault("20261122")
    long seed();

    /** How many times faster than the wall clock its time runs (1: real time; 60: a 1m candle a second). */
    @WithDefault("1")
    long speed();

    /**
     * The wall-clock instant a fast clock counts from (ISO-8601); unset: the start of the process. Set, a restart
     * continues the venue's time where it would have been, so the candles that closed while the process was down
     * are there to backfill, as with a real venue.
     */
    Optional<Instant> anchor();

    /**
     * The first minute of the venue's history: no candle opens before it, as a real venue lists a pair from a date
     * on. The walks are defined at any time, so without it a download from 1970 (or year -5000) asked for tens of
     * millions (billions) of candles into the shared store.
     */
    @WithDefault("2020-01-01T00:00:00Z")
    Instant listedFrom();

    /**
     * Its symbols with their rules and random walks, separated by commas: {@code BASE/QUOTE price= tick= step=
     * [min-notional=] [volatility=] [volume=]} (see {@code SimSymbol}).
     */
    @WithDefault("BTC/USDT price=60000 tick=0.01 step=0.00001 min-notional=5 volatility=0.0008 volume=2.5, "
            + "ETH/USDT price=3000 tick=0.01 step=0.0001 min-notional=5 volatility=0.001 volume=40")
    String symbols();
}
