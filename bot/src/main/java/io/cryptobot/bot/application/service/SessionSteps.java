package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.OrderRatePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.application.port.out.PublishBotEquityPort;
import io.cryptobot.bot.domain.event.BotEquitySampled;
import java.util.ArrayList;
import java.util.List;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import io.vavr.control.Option;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a live session's feed drives (a replay, or a venue's live candles through {@link FollowLiveFeed}), on a bot
 * worker: one step per candle, applied under the session's lock and
 * written by its {@link JournalWriter} in its place among the hand orders (the checkpoint first, then the step's
 * activity), waited for outside the lock; the checkpoint; the feed's end (completed) and its failure (failed). A
 * step whose writes fail puts the session aside.
 *
 * <p>The orders a step created count against the owner's orders per minute ({@link UserLimits#ordersPerMinute()},
 * shared with their other bots and their hand orders). A bot is never refused an order for it: that would make what
 * it did depend on the wall clock, which a rebuild from the journal cannot replay. Instead the feed waits before
 * the bot's next candle while the owner is at the limit ({@link #pace}); the candles wait in the feed's buffer, and
 * the bot trades exactly as it would have, later.
 */
@ApplicationScoped
class SessionSteps {
    static final int CHECKPOINT_EVERY = 500;
    static final long CHECKPOINT_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(SessionSteps.class.getName());
    private final BotStorePort store;
    private final LiveSessions sessions;
    private final ActivityProjection projection;
    private final MarkBotFailed failures;
    private final TradingControlUseCase trading;
    private final BotWorkersPort workers;
    private final OrderRatePort rate;
    private final PublishBotEquityPort equityListeners;
    private final Limit perMinute;
    private final Clock clock;

    SessionSteps(BotStorePort store, LiveSessions sessions, ActivityProjection projection, MarkBotFailed failures,
                 TradingControlUseCase trading, BotWorkersPort workers, OrderRatePort rate, UserLimits limits,
                 Clock clock, PublishBotEquityPort equityListeners) {
        this.store = store;
        this.equityListeners = equityListeners;
        this.rate = rate;
        this.perMinute = limits.ordersPerMinute();
        this.sessions = sessions;
        this.projection = projection;
        this.failures = failures;
        this.trading = trading;
        this.workers = workers;
        this.clock = clock;
    }

    void step(LiveSession runner, Candle candle) {
        step(runner, candle, false);
    }

    /**
     * One step, over once it is durable (a replay: the next candle waits for it); {@code checkpoint}: store the
     * checkpoint whatever the step did.
     */
    void step(LiveSession runner, Candle candle, boolean checkpoint) {
        StepWrite write = decide(runner, candle, checkpoint);
        if (write != null) {
            settleWhenDurable(runner, write);
        }
    }

    /**
     * One step on a live candle, decided now and written behind: the strategy's decision (and the orders it sends)
     * does not wait for the disk, only the step's write does, in its place on the session's {@link JournalWriter}
     * (so a hand order applied after this step is still answered only once this step is durable). Nothing outside
     * the session learns of the step before then: no answer, no projection, no halt of the owner's other bots.
     * {@code checkpoint}: store the checkpoint whatever the step did (a live feed with nothing queued behind this
     * candle, so the bot shows the step it is at rather than one up to a second older).
     *
     * <p>At most one step's write is on its way: a step first waits for the previous one's, so a catch-up cannot
     * run ahead of its journal without bound, and a bot found moved or a write that failed ends the session before
     * the next decision. On live candles (one a minute a feed) the previous write is long done. Answers the step's
     * write (whether the bot is still live once it is durable; completed null when the session had ended); its
     * outcome is settled off the writer's thread, and by the next step if that comes first.
     */
    CompletableFuture<Boolean> stepAhead(LiveSession runner, Candle candle, boolean checkpoint) {
        settlePrevious(runner);
        StepWrite write = decide(runner, candle, checkpoint);
        if (write == null) {
            return CompletableFuture.completedFuture(null);
        }
        runner.stepWrite = write;
        write.written().whenComplete((live, failure) -> {
            if (failure == null && Boolean.TRUE.equals(live)) {
                // the usual outcome takes no lock: settled where the write completed, no task for a bot worker
                settle(runner, write, live, null);
            } else {
                // never on the writer's thread: this takes the session's lock, whose holder may be waiting for this
                // very writer (JournalWriter#flush)
                workers.executor().execute(() -> settle(runner, write, live, failure));
            }
        });
        return write.written();
    }

