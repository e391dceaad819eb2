package io.cryptobot.risk.domain;

import io.vavr.control.Either;

/** One pre-trade rule: a pure function of the order and the account, refusing with a reason or allowing. */
@FunctionalInterface
interface RiskRule {
    Either<RiskRefusal, Allowance> check(OrderIntent intent, AccountSnapshot account);
}
