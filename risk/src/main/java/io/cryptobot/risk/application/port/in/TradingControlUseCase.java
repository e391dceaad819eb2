package io.cryptobot.risk.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Either;

/**
 * The kill switch of a user: halt (nothing may be traded), reduce only, resume; each with a reason, each recorded
 * in the audit trail. Moving to the state one is in is a conflict; a blank reason is invalid.
 */
public interface TradingControlUseCase {
    TradingStatus status(UserId owner);

    Either<DomainError, TradingStatus> change(UserId owner, TradingState target, String reason);

    /** Halts, for callers outside the trading contexts (an admin disabling the owner): {@code change} to halted. */
    default Either<DomainError, TradingStatus> halt(UserId owner, String reason) {
        return change(owner, TradingState.HALTED, reason);
    }

    /**
     * Halts because a session saw the owner's daily loss limit breached: {@code change} to halted, published as a
     * daily-loss halt.
     */
    Either<DomainError, TradingStatus> haltForDailyLoss(UserId owner, String reason);

    Page<TradingStateChanged> history(UserId owner, PageRequest page);
}
