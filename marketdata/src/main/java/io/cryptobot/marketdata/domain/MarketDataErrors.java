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
}
