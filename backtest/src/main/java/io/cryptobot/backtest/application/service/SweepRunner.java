package io.cryptobot.backtest.application.service;

import io.cryptobot.backtest.application.port.out.BacktestWorkersPort;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.engine.Market;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepPlan;
import io.cryptobot.backtest.domain.sweep.SweepResult;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes one queued sweep: loads its markets once (the whole range plus the largest warm-up of its points),
 * runs every backtest through {@link SweepExecution} on {@link BacktestWorkersPort#parallelism()} threads, and
 * stores the results. Progress (backtests done of total) is saved at most once a second; a stored cancel stops
 * the sweep before its next backtests.
 */
@ApplicationScoped
public class SweepRunner {
    private static final long PROGRESS_MILLIS = 1_000;
    private final SweepStorePort store;
    private final MarketLoader loader;
    private final BacktestWorkersPort workers;
    private final Clock clock;

    private final io.cryptobot.backtest.application.port.out.PublishBacktestFinishedPort finished;

    SweepRunner(SweepStorePort store, MarketLoader loader, BacktestWorkersPort workers, Clock clock,
                io.cryptobot.backtest.application.port.out.PublishBacktestFinishedPort finished) {
        this.finished = finished;
        this.store = store;
        this.loader = loader;
        this.workers = workers;
        this.clock = clock;
    }

    /** Backtests a sweep runs: one per point, and for walk-forward (points + 1) per window. */
    static int total(SweepSpec spec, SweepPlan plan) {
        int points = plan.points().size();
        return spec.walkForward()
                .map(wf -> wf.windows(spec.base().from(), spec.base().to()).size() * (points + 1))
                .getOrElse(points);
    }

    public void execute(SweepId id) {
        Option<SweepRun> queued = store.load(id).filter(run -> run.status() == BacktestStatus.QUEUED);
        if (queued.isEmpty()) {
            return;
        }
        SweepRun run = queued.get();
        SweepRun running = run;
        try {
            SweepSpec spec = run.spec();
            SweepPlan plan = spec.plan();
            Either<DomainError, List<Market>> markets = loader.load(run.owner(), spec.base(),
                    SweepExecution.warmUpCandles(spec.base(), plan));
            if (markets.isLeft()) {
                if (store.update(run.start(0, clock.now()).fail(markets.getLeft().detail(), clock.now()),
                        BacktestStatus.QUEUED)) {
                    publish(run, false, markets.getLeft().detail());
                }
                return;
            }
            running = run.start(total(spec, plan), clock.now());
            if (!store.update(running, BacktestStatus.QUEUED)) {
                return;
            }
            Option<SweepResult> result;
            try (SweepExecution execution = new SweepExecution(markets.get(), run.owner(), workers.parallelism(),
                    workers.sweepThreads())) {
                result = execution.run(spec, new Progress(id));
            }
            if (result.isDefined()) {
                if (store.complete(running.complete(clock.now()), result.get())) {
                    publish(run, true, io.cryptobot.backtest.domain.event.BacktestFinished.sweepCompleted(
                            spec.base().strategy(), total(spec, plan)));
                }
            }
        } catch (RuntimeException e) {
            BacktestStatus expected = running.status();
            if (store.update((expected == BacktestStatus.QUEUED ? running.start(0, clock.now()) : running)
                    .fail("the sweep failed: " + e.getMessage(), clock.now()), expected)) {
                publish(run, false, "the sweep failed: " + e.getMessage());
            }
            throw e;
        }
    }

    private void publish(SweepRun run, boolean completed, String summary) {
        finished.publish(new io.cryptobot.backtest.domain.event.BacktestFinished(run.owner(), run.id().value(),
                io.cryptobot.backtest.domain.event.BacktestFinished.Run.SWEEP, completed, summary, clock.now()));
    }

    /** Counts finished backtests, saves the count at most once a second and picks up a stored cancel. */
    private final class Progress implements SweepExecution.Control {
        private final SweepId id;
        private final AtomicInteger done = new AtomicInteger();
        private long lastSaved;
        private volatile boolean cancelled;

        Progress(SweepId id) {
            this.id = id;
            this.lastSaved = clock.now().toEpochMilli();
        }

        @Override
        public void backtestDone() {
            int count = done.incrementAndGet();
            synchronized (this) {
                long now = clock.now().toEpochMilli();
                if (now - lastSaved < PROGRESS_MILLIS) {
                    return;
                }
                lastSaved = now;
            }
            cancelled = store.progress(id, count).forAll(status -> status != BacktestStatus.RUNNING);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
