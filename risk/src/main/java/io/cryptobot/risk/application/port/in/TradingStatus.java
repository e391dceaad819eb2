package io.cryptobot.risk.application.port.in;

import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/** A user's trading state, since when and why (none for the initial active state). */
public record TradingStatus(TradingState state, Option<Instant> since, Option<String> reason) {
    public TradingStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }

    public static final TradingStatus INITIAL = new TradingStatus(TradingState.ACTIVE, Option.none(), Option.none());
}