    /**
     * Waits until the write of the bot's last step decided ahead ({@link #stepAhead}) is durable and settles it: what
     * the feed writes for its next candle (informational entries, the warm-up) comes after it in the journal. At
     * once when there is none, or it is done.
     */
    void settlePrevious(LiveSession runner) {
        StepWrite previous = runner.stepWrite;
        if (previous != null) {
            settleWhenDurable(runner, previous);
        }
    }

    /** A step's write on its way, and what is done once it is durable (exactly once, by whoever sees it first). */
    record StepWrite(CompletableFuture<Boolean> written, List<TradingStateChanged> halts,
                             AtomicBoolean settled) {
    }

    /** Applies the candle to the session under its lock and queues the step's write; null if the session ended. */
    private StepWrite decide(LiveSession runner, Candle candle, boolean checkpoint) {
        CompletableFuture<Boolean> written;
        StepJournal.Step activity;
        synchronized (runner) {
            if (runner.ended) {
                return null;
            }
            try {
                runner.session.step(candle.openTime(), new Candle[] {candle});
                runner.decidedNanos = System.nanoTime();
                runner.stepsPlayed++;
                runner.uncheckpointed++;
                activity = runner.steps.drain();
            } catch (RuntimeException e) {
                fail(runner, e);
                return null;
            }
            Instant now = clock.now();
            rate.add(runner.bot.owner(), created(activity), now);
            Option<Progress> progress = checkpoint || !activity.isEmpty() || runner.uncheckpointed >= CHECKPOINT_EVERY
                    || runner.bot.lastStep().isEmpty()
                    || now.toEpochMilli() - runner.checkpointedAt >= CHECKPOINT_MILLIS
                    ? Option.some(progress(runner, now)) : Option.none();
            UserId owner = runner.bot.owner();
            // queued behind the hand orders the session applied before this step; the checkpoint first: what the
            // order journal holds never comes from a step after it
            written = runner.writer.submitStep(() -> write(progress, owner, activity));
        }
        return new StepWrite(written, activity.halts(), new AtomicBoolean());
    }

    /** Waits (outside the session's lock) until the step's write is durable, then settles it. */
    private void settleWhenDurable(LiveSession runner, StepWrite write) {
        Boolean live = null;
        RuntimeException failure = null;
        try {
            live = JournalWriter.await(write.written());
        } catch (RuntimeException e) {
            failure = e;
        }
        settle(runner, write, live, failure);
    }

    /**
     * What follows a step's write: a write that failed puts the session aside; a bot moved meanwhile (stopped
     * elsewhere) ends this session; a daily loss the step breached halts the owner's other bots (on a bot worker).
     * Only the first two take the session's lock.
     */
    private void settle(LiveSession runner, StepWrite write, Boolean live, Throwable failure) {
        if (!write.settled().compareAndSet(false, true)) {
            return;
        }
        if (failure != null) {
            RuntimeException cause = failure instanceof CompletionException c
                    && c.getCause() instanceof RuntimeException r ? r
                    : failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            synchronized (runner) {
                if (!runner.ended) {
                    sessions.suspend(runner, cause);
                }
            }
            return;
        }
        if (!Boolean.TRUE.equals(live)) {
            synchronized (runner) {
                if (!runner.ended) {
                    sessions.end(runner);
                }
            }
            return;
        }
        for (TradingStateChanged halt : write.halts()) {
            // the session halted itself on a breached daily loss: that is the owner's kill switch, so every
            // bot of the owner stops trading (this one included, already halted), after this step
            UserId owner = runner.bot.owner();
            String reason = "bot " + runner.bot.name() + ": " + halt.reason();
            workers.executor().execute(() -> trading.haltForDailyLoss(owner, reason));
        }
    }

