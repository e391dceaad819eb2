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
 * Executes one queued run: loads its candles, runs the engine, computes the report, then moves the run to
 * storing and writes the results, which completes it. Progress is saved about once a second (candles while
 * running, result rows while storing); a stored cancel stops the engine at its next check. Every status change is
 * compare-and-set, so a cancel that lands before the run starts storing wins.
 */
@ApplicationScoped
public class BacktestRunner {
    private static final long PROGRESS_MILLIS = 1_000;
    private final BacktestStorePort store;
    private final MarketLoader loader;
    private final Clock clock;

    private final io.cryptobot.backtest.application.port.out.PublishBacktestFinishedPort finished;

    BacktestRunner(BacktestStorePort store, MarketLoader loader, Clock clock,
                   io.cryptobot.backtest.application.port.out.PublishBacktestFinishedPort finished) {
        this.finished = finished;
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
        // the run as last saved: what a failure is compare-and-set against
        BacktestRun current = run;
        try {
            BacktestConfig config = run.config();
            Strategy strategy = config.newStrategy();
            Either<DomainError, List<Market>> markets = loader.load(run.owner(), config, strategy.warmUpCandles());
            if (markets.isLeft()) {
                if (store.update(run.start(0, clock.now()).fail(markets.getLeft().detail(), clock.now()),
                        BacktestStatus.QUEUED)) {
                    failed(run, markets.getLeft().detail());
                }
                return;
            }
            long total = markets.get().stream().mapToLong(m -> m.bars().size()).sum();
            BacktestRun running = run.start(total, clock.now());
            if (!store.update(running, BacktestStatus.QUEUED)) {
                return;
            }
            current = running;
            EquitySeries equity = new EquitySeries(markets.get().get(0).bars().size());
            BacktestSetup setup = new BacktestSetup(run.owner(), config.startingCash(), config.limits(), config.from(),
                    id.value().getMostSignificantBits());
            BacktestOutcome outcome = BacktestEngine.run(setup, markets.get(), strategy, equity::append,
                    new Progress(id));
            if (outcome.cancelled()) {
                return;
            }
            if (equity.isEmpty()) {
                String why = BacktestErrors.noCandles("no candle opens in the range after the warm-up").detail();
                if (store.update(running.fail(why, clock.now()), BacktestStatus.RUNNING)) {
                    failed(run, why);
                }
                return;
            }
            BacktestResult result = new BacktestResult(BacktestReport.of(config, outcome, equity), outcome, equity);
            BacktestRun storing = running.storing(outcome.candlesProcessed(), result.rows()).get();
            if (!store.update(storing, BacktestStatus.RUNNING)) {
                return; // cancelled after the engine's last check
            }
            current = storing;
            if (store.complete(storing, result, new Writing(storing))) {
                finished.publish(new io.cryptobot.backtest.domain.event.BacktestFinished(run.owner(), id.value(),
                        io.cryptobot.backtest.domain.event.BacktestFinished.Run.BACKTEST, true,
                        io.cryptobot.backtest.domain.event.BacktestFinished.completed(config.strategy(),
                                config.instruments().toString(), outcome.candlesProcessed()), clock.now()));
            }
        } catch (RuntimeException e) {
            // the owner sees an incident id, never internals; the worker logs the cause under the same id
            UUID incident = UUID.randomUUID();
            BacktestStatus expected = current.status();
            if (store.update((expected == BacktestStatus.QUEUED ? current.start(0, clock.now()) : current)
                    .fail("internal error, incident " + incident, clock.now()), expected)) {
                failed(run, "internal error, incident " + incident);
            }
            throw new IllegalStateException("backtest " + id + " failed, incident " + incident, e);
        }
    }

    private void failed(BacktestRun run, String reason) {
        finished.publish(new io.cryptobot.backtest.domain.event.BacktestFinished(run.owner(), run.id().value(),
                io.cryptobot.backtest.domain.event.BacktestFinished.Run.BACKTEST, false, reason, clock.now()));
    }

    /**
     * Saves the rows written: the first report at once, so even a short store shows it is under way, then at most
     * once a second. The completed run is stamped when the store asks for it, after its last row.
     */
    private final class Writing implements BacktestStorePort.Writing {
        private final BacktestRun storing;
        private Instant lastSaved;

        Writing(BacktestRun storing) {
            this.storing = storing;
        }

        @Override
        public void stored(long rows) {
            Instant now = clock.now();
            if (lastSaved != null && now.toEpochMilli() - lastSaved.toEpochMilli() < PROGRESS_MILLIS) {
                return;
            }
            lastSaved = now;
            store.stored(storing.id(), rows);
        }

        @Override
        public BacktestRun completed() {
            return storing.complete(clock.now()).get();
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
