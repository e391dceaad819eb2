package io.cryptobot.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.backtest.application.port.in.GetBacktestQuery;
import io.cryptobot.backtest.application.port.in.StartBacktestUseCase;
import io.cryptobot.backtest.application.service.MarketLoader;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.engine.BacktestEngine;
import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.backtest.domain.engine.BacktestSetup;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.backtest.domain.engine.RunControl;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.DefineInstrumentUseCase;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesCommand;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesUseCase;
import io.cryptobot.marketdata.application.port.in.GetImportJobQuery;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The backtest benchmark of docs/benchmarks.md (run by {@code -Pbench}, never by the normal suite). Workload, as
 * the issue fixes it: SMA(10)/SMA(30) crossover, long only, market orders at the next open, 0.1 % fee, all-in,
 * over {@code bench.candles} (default 1,000,000) seeded synthetic 1-minute candles stored in PostgreSQL.
 * <ol>
 * <li>engine throughput with the history in memory (indicators, strategy, order state machine, fill model, fees,
 *     ledger, risk check per order, equity per candle): warm-up rounds, then timed rounds on one thread;</li>
 * <li>end to end: load from PostgreSQL into the columnar series + run + metrics (what a job does before it
 *     stores its results);</li>
 * <li>memory: bytes a loaded candle holds (the columns), and the heap growth measured around a load;</li>
 * <li>a whole job through the use case, results stored.</li>
 * </ol>
 */
@QuarkusTest
class BacktestBench {
    private static final long FROM = 1_577_836_800_000L; // 2020-01-01T00:00Z
    private final List<String> report = new ArrayList<>();

    @Inject
    DefineInstrumentUseCase define;
    @Inject
    GenerateSyntheticCandlesUseCase generate;
    @Inject
    GetImportJobQuery jobs;
    @Inject
    MarketLoader loader;
    @Inject
    StartBacktestUseCase start;
    @Inject
    GetBacktestQuery runs;

    @Test
    void runs_a_million_candles() throws IOException, InterruptedException {
        int n = Integer.getInteger("bench.candles", 1_000_000);
        UserId owner = new UserId(UUID.randomUUID());
        String base = "BT" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase();
        Instrument instrument = define.define(Instrument.define("BENCH", base, "USDT", "0.01", "0.00001").get()).get();
        ImportJob job = generate.generate(new GenerateSyntheticCandlesCommand(owner, instrument.id(), Timeframe.M1,
                io.cryptobot.marketdata.domain.DatasetTarget.PRIVATE, FROM, n, 42, "42000", 0, 0.001, "10")).get();
        while (!jobs.get(owner, job.id()).get().status().isFinished()) {
            Thread.sleep(20);
        }
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover",
                Map.of("fast", "10", "slow", "30"), List.of(instrument.id().toString()), "1m", String.valueOf(FROM),
                String.valueOf(FROM + n * 60_000L), "10000", "0.001", "0.001", "0", null, null, null, null, null))
                .get();
        line("workload: sma_crossover fast=10 slow=30, all-in long only, market at next open, fee 0.1%%, "
                + "%,d synthetic 1m candles; JVM %s, %d processors", n, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        // memory: the columns of a loaded history, and the heap growth around one load
        long before = usedAfterGc();
        List<Market> markets = loader.load(owner, config, 30).get();
        long after = usedAfterGc();
        int loaded = markets.get(0).bars().size();
        assertThat(loaded).isEqualTo(n);
        line("memory: columns %d bytes/candle (%,d bytes for %,d candles); heap growth after GC %.1f bytes/candle",
                markets.get(0).bars().retainedBytes() / loaded, markets.get(0).bars().retainedBytes(), loaded,
                (double) (after - before) / loaded);

        // 1. the engine alone, history in memory
        int warmUps = 5;
        int rounds = 10;
        double[] rates = new double[rounds];
        BacktestOutcome outcome = null;
        for (int round = -warmUps; round < rounds; round++) {
            var strategy = config.definition().newStrategy(config.validatedParameters());
            EquitySeries equity = new EquitySeries(n);
            long t0 = System.nanoTime();
            outcome = BacktestEngine.run(setup(owner, config), markets, strategy, equity::append, RunControl.NONE);
            long ns = System.nanoTime() - t0;
            if (round >= 0) {
                rates[round] = n * 1e9 / ns;
            }
        }
        Arrays.sort(rates);
        line("engine in memory, one thread: median %,.0f candles/s, best %,.0f, worst %,.0f (%d rounds after %d "
                + "warm-up); %,d fills, %,d trades", rates[rounds / 2], rates[rounds - 1], rates[0], rounds, warmUps,
                outcome.fills().size(), outcome.trades().size());

        // 2. end to end: load from PostgreSQL + run + metrics
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            List<Market> fresh = loader.load(owner, config, 30).get();
            long t1 = System.nanoTime();
            var strategy = config.definition().newStrategy(config.validatedParameters());
            EquitySeries equity = new EquitySeries(n);
            BacktestOutcome run = BacktestEngine.run(setup(owner, config), fresh, strategy, equity::append,
                    RunControl.NONE);
            long t2 = System.nanoTime();
            BacktestReport result = BacktestReport.of(config, run, equity);
            long t3 = System.nanoTime();
            line("end to end, round %d: %,d ms = load %,d + run %,d + metrics %,d ms (final equity %s, Sharpe %.3f)",
                    round, (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, result.finalEquity().toPlainString(), result.metrics().sharpe());
        }

        // 4. a whole job, results stored
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            BacktestRun queued = start.start(owner, raw(config)).get();
            BacktestRun done;
            while (!(done = runs.get(owner, queued.id()).get()).status().isFinished()) {
                Thread.sleep(10);
            }
            assertThat(done.status()).as(done.failure().getOrElse("")).isEqualTo(BacktestStatus.COMPLETED);
            line("whole job through StartBacktestUseCase (queue, load, run, metrics, store results), round %d: %,d ms",
                    round, (System.nanoTime() - t0) / 1_000_000);
        }

        Files.write(Path.of("target", "backtest-bench.txt"), report);
        System.out.println(String.join(System.lineSeparator(), report));
    }

    private static BacktestSetup setup(UserId owner, BacktestConfig config) {
        return new BacktestSetup(owner, config.startingCash(), config.limits(), config.from(), 1);
    }

    private static BacktestConfig.Raw raw(BacktestConfig config) {
        return new BacktestConfig.Raw(config.strategy(), config.parameters(),
                config.instruments().stream().map(Object::toString).toList(), config.timeframe().code(),
                Instant.ofEpochMilli(config.from()).toString(), Instant.ofEpochMilli(config.to()).toString(), "10000",
                "0.001", "0.001", "0", null, null, null, null, null);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private void line(String format, Object... args) {
        report.add(String.format(format, args));
    }
}
