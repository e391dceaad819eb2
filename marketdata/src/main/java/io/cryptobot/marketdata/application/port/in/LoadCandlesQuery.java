package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;

/**
 * Candles opening in [from, to), ascending, at most {@code limit} of them, in columns; {@link CandleSeries#next()}
 * says where to continue. Other contexts (backtests, bots) read history through this port.
 */
public interface LoadCandlesQuery {
    int MAX_LIMIT = 10_000_000;

    Either<DomainError, CandleSeries> load(InstrumentId instrument, Timeframe timeframe, TimeRange range, int limit);
}
