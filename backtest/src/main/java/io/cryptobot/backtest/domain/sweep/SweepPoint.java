package io.cryptobot.backtest.domain.sweep;

import java.util.Map;
import java.util.Objects;

/** One set of strategy parameters a sweep runs: its grid index and the full, valid parameter map. */
public record SweepPoint(int index, Map<String, String> parameters) {
    public SweepPoint {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }
}
