package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.cryptobot.risk.domain.event.TradingStateChanged.TradingHalted;
import io.cryptobot.risk.domain.event.TradingStateChanged.TradingReduced;
import io.cryptobot.risk.domain.event.TradingStateChanged.TradingResumed;
import io.vavr.control.Either;

/**
 * Whether an account may trade. {@code ACTIVE}: every rule applies as configured. {@code REDUCING}: only orders
 * that make a position smaller pass. {@code HALTED} (the kill switch): nothing passes.
 *
 * <p>Every state may move to every other one, each move with a reason and an event; a move to the state one is
 * already in is refused as a value (nothing happened, so there is no event).
 */
public enum TradingState {
    ACTIVE,
    REDUCING,
    HALTED;

    public Either<TransitionRefused, TradingHalted> halt(String reason, EventMeta meta) {
        return check(HALTED, reason).map(ok -> new TradingHalted(meta, this, reason));
    }

    public Either<TransitionRefused, TradingReduced> reduceOnly(String reason, EventMeta meta) {
        return check(REDUCING, reason).map(ok -> new TradingReduced(meta, this, reason));
    }

    public Either<TransitionRefused, TradingResumed> resume(String reason, EventMeta meta) {
        return check(ACTIVE, reason).map(ok -> new TradingResumed(meta, this, reason));
    }

    /** The state an event leads to; replaying the events of an account rebuilds its state. */
    public static TradingState after(TradingStateChanged event) {
        return event.to();
    }

    private Either<TransitionRefused, TradingState> check(TradingState target, String reason) {
        if (reason == null || reason.isBlank()) {
            return Either.left(new TransitionRefused(this, target, "a reason is required to change the trading state"));
        }
        if (this == target) {
            return Either.left(new TransitionRefused(this, target, "trading is already " + name().toLowerCase(java.util.Locale.ROOT)));
        }
        return Either.right(target);
    }
}
