package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;

/**
 * Seeds the demo dataset: the simulated instrument {@code SIM:BTC/USDT} (tick 0.01, step 0.00001) and 30 days of
 * seeded 1m candles ending at the start of the current UTC day. Safe to call at every start: what exists is kept.
 */
public interface SeedSyntheticDataUseCase {
    SeedResult seed();

    record SeedResult(InstrumentId instrument, boolean instrumentCreated, long candlesInserted,
                      long candlesAlreadyPresent) {
    }
}
