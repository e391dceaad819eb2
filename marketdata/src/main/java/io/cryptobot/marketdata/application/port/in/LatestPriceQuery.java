package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** The newest candle {@code reader} sees (their own private candles over the shared ones), and its close. */
public interface LatestPriceQuery {
    Either<DomainError, LatestPrice> latest(UserId reader, InstrumentId instrument, Timeframe timeframe);
}
