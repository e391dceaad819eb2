package io.cryptobot.marketdata.adapter.out.persistence;

import io.cryptobot.kernel.domain.Timeframe;

/** Timeframes are stored as their nominal length in seconds: stable, compact, and readable in SQL. */
final class TimeframeColumn {
    private TimeframeColumn() {
    }

    static int of(Timeframe timeframe) {
        return (int) timeframe.nominalLength().toSeconds();
    }

    static Timeframe from(int seconds) {
        for (Timeframe timeframe : Timeframe.values()) {
            if (of(timeframe) == seconds) {
                return timeframe;
            }
        }
        throw new IllegalStateException("no timeframe of " + seconds + " s");
    }
}
