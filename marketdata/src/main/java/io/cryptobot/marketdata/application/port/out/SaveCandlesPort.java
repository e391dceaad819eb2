package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.vavr.control.Either;
import java.util.function.Consumer;

public interface SaveCandlesPort {

    /**
     * Stores into the <b>shared</b> reference data, which every user reads: only the platform (the demo seed, venue
     * downloads) and admin-approved imports call this. Every batch the feed produces is stored in one
     * transaction: all of them, or none if the feed or the store fails. Candles already present (same instrument,
     * timeframe, open time) are left as they are. The feed may reuse one batch object; the store copies what it
     * needs before the feed refills it.
     */
    InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed, InsertProgress progress);

    /**
     * Stores into {@code owner}'s private dataset of the instrument and timeframe, seen by nobody else, as
     * {@link #insertAll} does otherwise (one transaction; candles the dataset already has are left as they are).
     * The owner's private candles, all datasets together, may not pass {@code limit}: when the new ones would take
     * them past it, nothing is stored and the answer says the total they would have reached. The check is exact
     * even when the owner's imports run concurrently.
     */
    Either<LimitPassed, InsertOutcome> insertPrivate(UserId owner, Instrument instrument, Timeframe timeframe,
                                              CandleFeed feed, InsertProgress progress, StoredCandlesLimit limit);

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

    /** Storing the feed would have brought the owner's private candles to {@code wouldStore}, past the limit. */
    record LimitPassed(long wouldStore) {
    }

    record InsertOutcome(long offered, long inserted) {
        public long alreadyPresent() {
            return offered - inserted;
        }
    }
}
