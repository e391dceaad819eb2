package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.domain.sweep.Search;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep: kind, strategy, base parameters, swept axes, objective, status, progress (backtests done of total)
 * and estimated time left.
 */
public record SweepResponse(String id, String kind, String status, String strategy, Map<String, String> parameters,
                            Map<String, List<String>> space, Integer samples, Long seed, String objective,
                            List<String> instruments, String timeframe, Instant from, Instant to, int pointsDone,
                            int pointsTotal, String progress, Long etaSeconds, Instant createdAt, Instant startedAt,
                            Instant finishedAt, String failure) {

    static SweepResponse of(SweepRun run, Instant now) {
        var spec = run.spec();
        var base = spec.base();
        Map<String, List<String>> space = new LinkedHashMap<>();
        spec.space().axes().forEach(a -> space.put(a.name(), a.values()));
        Search.Random random = spec.search() instanceof Search.Random r ? r : null;
        return new SweepResponse(run.id().toString(), spec.kind().code(), run.status().code(), base.strategy(),
                base.parameters(), space, random == null ? null : random.samples(),
                random == null ? null : random.seed(), spec.objective().metric().code(),
                base.instruments().stream().map(Object::toString).toList(), base.timeframe().code(),
                Instant.ofEpochMilli(base.from()), Instant.ofEpochMilli(base.to()), run.pointsDone(),
                run.pointsTotal(), Decimals.approx(run.progress()), run.eta(now).map(Duration::toSeconds).getOrNull(), run.createdAt(),
                run.startedAt().getOrNull(), run.finishedAt().getOrNull(), run.failure().getOrNull());
    }
}
