package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Instrument;
import java.util.function.Consumer;

public interface SaveCandlesPort {

    /**
     * Stores every batch the feed produces in one transaction: all of them, or none if the feed or the store
     * fails. Candles already present (same instrument, timeframe, open time) are left as they are. The feed may
     * reuse one batch object; the store copies what it needs before the feed refills it.
     */
    InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed, InsertProgress progress);

    /**
     * Produces the candles batch by batch, calling the consumer once per filled batch. A store may run the feed
     * more than once (a retry by another strategy); every run must produce the same candles.
     */
    @FunctionalInterface
    interface CandleFeed {
        void forEachBatch(Consumer<CandleBatch> consumer);
    }

    /** Told after each stored batch, with running totals; not yet committed. */
    @FunctionalInterface
    interface InsertProgress {
        void stored(long offered, long inserted);
    }

    record InsertOutcome(long offered, long inserted) {
        public long alreadyPresent() {
            return offered - inserted;
        }
    }
}
