package io.cryptobot.backtest.domain.sweep;

import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;

/**
 * What a completed sweep found. Grid and random: every point run, ranked best first by the objective, and the
 * count skipped by the strategy's rules. Walk-forward: no overall ranking (each window ranks its own in-sample
 * points), the windows in time order, and the out-of-sample aggregate reported apart from any in-sample figure.
 */
public record SweepResult(List<PointResult> ranked, int skipped, List<WindowResult> windows,
                          Option<OutOfSample> outOfSample) {
    public SweepResult {
        ranked = List.copyOf(ranked);
        windows = List.copyOf(windows);
        Objects.requireNonNull(outOfSample, "outOfSample");
    }
}
