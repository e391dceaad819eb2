package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Either;

public interface LatestPriceQuery {
    Either<DomainError, LatestPrice> latest(InstrumentId instrument, Timeframe timeframe);
}
