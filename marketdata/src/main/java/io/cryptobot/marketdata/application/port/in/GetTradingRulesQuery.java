package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.control.Either;

/** A known instrument's tick and step; not found for an unknown one. */
public interface GetTradingRulesQuery {
    Either<DomainError, TradingRules> rules(InstrumentId id);
}
