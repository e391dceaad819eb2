package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.session.SessionMarket;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.ReplayFeedUseCase;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.Replay;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.application.port.in.TradingStatus;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.cryptobot.kernel.domain.PageRequest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs live paper bots. Each bot owns a {@link TradingSession} (the code path backtests run) fed by its replay
 * feed, one step at a time on a bot worker; after each step with activity the orders, events and fills go to the
 * order journal, then the bot's checkpoint (last step) is stored. Quiet steps are checkpointed after the first
 * step, every {@link #CHECKPOINT_EVERY} steps and at least once a second, so the stored progress stays current.
 *
 * <p><b>Restart.</b> A session is rebuilt, never loaded: the strategy is warmed up on the stored candles before
 * the feed's start, then the stored candles up to the checkpoint are played again, with every pause and resume
 * applied after the step it was recorded at. Same candles, same code, same seeded ids: the rebuilt session holds
 * exactly the orders the journal holds. It is reconciled with the journal (its activity recorded again, which is
 * idempotent, and the orders counted on both sides, the outcome recorded as a {@code reconciled} control) before
 * the feed continues with the candle after the checkpoint, so no order is lost or placed twice.
 *
 * <p>Controls (pause, resume, stop) take the bot's lock, so they fall between two steps, and are recorded with the
 * step they took effect after.
 */
@ApplicationScoped
public class BotRunner {
    static final int CHECKPOINT_EVERY = 500;
    static final long CHECKPOINT_MILLIS = 1_000;
    /** The tag of orders placed by hand into a bot's session. */
    public static final String MANUAL_TAG = "manual";
    private static final Logger LOG = Logger.getLogger(BotRunner.class.getName());
    private static final int FEED_BUFFER = 1_000_000;
    private final BotStorePort store;
    private final RecordOrderActivityUseCase journal;
    private final OrderQueries orders;
    private final GetInstrumentQuery instruments;
    private final LoadCandlesQuery candles;
    private final ReplayFeedUseCase replays;
    private final BlockEventsUseCase blocks;
    private final TradingControlUseCase trading;
    private final BotWorkersPort workers;
    private final Clock clock;
    private final Map<BotId, LiveBot> live = new ConcurrentHashMap<>();

    BotRunner(BotStorePort store, RecordOrderActivityUseCase journal, OrderQueries orders,
              GetInstrumentQuery instruments, LoadCandlesQuery candles, ReplayFeedUseCase replays,
              BlockEventsUseCase blocks, TradingControlUseCase trading, BotWorkersPort workers, Clock clock) {
        this.blocks = blocks;
        this.trading = trading;
        this.store = store;
        this.journal = journal;
        this.orders = orders;
        this.instruments = instruments;
        this.candles = candles;
        this.replays = replays;
        this.workers = workers;
        this.clock = clock;
    }

    /** A bot being run here: its session, its feed subscription and what has been stored of it. */
    private static final class LiveBot {
        volatile Bot bot;
        final TradingSession session;
        final StepJournal steps;
        UUID replayId;
        Cancellable subscription;
        long stepsPlayed;
        long uncheckpointed;
        long checkpointedAt;
        EquitySeries equity = new EquitySeries();
        boolean ended;

        LiveBot(Bot bot, TradingSession session, StepJournal steps) {
            this.bot = bot;
            this.session = session;
            this.steps = steps;
        }
    }

    public boolean isRunningHere(BotId id) {
        return live.containsKey(id);
    }

    /**
     * Builds the bot's session (warm-up, then the stored candles up to its checkpoint, if it has one), reconciles
     * it with the order journal and subscribes it to its feed from the next candle on. The bot must already be
     * stored as live.
     */
    public Either<DomainError, Bot> launch(Bot bot) {
        Either<DomainError, Instrument> instrument = instruments.get(bot.instrument());
        if (instrument.isLeft()) {
            return Either.left(instrument.getLeft());
        }
        StrategyDefinition definition = StrategyCatalog.find(bot.strategy())
                .getOrElseThrow(() -> new IllegalStateException("stored bot names unknown strategy " + bot.strategy()));
        Strategy strategy = definition.newStrategy(definition.validate(bot.parameters()).toEither().getOrElseThrow(
                v -> new IllegalStateException("stored parameters no longer valid: " + v.mkString("; "))));
        Instrument known = instrument.get();
        SessionMarket market = new SessionMarket(known.id(), bot.costs().fillModel(
                new InstrumentRules(known.id(), known.tickSize(), known.stepSize())), known.quantityScale());
        StepJournal steps = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        LiveBot[] self = new LiveBot[1];
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(), bot.limits(),
                bot.feed().from(), bot.id().value().getMostSignificantBits(), "bot-", false), List.of(market), strategy,
                (long time, double equity, boolean exposed) -> self[0].equity.append(time, equity, exposed), steps);
        LiveBot runner = new LiveBot(bot, session, steps);
        self[0] = runner;
        long tf = bot.timeframe().nominalLength().toMillis();
        long warmUpStart = bot.feed().from() - (long) strategy.warmUpCandles() * tf;
        Either<DomainError, Long> warmed = play(runner, warmUpStart, bot.feed().from(), List.of());
        if (warmed.isLeft()) {
            return Either.left(warmed.getLeft());
        }
        if (bot.lastStep().isDefined()) {
            List<BotControl> controls = store.controls(bot.id());
            Either<DomainError, Long> rebuilt = play(runner, bot.feed().from(), bot.lastStep().get() + 1, controls);
            if (rebuilt.isLeft()) {
                return Either.left(rebuilt.getLeft());
            }
            reconcile(runner);
        } else {
            TradingStatus status = trading.status(bot.owner());
            if (status.state() != TradingState.ACTIVE) {
                String reason = "kill switch at start: " + status.reason().getOrElse(status.state().name());
                session.changeTradingState(status.state(), reason);
                store.addControl(bot.id(), new BotControl(BotControl.Kind.of(status.state()), session.lastStepTime(),
                        reason, clock.now()));
            }
            steps.drain();
        }
        session.paused(bot.status() == BotStatus.PAUSED);
        long next = bot.lastStep().map(bot.timeframe()::next).getOrElse(bot.feed().from());
        if (next >= bot.feed().to()) {
            live.put(bot.id(), runner);
            workers.executor().execute(() -> complete(runner));
            return Either.right(bot);
        }
        Either<DomainError, Replay> replay = replays.start(bot.owner(), bot.instrument(), bot.timeframe(), next,
                bot.feed().to(), bot.feed().speed());
        if (replay.isLeft()) {
            return Either.left(replay.getLeft());
        }
        runner.replayId = replay.get().id();
        live.put(bot.id(), runner);
        runner.subscription = replays.candles(bot.owner(), replay.get().id()).get()
                .onOverflow().buffer(FEED_BUFFER)
                .emitOn(workers.executor())
                .subscribe().with(candle -> step(runner, candle), failure -> fail(runner, failure),
                        () -> complete(runner));
        return Either.right(bot);
    }

    /**
     * Plays stored candles opening in [from, to) into the session (no feed), applying each recorded control
     * (pause, resume, kill switch, an order placed or canceled by hand) before the first candle after its step.
     */
    private Either<DomainError, Long> play(LiveBot runner, long from, long to, List<BotControl> controls) {
        if (from >= to) {
            return Either.right(0L);
        }
        Either<DomainError, CandleSeries> series = candles.load(runner.bot.instrument(), runner.bot.timeframe(),
                new TimeRange(from, to), LoadCandlesQuery.MAX_LIMIT);
        if (series.isLeft()) {
            return Either.left(series.getLeft());
        }
        CandleBatch batch = series.get().candles();
        Iterator<BotControl> pending = controls.stream().filter(c -> c.kind() == BotControl.Kind.PAUSED
                || c.kind() == BotControl.Kind.RESUMED || c.kind().tradingState().isDefined()
                || c.placed().isDefined() || c.canceled().isDefined()).iterator();
        BotControl control = pending.hasNext() ? pending.next() : null;
        Candle[] slot = new Candle[1];
        for (int i = 0; i < batch.size(); i++) {
            long time = batch.openTime(i);
            while (control != null && control.afterStep() < time) {
                apply(runner, control);
                control = pending.hasNext() ? pending.next() : null;
            }
            slot[0] = batch.candle(i);
            runner.session.step(time, slot);
            runner.stepsPlayed++;
        }
        return Either.right((long) batch.size());
    }

    private static void apply(LiveBot runner, BotControl control) {
        TradingSession session = runner.session;
        if (control.placed().isDefined()) {
            session.place(control.placed().get(), handOrderId(runner.bot.id(), control.placed().get()), MANUAL_TAG);
        } else if (control.canceled().isDefined()) {
            session.cancel(control.canceled().get());
        } else if (control.kind().tradingState().isDefined()) {
            session.changeTradingState(control.kind().tradingState().get(), control.reason());
        } else {
            session.paused(control.kind() == BotControl.Kind.PAUSED);
        }
    }

    /** Records the rebuilt session's activity again (idempotent) and compares its orders with the journal's. */
    private void reconcile(LiveBot runner) {
        Bot bot = runner.bot;
        StepJournal.Step rebuilt = runner.steps.drain();
        long stored = orders.list(bot.owner(), OrderFilter.ofBot(bot.id().value()), new PageRequest(0, 1))
                .await().indefinitely().total();
        record(bot.owner(), rebuilt);
        int inSession = runner.session.placedOrders().size();
        String outcome = "rebuilt " + runner.stepsPlayed + " steps up to " + java.time.Instant.ofEpochMilli(
                bot.lastStep().get()) + ": " + inSession + " orders (" + runner.session.openOrderCount()
                + " open) against " + stored + " in the journal"
                + (stored > inSession ? "; the journal's extra orders come from steps after the checkpoint and are"
                + " placed again, identically, as the feed continues" : "")
                + (stored < inSession ? "; " + (inSession - stored) + " missing orders recorded" : "");
        store.addControl(bot.id(), new BotControl(BotControl.Kind.RECONCILED, bot.lastStep().get(), outcome,
                clock.now()));
        LOG.info(() -> "bot " + bot.id() + " " + outcome);
    }

    private void step(LiveBot runner, Candle candle) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            try {
                runner.session.step(candle.openTime(), new Candle[] {candle});
                runner.stepsPlayed++;
                runner.uncheckpointed++;
                StepJournal.Step activity = runner.steps.drain();
                if (!activity.isEmpty()) {
                    record(runner.bot.owner(), activity);
                }
                if (!activity.isEmpty() || runner.uncheckpointed >= CHECKPOINT_EVERY || runner.bot.lastStep().isEmpty()
                        || clock.now().toEpochMilli() - runner.checkpointedAt >= CHECKPOINT_MILLIS) {
                    checkpoint(runner);
                }
                for (TradingStateChanged halt : activity.halts()) {
                    // the session halted itself on a breached daily loss: that is the owner's kill switch, so every
                    // bot of the owner stops trading (this one included, already halted)
                    trading.change(runner.bot.owner(), TradingState.HALTED, "bot " + runner.bot.name() + ": "
                            + halt.reason());
                }
            } catch (RuntimeException e) {
                fail(runner, e);
            }
        }
    }

    /** Orders first, then the blocks that name them; both idempotent. */
    private void record(io.cryptobot.kernel.domain.UserId owner, StepJournal.Step step) {
        journal.record(owner, step.activity());
        blocks.record(owner, step.blocks());
    }

    private void checkpoint(LiveBot runner) {
        long last = runner.session.lastStepTime();
        Bot next = runner.bot.checkpoint(last, runner.stepsPlayed,
                runner.session.lastCloses().get(runner.bot.instrument()), clock.now());
        runner.uncheckpointed = 0;
        runner.checkpointedAt = clock.now().toEpochMilli();
        if (!runner.equity.isEmpty()) {
            store.appendEquity(runner.bot.id(), runner.equity);
            runner.equity = new EquitySeries();
        }
        if (store.checkpoint(next)) {
            runner.bot = next;
        } else {
            end(runner);
        }
    }

    private void complete(LiveBot runner) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                checkpoint(runner);
            }
            Bot current = runner.bot;
            current.complete(clock.now()).forEach(done -> store.update(done, current.status(),
                    new BotControl(BotControl.Kind.COMPLETED, runner.session.lastStepTime(), "the feed ended",
                            clock.now())));
            end(runner);
        }
    }

    private void fail(LiveBot runner, Throwable failure) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "bot " + runner.bot.id() + " failed, incident " + incident, failure);
            Bot current = runner.bot;
            current.fail("internal error, incident " + incident, clock.now()).forEach(failed -> store.update(failed,
                    current.status(), new BotControl(BotControl.Kind.FAILED, runner.session.lastStepTime(),
                            "internal error, incident " + incident, clock.now())));
            end(runner);
        }
    }

    private void end(LiveBot runner) {
        runner.ended = true;
        live.remove(runner.bot.id());
        if (runner.subscription != null) {
            runner.subscription.cancel();
        }
        if (runner.replayId != null) {
            replays.stop(runner.bot.owner(), runner.replayId);
        }
    }

    /**
     * Applies a pause, resume or stop to a bot run here, between two steps: the session changes, the status is
     * compare-and-set from {@code current}'s and the control is recorded after the session's last step. A stop
     * cancels the open orders first and ends the feed. Bots not run here are only updated in the store.
     */
    public Either<DomainError, Bot> control(Bot current, Bot target, BotControl.Kind kind, String reason) {
        LiveBot runner = live.get(current.id());
        if (runner == null) {
            BotControl control = new BotControl(kind, current.lastStep().getOrElse(Long.MIN_VALUE), reason, clock.now());
            return store.update(target, current.status(), control) ? Either.right(target)
                    : Either.left(BotErrors.changed(current.id()));
        }
        synchronized (runner) {
            if (runner.ended || runner.bot.status() != current.status()) {
                return Either.left(BotErrors.changed(current.id()));
            }
            switch (kind) {
                case PAUSED -> runner.session.paused(true);
                case RESUMED -> runner.session.paused(false);
                case STOPPED -> {
                    runner.session.cancelOpenOrders();
                    record(current.owner(), runner.steps.drain());
                }
                default -> throw new IllegalArgumentException("not a control: " + kind);
            }
            if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                checkpoint(runner);
            }
            Bot moved = target.withProgressOf(runner.bot);
            BotControl control = new BotControl(kind, runner.session.lastStepTime(), reason, clock.now());
            if (!store.update(moved, current.status(), control)) {
                return Either.left(BotErrors.changed(current.id()));
            }
            runner.bot = moved;
            if (kind == BotControl.Kind.STOPPED) {
                end(runner);
            }
            return Either.right(moved);
        }
    }

    /**
     * Stops running a bot here without changing anything stored: its session and feed are dropped as a crash
     * would drop them, and whoever resumes it next (this process's {@link #resumeAll}, or later another instance
     * that takes over its lease) rebuilds it from its checkpoint.
     */
    public void release(BotId id) {
        LiveBot runner = live.get(id);
        if (runner != null) {
            synchronized (runner) {
                end(runner);
            }
        }
    }

    /**
     * The owner's kill switch moved: the bot's session follows it between two steps (a halt cancels its open
     * orders) and the change is recorded after the session's last step; a halt also pauses a running bot, which
     * stays paused after trading resumes until its owner resumes it.
     */
    public void applyTradingState(Bot bot, TradingState target, String reason) {
        LiveBot runner = live.get(bot.id());
        String pauseReason = "kill switch: " + reason;
        if (runner == null) {
            store.addControl(bot.id(), new BotControl(BotControl.Kind.of(target),
                    bot.lastStep().getOrElse(Long.MIN_VALUE), reason, clock.now()));
            if (target == TradingState.HALTED && bot.status() == BotStatus.RUNNING) {
                bot.pause(pauseReason, clock.now()).forEach(paused -> store.update(paused, BotStatus.RUNNING,
                        new BotControl(BotControl.Kind.PAUSED, bot.lastStep().getOrElse(Long.MIN_VALUE), pauseReason,
                                clock.now())));
            }
            return;
        }
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            runner.steps.applyingOwnersKillSwitch(true);
            try {
                runner.session.changeTradingState(target, reason);
            } finally {
                runner.steps.applyingOwnersKillSwitch(false);
            }
            record(runner.bot.owner(), runner.steps.drain());
            if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                checkpoint(runner);
            }
            long after = runner.session.lastStepTime();
            store.addControl(bot.id(), new BotControl(BotControl.Kind.of(target), after, reason, clock.now()));
            if (target == TradingState.HALTED && runner.bot.status() == BotStatus.RUNNING) {
                runner.session.paused(true);
                Bot current = runner.bot;
                current.pause(pauseReason, clock.now()).forEach(paused -> {
                    if (store.update(paused, BotStatus.RUNNING, new BotControl(BotControl.Kind.PAUSED, after,
                            pauseReason, clock.now()))) {
                        runner.bot = paused;
                    }
                });
            }
        }
    }

    /**
     * Places an order by hand into the live bot's session between two steps (see {@link TradingSession#place}):
     * recorded in the journal (denied orders as blocks too) and as a control, so a rebuild places it again at
     * the same step, before the call returns. Refused when the bot is not run here.
     */
    public Either<DomainError, Order> place(Bot bot, OrderRequest request) {
        return betweenSteps(bot, runner -> {
            Either<io.cryptobot.bot.domain.session.SessionRefusal, Order> placed = runner.session.place(request,
                    handOrderId(runner.bot.id(), request), MANUAL_TAG).map(TradingSession.Placement::order);
            if (placed.isLeft()) {
                return Either.left(BotErrors.orderRefused(placed.getLeft().reason()));
            }
            StepJournal.Step step = runner.steps.drain();
            if (!step.isEmpty()) {
                // empty when the client order id was already placed in this session: nothing new to record.
                // The control first, its commit not awaited: the journal's synchronous commit right after flushes
                // it too (one disk flush an order). Lost in a crash before that, the order was not acknowledged.
                store.addControlDurableWithNextCommit(bot.id(), BotControl.placed(request,
                        runner.session.lastStepTime(), clock.now()));
                record(bot.owner(), step);
            }
            return Either.right(placed.get());
        });
    }

    /** Cancels a working order of the live bot's session by hand, recorded like {@link #place}. */
    public Either<DomainError, Order> cancel(Bot bot, OrderId order) {
        return betweenSteps(bot, runner -> {
            Either<io.cryptobot.bot.domain.session.SessionRefusal, Order> canceled = runner.session.cancel(order);
            if (canceled.isLeft()) {
                return Either.left(BotErrors.orderNotOpen(canceled.getLeft().reason()));
            }
            record(bot.owner(), runner.steps.drain());
            store.addControl(bot.id(), BotControl.canceled(order, runner.session.lastStepTime(), clock.now()));
            return Either.right(canceled.get());
        });
    }

    /** A hand order's id: a function of the bot and the client order id, so a rebuilt session gives it again. */
    private static OrderId handOrderId(BotId bot, OrderRequest request) {
        return new OrderId(UUID.nameUUIDFromBytes((bot.value() + "/" + request.clientOrderId().value())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Runs {@code action} on the bot's session under its lock, between two steps; refused when not run here. */
    private <T> Either<DomainError, T> betweenSteps(Bot bot,
                                                    java.util.function.Function<LiveBot, Either<DomainError, T>> action) {
        LiveBot runner = live.get(bot.id());
        if (runner == null) {
            return Either.left(BotErrors.notRunningHere(bot.id()));
        }
        synchronized (runner) {
            return runner.ended ? Either.left(BotErrors.notRunningHere(bot.id())) : action.apply(runner);
        }
    }

    /** Resumes every bot the store holds as live (at start-up); a bot that cannot be rebuilt is marked failed. */
    public void resumeAll() {
        for (Bot bot : store.live()) {
            if (live.containsKey(bot.id())) {
                continue;
            }
            try {
                Either<DomainError, Bot> launched = launch(bot);
                if (launched.isLeft()) {
                    markFailed(bot, "could not resume after a restart: " + launched.getLeft().detail());
                }
            } catch (RuntimeException e) {
                UUID incident = UUID.randomUUID();
                LOG.log(Level.SEVERE, "bot " + bot.id() + " could not be resumed, incident " + incident, e);
                markFailed(bot, "internal error on resume, incident " + incident);
            }
        }
    }

    private void markFailed(Bot bot, String reason) {
        bot.fail(reason, clock.now()).forEach(failed -> store.update(failed, bot.status(),
                new BotControl(BotControl.Kind.FAILED, bot.lastStep().getOrElse(Long.MIN_VALUE), reason, clock.now())));
    }
}
