package io.cryptobot.backtest.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.engine.BacktestEngine;
import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.backtest.domain.engine.BacktestSetup;
import io.cryptobot.backtest.domain.engine.Bars;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.backtest.domain.engine.RunControl;
import io.cryptobot.backtest.domain.sweep.ParameterSpace;
import io.cryptobot.backtest.domain.sweep.PointResult;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 20,000 one-minute candles of a seeded random walk, sma_crossover over a 3 × 3 grid. */
class SweepExecutionTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final UserId OWNER = UserId.of(new UUID(1, 2));
    static final long MINUTE = 60_000L;

    @Test
    void two_threads_give_exactly_the_ranking_of_one_thread() {
        Bars bars = synthetic(20_000, 11);
        SweepSpec spec = spec("grid", null, null);
        SweepResult one = run(spec, bars, 1);
        SweepResult two = run(spec, bars, 2);
        assertThat(one.ranked()).hasSize(9);
        assertThat(two).isEqualTo(one);
        assertThat(one.ranked().stream().map(p -> p.report().finalEquity()).distinct().count()).isGreaterThan(1);
    }

    @Test
    void a_walk_forward_is_the_same_on_two_threads_and_reports_out_of_sample_apart() {
        Bars bars = synthetic(20_000, 5);
        // range [1000 min, 20000 min), windows of 6,000 + 3,000 minutes stepping 3,000: s = 1000, 4000, 7000, 10000
        // (s + 9000 <= 20000)
        SweepSpec spec = spec("walk_forward", String.valueOf(6_000 * MINUTE), String.valueOf(3_000 * MINUTE));
        SweepResult one = run(spec, bars, 1);
        SweepResult two = run(spec, bars, 2);
        assertThat(two).isEqualTo(one);
        assertThat(one.windows()).hasSize(4);
        assertThat(one.windows().get(3).window().outOfSampleTo()).isEqualTo(19_000 * MINUTE);
        assertThat(one.ranked()).isEmpty();
        double growth = 1;
        int trades = 0;
        for (var w : one.windows()) {
            assertThat(w.outOfSample().metrics().startTime()).isEqualTo(w.window().outOfSampleFrom());
            growth *= 1 + w.outOfSample().metrics().totalReturn();
            trades += w.outOfSample().trades();
        }
        assertThat(one.outOfSample().get().windows()).isEqualTo(4);
        assertThat(one.outOfSample().get().compoundedReturn()).isEqualTo(growth - 1);
        assertThat(one.outOfSample().get().trades()).isEqualTo(trades);
    }

    @Test
    void a_point_on_a_window_equals_a_plain_run_on_a_copy_of_its_candles() {
        Bars bars = synthetic(20_000, 3);
        SweepSpec spec = spec("grid", null, null);
        SweepResult sweep = run(spec, bars, 2);
        PointResult best = sweep.ranked().get(0);
        BacktestConfig config = spec.base().withParameters(best.parameters());
        var strategy = config.definition().newStrategy(config.validatedParameters());
        // a fresh copy holding exactly the warm-up candles before `from`, then the range, as MarketLoader loads it
        int start = bars.indexAtOrAfter(config.from()) - strategy.warmUpCandles();
        Bars copy = new Bars(BTC, 2, 4, 0);
        for (int i = start; i < bars.size(); i++) {
            var c = bars.candle(i);
            copy.append(c);
        }
        EquitySeries equity = new EquitySeries();
        BacktestOutcome outcome = BacktestEngine.run(new BacktestSetup(OWNER, config.startingCash(), config.limits(),
                config.from(), 99), List.of(market(copy)), strategy, equity::append, RunControl.NONE);
        assertThat(BacktestReport.of(config, outcome, equity)).isEqualTo(best.report());
    }

    @Test
    void a_cancel_stops_the_sweep_without_a_result() {
        Bars bars = synthetic(20_000, 3);
        AtomicInteger done = new AtomicInteger();
        SweepExecution.Control stopAfterTwo = new SweepExecution.Control() {
            @Override
            public void backtestDone() {
                done.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return done.get() >= 2;
            }
        };
        try (SweepExecution execution = new SweepExecution(List.of(market(bars)), OWNER, 1,
                Thread.ofPlatform().factory())) {
            assertThat(execution.run(spec("grid", null, null), stopAfterTwo)).isEmpty();
        }
        assertThat(done.get()).isEqualTo(2);
    }

    static SweepResult run(SweepSpec spec, Bars bars, int threads) {
        try (SweepExecution execution = new SweepExecution(List.of(market(bars)), OWNER, threads,
                Thread.ofPlatform().daemon().factory())) {
            return execution.run(spec, SweepExecution.Control.NONE).get();
        }
    }

    static SweepSpec spec(String kind, String inSample, String outOfSample) {
        BacktestConfig.Raw base = new BacktestConfig.Raw("sma_crossover", Map.of(), List.of(BTC.toString()), "1m",
                String.valueOf(1_000 * MINUTE), String.valueOf(20_000 * MINUTE), "10000", "0.001", "0.001", "0",
                null, null, null, null, null);
        Map<String, ParameterSpace.Raw> space = new LinkedHashMap<>();
        space.put("fast", new ParameterSpace.Raw(List.of("5", "10", "20"), null, null, null));
        space.put("slow", new ParameterSpace.Raw(null, "30", "90", "30"));
        return SweepSpec.checked(new SweepSpec.Raw(kind, base, space, null, null, "totalReturn",
                inSample == null ? null : new io.cryptobot.backtest.domain.sweep.WalkForward.Raw(inSample,
                        outOfSample, null))).get();
    }

    static Market market(Bars bars) {
        return new Market(bars, new FillModel(new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4)),
                FeeSchedule.inQuote(io.cryptobot.exchange.domain.fill.Rate.basisPoints(10),
                        io.cryptobot.exchange.domain.fill.Rate.basisPoints(10)),
                SlippageModel.fixedBasisPoints(0), io.cryptobot.exchange.domain.fill.Rate.basisPoints(1_000)));
    }

    /** A seeded random walk, open = previous close, one minute apart from t = 0. */
    static Bars synthetic(int n, long seed) {
        Bars bars = new Bars(BTC, 2, 4, n);
        SplittableRandom random = new SplittableRandom(seed);
        long close = 3_000_000;
        for (int i = 0; i < n; i++) {
            long open = close;
            close = Math.max(100, open + (long) (random.nextGaussian() * 2_000));
            long high = Math.max(open, close) + random.nextInt(500);
            long low = Math.min(open, close) - random.nextInt(500);
            bars.append(i * MINUTE, open, high, low, close, 1_000_000);
        }
        return bars;
    }
}
