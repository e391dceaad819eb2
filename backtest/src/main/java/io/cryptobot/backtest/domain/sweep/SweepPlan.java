package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points a sweep runs, in ascending grid index, and how many of the searched points it skipped because the
 * strategy's own validation refused them (cross-parameter rules such as fast &lt; slow): those are counted, never
 * run.
 */
public record SweepPlan(List<SweepPoint> points, int skipped) {
    public SweepPlan {
        points = List.copyOf(points);
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must not be negative: " + skipped);
        }
    }

    /** Each searched point is the base parameters overridden by the space's values at that grid index. */
    public static SweepPlan of(StrategyDefinition strategy, Map<String, String> base, ParameterSpace space,
                               Search search) {
        List<SweepPoint> points = new ArrayList<>();
        int skipped = 0;
        for (int index : search.indices(space.size())) {
            Map<String, String> parameters = new LinkedHashMap<>(base);
            parameters.putAll(space.point(index));
            if (strategy.validate(parameters).isValid()) {
                points.add(new SweepPoint(index, parameters));
            } else {
                skipped++;
            }
        }
        return new SweepPlan(points, skipped);
    }
}
