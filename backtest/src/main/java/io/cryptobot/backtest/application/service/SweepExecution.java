package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.engine.BacktestEngine;
import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.backtest.domain.engine.BacktestSetup;
import io.cryptobot.backtest.domain.engine.Bars;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.backtest.domain.engine.RunControl;
import io.cryptobot.backtest.domain.sweep.Objective;
import io.cryptobot.backtest.domain.sweep.OutOfSample;
import io.cryptobot.backtest.domain.sweep.PointResult;
import io.cryptobot.backtest.domain.sweep.SweepPlan;
import io.cryptobot.backtest.domain.sweep.SweepPoint;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.backtest.domain.sweep.WalkForward;
import io.cryptobot.backtest.domain.sweep.WindowResult;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's backtests over one loaded history on {@code threads} threads. Every point gets read-only
 * {@link Bars#window} views of the shared columns (its own warm-up candles before the slice, then the slice), its
 * own strategy instance, equity series and report; threads take the next point from a shared counter and store
 * each result at its point's position, so the results are the same whatever the scheduling. Only the report is
 * kept per point (no trades, orders or curve).
 */
public final class SweepExecution implements AutoCloseable {
    private final List<Market> markets;
    private final UserId owner;
    private final int threads;
    private final ExecutorService pool;

    /** Follows and stops a sweep; called from the sweep's threads. */
    public interface Control {
        Control NONE = new Control() {
        };

        /** One more backtest of the sweep finished. */
        default void backtestDone() {
        }

        default boolean cancelled() {
            return false;
        }
    }

    /** {@code threads} backtests at a time on threads made by {@code factory} (none when one at a time). */
    public SweepExecution(List<Market> markets, UserId owner, int threads, ThreadFactory factory) {
        this.markets = List.copyOf(markets);
        this.owner = owner;
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, factory);
    }

    /** Backtests in each market's history before the warm-up: the largest warm-up of the plan's points. */
    public static int warmUpCandles(BacktestConfig base, SweepPlan plan) {
        int most = 0;
        for (SweepPoint point : plan.points()) {
            most = Math.max(most, strategy(base, point).warmUpCandles());
        }
        return most;
    }

    /**
     * The whole sweep: grid and random rank every point over the base range; walk-forward searches each window's
     * in-sample slice, then runs its best point on the out-of-sample slice. None if cancelled.
     */
    public Option<SweepResult> run(SweepSpec spec, Control control) {
        SweepPlan plan = spec.plan();
        BacktestConfig base = spec.base();
        if (spec.walkForward().isEmpty()) {
            List<PointResult> results = points(base, plan.points(), base.from(), base.to(), control);
            return results == null ? Option.none()
                    : Option.some(new SweepResult(spec.objective().rank(results), plan.skipped(), List.of(),
                    Option.none()));
        }
        List<WindowResult> windows = new ArrayList<>();
        for (WalkForward.Window window : spec.walkForward().get().windows(base.from(), base.to())) {
            List<PointResult> inSample = points(base, plan.points(), window.inSampleFrom(), window.inSampleTo(),
                    control);
            if (inSample == null) {
                return Option.none();
            }
            PointResult best = spec.objective().rank(inSample).get(0);
            SweepPoint winner = new SweepPoint(best.index(), best.parameters());
            BacktestReport outOfSample = backtest(base, winner, window.outOfSampleFrom(), window.outOfSampleTo(),
                    control).report();
            control.backtestDone();
            windows.add(new WindowResult(window, best, spec.objective().value(best.report()), outOfSample));
        }
        return Option.some(new SweepResult(List.of(), plan.skipped(), windows, Option.some(OutOfSample.of(windows))));
    }

    /** The points over {@code [from, to)}, in the order given; null if cancelled. */
    public List<PointResult> points(BacktestConfig base, List<SweepPoint> points, long from, long to,
                                    Control control) {
        PointResult[] results = new PointResult[points.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < results.length && !control.cancelled();
                 i = next.getAndIncrement()) {
                results[i] = backtest(base, points.get(i), from, to, control);
                control.backtestDone();
            }
        };
        if (pool == null) {
            worker.run();
        } else {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> future : running) {
                await(future);
            }
        }
        return control.cancelled() || Arrays.stream(results).anyMatch(r -> r == null) ? null
                : Arrays.asList(results);
    }

    /** One point over {@code [from, to)}, warmed up on the candles just before {@code from}. */
    PointResult backtest(BacktestConfig base, SweepPoint point, long from, long to, Control control) {
        BacktestConfig config = base.withParameters(point.parameters()).withRange(from, to);
        Strategy strategy = strategy(base, point);
        int warmUp = strategy.warmUpCandles();
        List<Market> slices = new ArrayList<>(markets.size());
        int size = 0;
        for (Market market : markets) {
            Bars bars = market.bars();
            int start = bars.indexAtOrAfter(from);
            int end = bars.indexAtOrAfter(to);
            if (start >= end) {
                throw new IllegalStateException("no " + config.timeframe().code() + " candle of " + bars.instrument()
                        + " in [" + java.time.Instant.ofEpochMilli(from) + ", " + java.time.Instant.ofEpochMilli(to)
                        + ")");
            }
            slices.add(new Market(bars.window(Math.max(0, start - warmUp), end), market.fillModel()));
            size = Math.max(size, end - start);
        }
        EquitySeries equity = new EquitySeries(size);
        RunControl stop = new RunControl() {
            @Override
            public boolean cancelled() {
                return control.cancelled();
            }
        };
        BacktestOutcome outcome = BacktestEngine.run(new BacktestSetup(owner, config.startingCash(), config.limits(),
                from, point.index()), slices, strategy, equity::append, stop);
        if (equity.isEmpty()) {
            throw new IllegalStateException("no candle opens in [" + from + ", " + to + ") after the warm-up");
        }
        return new PointResult(point.index(), point.parameters(), BacktestReport.of(config, outcome, equity));
    }

    private static Strategy strategy(BacktestConfig base, SweepPoint point) {
        return base.withParameters(point.parameters()).newStrategy();
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sweeping", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
