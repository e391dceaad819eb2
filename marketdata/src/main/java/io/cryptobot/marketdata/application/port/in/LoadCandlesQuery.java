package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;

/**
 * Candles opening in [from, to), ascending, at most {@code limit} of them, in columns; {@link CandleSeries#next()}
 * says where to continue. Other contexts (backtests, bots) read history through this port. The candles are those
 * {@code reader} sees: their own private candles laid over the shared reference data, never another user's; a
 * backtest reads as the run's owner, a bot as the bot's owner.
 */
public interface LoadCandlesQuery {
    int MAX_LIMIT = 10_000_000;

    Either<DomainError, CandleSeries> load(UserId reader, InstrumentId instrument, Timeframe timeframe, TimeRange range, int limit);

    /**
     * The same from the shared reference data alone, no user's private candles: what a venue's live feed stores and
     * serves, so what a bot on that feed saw (its rebuild after a restart reads these).
     */
    Either<DomainError, CandleSeries> loadShared(InstrumentId instrument, Timeframe timeframe, TimeRange range,
                                                 int limit);
}
