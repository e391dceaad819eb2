package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.collection.List;

/**
 * Seeds the demo dataset from the built-in simulated live venue {@code SIM}: each of its symbols defined as an
 * instrument with the venue's rules (e.g. {@code SIM:BTC/USDT}, tick 0.01, step 0.00001), and its 1m candles of the
 * last 30 days up to the last closed minute, exactly as the venue serves them, so stored history and the live feed
 * are one series. Safe to call at every start: what is stored is kept and only what closed since is added. Nothing
 * (an empty list) when the SIM venue is disabled.
 */
public interface SeedSyntheticDataUseCase {
    List<SeedResult> seed();

    /**
     * One instrument's outcome. {@code earlierSeries}: its stored candles are not the venue's (written by the demo
     * generator of earlier versions); they are left alone and nothing is added, since splicing two walks would make a
     * jump no market made.
     */
    record SeedResult(InstrumentId instrument, boolean instrumentCreated, long candlesInserted,
                      long candlesAlreadyPresent, boolean earlierSeries) {
    }
}
