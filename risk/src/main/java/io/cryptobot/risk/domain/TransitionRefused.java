package io.cryptobot.risk.domain;

import java.util.Objects;

/** A trading-state change that did not happen, and why. */
public record TransitionRefused(TradingState from, TradingState to, String reason) {
    public TransitionRefused {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
