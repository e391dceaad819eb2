package io.cryptobot.risk.domain.event;

import io.cryptobot.kernel.domain.UserId;
import java.util.Objects;

/** A user's kill switch moved: published once the change is stored, for whatever trades for that user. */
public record UserTradingStateChanged(UserId owner, TradingStateChanged change) {
    public UserTradingStateChanged {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(change, "change");
    }
}
