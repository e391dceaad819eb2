package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestReport;
import io.cryptobot.backtest.domain.BacktestResult;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.engine.BacktestEngine;
import io.cryptobot.backtest.domain.engine.BacktestOutcome;
import io.cryptobot.backtest.domain.engine.BacktestSetup;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.backtest.domain.engine.RunControl;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Executes one queued run: loads its candles, runs the engine, computes the report and stores the results,
 * reporting progress about once a second and stopping when the stored status says cancelled. Every status
 * change is compare-and-set, so a cancel that lands first wins.
 */
@ApplicationScoped
public class BacktestRunner {
    private static final long PROGRESS_MILLIS = 1_000;
    private final BacktestStorePort store;
    private final MarketLoader loader;
    private final Clock clock;

    BacktestRunner(BacktestStorePort store, MarketLoader loader, Clock clock) {
        this.store = store;
        this.loader = loader;
        this.clock = clock;
    }

    public void execute(BacktestId id) {
        Option<BacktestRun> queued = store.load(id).filter(run -> run.status() == BacktestStatus.QUEUED);
        if (queued.isEmpty()) {
            return;
        }
        BacktestRun run = queued.get();
        BacktestRun running = run;
        try {
            BacktestConfig config = run.config();
            Strategy strategy = config.newStrategy();
            Either<DomainError, List<Market>> markets = loader.load(config, strategy.warmUpCandles());
            if (markets.isLeft()) {
                store.update(run.start(0, clock.now()).fail(markets.getLeft().detail(), clock.now()),
                        BacktestStatus.QUEUED);
                return;
            }
            long total = markets.get().stream().mapToLong(m -> m.bars().size()).sum();
            running = run.start(total, clock.now());
            if (!store.update(running, BacktestStatus.QUEUED)) {
                return;
            }
            EquitySeries equity = new EquitySeries(markets.get().get(0).bars().size());
            BacktestSetup setup = new BacktestSetup(run.owner(), config.startingCash(), config.limits(), config.from(),
                    id.value().getMostSignificantBits());
            BacktestOutcome outcome = BacktestEngine.run(setup, markets.get(), strategy, equity::append,
                    new Progress(id));
            if (outcome.cancelled()) {
                return;
            }
            if (equity.isEmpty()) {
                store.update(running.fail(BacktestErrors.noCandles("no candle opens in the range after the warm-up")
                        .detail(), clock.now()), BacktestStatus.RUNNING);
                return;
            }
            BacktestReport report = BacktestReport.of(config, outcome, equity);
            store.complete(running.complete(outcome.candlesProcessed(), clock.now()),
                    new BacktestResult(report, outcome, equity));
        } catch (RuntimeException e) {
            // the owner sees an incident id, never internals; the worker logs the cause under the same id
            UUID incident = UUID.randomUUID();
            BacktestStatus expected = running.status();
            store.update((expected == BacktestStatus.QUEUED ? running.start(0, clock.now()) : running)
                    .fail("internal error, incident " + incident, clock.now()), expected);
            throw new IllegalStateException("backtest " + id + " failed, incident " + incident, e);
        }
    }

    /** Saves progress at most once a second and turns a stored cancel into the engine's stop. */
    private final class Progress implements RunControl {
        private final BacktestId id;
        private Instant lastSaved;
        private boolean cancelled;

        Progress(BacktestId id) {
            this.id = id;
            this.lastSaved = clock.now();
        }

        @Override
        public void progress(long processed, long total) {
            Instant now = clock.now();
            if (now.toEpochMilli() - lastSaved.toEpochMilli() < PROGRESS_MILLIS) {
                return;
            }
            lastSaved = now;
            cancelled = store.progress(id, processed).forAll(status -> status != BacktestStatus.RUNNING);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
