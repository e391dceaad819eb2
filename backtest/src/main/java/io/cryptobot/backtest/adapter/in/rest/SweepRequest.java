package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.sweep.ParameterSpace;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.backtest.domain.sweep.WalkForward;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as a client asks for it: the kind ({@code grid}, {@code random}, {@code walk_forward}), the base backtest
 * (same shape as {@code POST /api/backtests}), per swept parameter either {@code values} or {@code min}, {@code max}
 * and {@code step}, {@code samples} and {@code seed} for a random search, the {@code objective} metric and, for
 * walk-forward, the in-sample and out-of-sample lengths (ISO-8601 durations or milliseconds) and the step.
 */
public record SweepRequest(String kind, BacktestRequest backtest, Map<String, Axis> space, String samples,
                           String seed, String objective, Windows walkForward) {

    public record Axis(List<String> values, String min, String max, String step) {
    }

    public record Windows(String inSample, String outOfSample, String step) {
    }

    SweepSpec.Raw raw() {
        Map<String, ParameterSpace.Raw> axes = new LinkedHashMap<>();
        if (space != null) {
            space.forEach((name, axis) -> axes.put(name, axis == null ? null
                    : new ParameterSpace.Raw(axis.values(), axis.min(), axis.max(), axis.step())));
        }
        return new SweepSpec.Raw(kind, backtest == null ? null : backtest.raw(), axes, samples, seed, objective,
                walkForward == null ? null
                        : new WalkForward.Raw(walkForward.inSample(), walkForward.outOfSample(), walkForward.step()));
    }
}
