package io.cryptobot.risk.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Either;

/** A user's pre-trade limits: none until set; replacing them validates every field at once. */
public interface RiskLimitsUseCase {
    RiskLimits limits(UserId owner);

    Either<DomainError, RiskLimits> replace(UserId owner, String currency, LimitsInput input);
}
