package io.cryptobot.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.BacktestResult;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.engine.BacktestEngine;
import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.backtest.domain.engine.BacktestSetup;
import io.cryptobot.backtest.domain.engine.Bars;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.backtest.domain.engine.RunControl;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store's guarantees: results and the completed status land together or not at all; while they are written,
 * the rows written so far are visible and the results are not; a failed write leaves the run failable.
 */
@QuarkusTest
class BacktestStoreTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();

    @Inject
    BacktestStorePort store;

    @Test
    void a_result_that_cannot_be_written_leaves_the_run_storing_with_nothing_stored_and_it_can_then_be_failed() {
        BacktestConfig config = config();
        BacktestResult good = result(config);
        BacktestRun storing = storing(config, good);
        BacktestReport broken = new BacktestReport("US\u0000DT", good.report().startingCash(),
                good.report().finalEquity(), good.report().netPnl(), Map.of(), Map.of(), 1, 0, 0, 0, Map.of(),
                good.report().metrics());

        assertThatThrownBy(() -> store.complete(storing, new BacktestResult(broken, good.outcome(), good.equity()),
                new Recording(storing))).isInstanceOf(RuntimeException.class);

        assertThat(store.load(storing.id()).get().status()).isEqualTo(BacktestStatus.STORING);
        assertThat(store.report(storing.id())).isEmpty();
        assertThat(store.equity(storing.id())).isEmpty();
        assertThat(store.update(storing.fail("the run failed: storage", Instant.now()), BacktestStatus.STORING)).isTrue();
        assertThat(store.load(storing.id()).get().status()).isEqualTo(BacktestStatus.FAILED);
    }

    @Test
    void a_completed_run_reads_back_exactly() {
        BacktestConfig config = config();
        BacktestResult result = result(config);
        BacktestRun storing = storing(config, result);

        assertThat(store.complete(storing, result, new Recording(storing))).isTrue();

        BacktestRun completed = store.load(storing.id()).get();
        assertThat(completed.config()).isEqualTo(config);
        assertThat(completed.status()).isEqualTo(BacktestStatus.COMPLETED);
        assertThat(completed.rowsStored()).isEqualTo(completed.rowsTotal()).isEqualTo(result.rows());
        assertThat(store.report(storing.id()).get()).isEqualTo(result.report());
        EquitySeries equity = store.equity(storing.id()).get();
        assertThat(equity.size()).isEqualTo(result.equity().size());
        for (int i = 0; i < equity.size(); i++) {
            assertThat(equity.time(i)).isEqualTo(result.equity().time(i));
            assertThat(equity.equity(i)).isEqualTo(result.equity().equity(i));
            assertThat(equity.exposed(i)).isEqualTo(result.equity().exposed(i));
        }
        assertThat(store.trades(storing.id(), new io.cryptobot.kernel.domain.PageRequest(0, 10_000)).total())
                .isEqualTo(result.outcome().trades().size());
        // a second completion (say, a duplicate worker) is refused: the run is no longer storing
        assertThat(store.complete(storing, result, new Recording(storing))).isFalse();
    }

    @Test
    void while_results_are_written_other_readers_see_the_rows_written_and_no_results() {
        BacktestConfig config = config();
        BacktestResult result = result(config);
        BacktestRun storing = storing(config, result);
        List<String> seen = new ArrayList<>();
        Recording writing = new Recording(storing) {
            @Override
            public void stored(long rows) {
                super.stored(rows);
                // called inside the storing transaction: these reads go through other connections
                store.stored(storing.id(), rows);
                BacktestRun now = store.load(storing.id()).get();
                seen.add(now.status().code() + " " + now.rowsStored() + "/" + now.rowsTotal() + " report "
                        + store.report(storing.id()).isDefined() + " trades "
                        + store.trades(storing.id(), new io.cryptobot.kernel.domain.PageRequest(0, 1)).total());
            }
        };

        assertThat(store.complete(storing, result, writing)).isTrue();

        long total = result.rows();
        assertThat(writing.reported.get(0)).isEqualTo(2);
        assertThat(writing.reported.get(writing.reported.size() - 1)).isEqualTo(total);
        assertThat(writing.reported).isSorted();
        assertThat(seen).first().isEqualTo("storing 2/" + total + " report false trades 0");
        assertThat(seen).last().isEqualTo("storing " + total + "/" + total + " report false trades 0");
        BacktestRun completed = store.load(storing.id()).get();
        // finishedAt is the moment asked for after the last row, not the engine's end
        assertThat(completed.finishedAt()).contains(writing.completedAt);
    }

    /** A storing run in the store: started, its engine ended, {@code result}'s rows to write. */
    BacktestRun storing(BacktestConfig config, BacktestResult result) {
        BacktestRun running = BacktestRun.queue(BacktestId.random(), new UserId(UUID.randomUUID()), config,
                Instant.now()).start(2_000, Instant.now());
        store.insert(running);
        BacktestRun storing = running.storing(2_000, result.rows()).get();
        assertThat(store.update(storing, BacktestStatus.RUNNING)).isTrue();
        return storing;
    }

    /** Remembers the row counts reported and stamps the completed run with a microsecond-exact time. */
    static class Recording implements BacktestStorePort.Writing {
        final BacktestRun storing;
        final List<Long> reported = new ArrayList<>();
        Instant completedAt;

        Recording(BacktestRun storing) {
            this.storing = storing;
        }

        @Override
        public void stored(long rows) {
            reported.add(rows);
        }

        @Override
        public BacktestRun completed() {
            completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return storing.complete(completedAt).get();
        }
    }

    static BacktestConfig config() {
        return BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover", Map.of("fast", "5", "slow", "20"),
                List.of(BTC.toString()), "1m", "0", "120000000", "10000", null, null, null, null, "5000", "50",
                "3", "1000")).get();
    }

    static BacktestResult result(BacktestConfig config) {
        Bars bars = new Bars(BTC, 2, 5, 2_000);
        SplittableRandom random = new SplittableRandom(3);
        long close = 4_200_000;
        for (int i = 0; i < 2_000; i++) {
            long open = close;
            close = Math.max(100, open + (long) (random.nextGaussian() * 3_000));
            bars.append(i * 60_000L, open, Math.max(open, close) + 100, Math.min(open, close) - 100, close, 1_000_000);
        }
        FillModel model = new FillModel(new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 5)),
                FeeSchedule.inQuote(Rate.basisPoints(10), Rate.basisPoints(10)), SlippageModel.none(),
                Rate.basisPoints(1_000));
        EquitySeries equity = new EquitySeries(2_000);
        var strategy = config.definition().newStrategy(config.validatedParameters());
        BacktestOutcome outcome = BacktestEngine.run(new BacktestSetup(new UserId(UUID.randomUUID()),
                config.startingCash(), io.cryptobot.risk.domain.RiskLimits.none(), 0, 7),
                List.of(new Market(bars, model)), strategy, equity::append, RunControl.NONE);
        return new BacktestResult(BacktestReport.of(config, outcome, equity), outcome, equity);
    }
}
