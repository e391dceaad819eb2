package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.Gap;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import java.util.List;

/** The intervals of [from, to) where {@code reader} sees no candle (neither their own nor a shared one), in order. */
public interface FindCandleGapsQuery {
    Either<DomainError, List<Gap>> gaps(UserId reader, InstrumentId instrument, Timeframe timeframe, TimeRange range);

    /** The intervals of [from, to) where the shared reference data has no candle (what venue downloads fill). */
    Either<DomainError, List<Gap>> sharedGaps(InstrumentId instrument, Timeframe timeframe, TimeRange range);
}
