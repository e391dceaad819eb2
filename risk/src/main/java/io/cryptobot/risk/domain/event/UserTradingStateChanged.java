package io.cryptobot.risk.domain.event;

import io.cryptobot.kernel.domain.UserId;
import java.util.Objects;

/**
 * A user's kill switch moved: published once the change is stored, for whatever trades for that user.
 * {@code dailyLossHalt}: the halt was tripped by a session on a breached daily loss, not asked for by a person.
 */
public record UserTradingStateChanged(UserId owner, TradingStateChanged change, boolean dailyLossHalt) {
    public UserTradingStateChanged {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(change, "change");
        if (dailyLossHalt && !(change instanceof TradingStateChanged.TradingHalted)) {
            throw new IllegalArgumentException("only a halt can be a daily-loss halt");
        }
    }

    public UserTradingStateChanged(UserId owner, TradingStateChanged change) {
        this(owner, change, false);
    }
}
