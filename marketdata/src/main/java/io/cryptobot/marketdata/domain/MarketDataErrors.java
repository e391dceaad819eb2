package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.collection.Seq;

/** The errors this context returns, with their stable codes. */
public final class MarketDataErrors {
    private MarketDataErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("marketdata.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError instrumentNotFound(InstrumentId id) {
        return new DomainError.NotFound("marketdata.instrument.not_found", "no instrument " + id);
    }

    public static DomainError instrumentExists(InstrumentId id) {
        return new DomainError.Conflict("marketdata.instrument.exists", "instrument " + id + " is already defined");
    }

    public static DomainError importNotFound(ImportJobId id) {
        return new DomainError.NotFound("marketdata.import.not_found", "no import " + id);
    }

    /** Fairness between users: one user's uploads may not fill the import queue for everyone. */
    public static DomainError tooManyUnfinishedImports(int limit) {
        return new DomainError.RateLimited("marketdata.import.too_many_unfinished", "you already have " + limit
                + " imports queued or running (limit max-unfinished-per-user = " + limit
                + "); wait for one to finish", 5);
    }

    public static DomainError noCandles(InstrumentId id, Timeframe timeframe) {
        return new DomainError.NotFound("marketdata.candles.none", "no " + timeframe.code() + " candles for " + id);
    }

    /** Shared reference data is what every user's backtests and bots read: only an admin may write it. */
    public static DomainError sharedDataNeedsAdmin() {
        return new DomainError.Forbidden("marketdata.dataset.shared_needs_admin", "only an admin may store candles "
                + "in the shared data; leave dataset out (or set it to private) to store them in your own dataset");
    }

    /** The caller already stores as many private candles as they may. */
    public static DomainError storedLimitReached(StoredCandlesLimit limit, long stored) {
        return new DomainError.QuotaExceeded("marketdata.dataset.limit_reached", "you store " + stored
                + " candles in your datasets, the most you may " + limit.named()
                + "; delete a dataset (DELETE /api/marketdata/datasets/...) to make room");
    }

    /** Why an import failed when storing its candles would have passed the owner's limit. */
    public static String storedLimitPassed(StoredCandlesLimit limit, long wouldStore) {
        return "storing these candles would bring your datasets to " + wouldStore + " candles, more than you may "
                + "store " + limit.named() + "; nothing was stored";
    }

    public static DomainError datasetNotFound(InstrumentId instrument, Timeframe timeframe) {
        return new DomainError.NotFound("marketdata.dataset.not_found", "no private dataset of " + instrument + " "
                + timeframe.code());
    }
}