    /**
     * When the bot may take its next candle: now, or once its owner's orders of the last 60 seconds are below the
     * limit again (without holding a thread meanwhile).
     */
    Uni<Void> pace(LiveSession runner) {
        long wait = paceMillis(runner);
        return wait == 0 ? NOW : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(wait));
    }

    /** How long the bot waits before its next candle: 0, or until its owner's last minute has room for orders. */
    long paceMillis(LiveSession runner) {
        return rate.millisUntilBelow(runner.bot.owner(), perMinute.max(), clock.now());
    }

    private static final Uni<Void> NOW = Uni.createFrom().voidItem();

    /** Orders the step created (each one's first event), denied ones included. */
    private static int created(StepJournal.Step step) {
        int count = 0;
        for (var event : step.activity().events()) {
            if (event.event() instanceof OrderEvent.OrderInitialized) {
                count++;
            }
        }
        return count;
    }

    /**
     * A checkpoint to store: the bot as of the last step, the equity samples since the previous one and what its
     * positions were worth at the last step.
     */
    private record Progress(Bot bot, EquitySeries equity, double grossExposure) {
    }

    /**
     * The session's progress up to its last step, taken under its lock; the bot is shown at it from now on (a
     * checkpoint changes no status: if the store finds the bot no longer live, the session ends).
     */
    private Progress progress(LiveSession runner, Instant now) {
        Bot next = runner.bot.checkpoint(runner.session.lastStepTime(), runner.stepsPlayed,
                runner.session.lastClose(runner.bot.instrument()), now);
        runner.uncheckpointed = 0;
        runner.checkpointedAt = now.toEpochMilli();
        EquitySeries samples = runner.equity;
        // sized as the last one was (on a live feed one sample a checkpoint; a replay's fill the second between two),
        // not the default thousand samples, which cost more to clear than the rest of the checkpoint
        runner.equity = new EquitySeries(samples.size());
        runner.bot = next;
        return new Progress(next, samples, runner.session.grossExposure());
    }

    /**
     * A step's write handed over: the checkpoint (if any) with the other bots' stepping meanwhile, then, if the
     * step had activity and the bot is still live, its activity (committed synchronously, so the checkpoint is
     * durable with it) on a journal writer's thread. Answers whether the bot is still live, once durable; holds
     * no thread while the checkpoint is written.
     */
    private CompletableFuture<Boolean> write(Option<Progress> progress, UserId owner, StepJournal.Step activity) {
        CompletableFuture<Boolean> checkpointed = progress.isEmpty() ? CompletableFuture.completedFuture(true)
                : store.checkpointLater(progress.get().bot(), progress.get().equity()).thenApply(live -> {
                    published(progress.get());
                    return live;
                });
        if (activity.isEmpty()) {
            return checkpointed;
        }
        return checkpointed.thenCompose(live -> !live ? CompletableFuture.completedFuture(false)
                : CompletableFuture.supplyAsync(() -> {
                    projection.record(owner, activity);
                    return true;
                }, workers.journalWriters()));
    }

    /**
     * Stores a checkpoint: its equity samples, then the bot's progress; false when the bot is no longer live. The
     * stored samples are then handed to the equity listeners (alert rules), which only take them.
     */
    private boolean store(Progress progress) {
        boolean live = store.checkpoint(progress.bot(), progress.equity());
        published(progress);
        return live;
    }

    /** The checkpoint's equity samples, stored, handed to the equity listeners (alert rules), which only take them. */
    private void published(Progress progress) {
        if (!progress.equity().isEmpty()) {
            EquitySeries series = progress.equity();
            List<BotEquitySampled.Sample> samples = new ArrayList<>(series.size());
            for (int i = 0; i < series.size(); i++) {
                samples.add(new BotEquitySampled.Sample(series.time(i), series.equity(i)));
            }
            Bot bot = progress.bot();
            equityListeners.publish(new BotEquitySampled(bot.owner(), bot.id().value(), bot.name(), samples,
                    progress.grossExposure()));
        }
    }

    /** Stores the bot's progress (and equity samples) up to the last step; a bot moved meanwhile ends here. */
    void checkpoint(LiveSession runner) {
        if (!store(progress(runner, clock.now()))) {
            sessions.end(runner);
        }
    }

    /** The feed ended: checkpointed, the bot completed, the session ended. */
    void complete(LiveSession runner) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            try {
                runner.writer.flush();
                if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                    checkpoint(runner);
                }
                Bot current = runner.bot;
                current.complete(clock.now()).forEach(done -> store.update(done, current.status(),
                        new BotControl(BotControl.Kind.COMPLETED, runner.session.lastStepTime(), "the feed ended",
                                clock.now())));
                sessions.end(runner);
            } catch (RuntimeException e) {
                sessions.suspend(runner, e);
            }
        }
    }

    /** The feed or a step failed: the session ends, the bot is failed with an incident id logged. */
    void fail(LiveSession runner, Throwable failure) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "bot " + runner.bot.id() + " failed, incident " + incident, failure);
            sessions.end(runner);
            try {
                failures.markFailed(runner.bot, "internal error, incident " + incident + ": " + failure);
            } catch (RuntimeException e) {
                sessions.suspend(runner, e);
            }
        }
    }
}
