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
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.IdGenerator;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.bot.domain.session.SessionRefusal;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.bot.application.port.in.SessionOrdersUseCase;
import io.cryptobot.portfolio.domain.Ledger;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs live paper bots. Each bot owns a {@link TradingSession} (the code path backtests run) fed by its replay
 * feed, one step at a time on a bot worker, and a session journal (its {@link BotControl}s).
 *
 * <p><b>Write-ahead.</b> Every input from outside that changes a session (an order placed or canceled by hand, a
 * pause, resume or stop, a move of the owner's kill switch) is appended to the journal, with the step it took
 * effect after, before its effect on the orders is projected to the order journal and before the caller is
 * answered. A step's own activity (what candles decide) is projected after the bot's checkpoint names that step.
 * So whatever the order journal holds is implied by the candles up to the checkpoint and the journal's entries.
 * A session that cannot write (the database is unreachable) is put aside at once, as a crash would drop it, and
 * rebuilt from its journal when the database answers again ({@link #resumeSuspended}).
 *
 * <p><b>Recovery.</b> A session is rebuilt, never loaded: the strategy is warmed up on the stored candles before
 * the feed's start, then the stored candles are played up to the checkpoint or the last journal entry, whichever
 * is later, every entry applied after the step it was recorded at (hand orders under the ids they were given).
 * Same candles, same inputs, same code: the same orders, fills and ids. The rebuild is then checked against the
 * order journal field by field ({@link RecoveryCheck}) before and after its activity is written again (which is
 * idempotent); any difference is an incident that fails the bot with the differences as its reason, never a
 * silent repair. The session then follows the owner's kill switch as stored (a halt made just before a crash
 * holds), and the feed continues with the candle after the last one played.
 */
@ApplicationScoped
public class BotRunner {
    static final int CHECKPOINT_EVERY = 500;
    static final long CHECKPOINT_MILLIS = 1_000;
    /** The tag of orders placed by hand into a bot's session. */
    public static final String MANUAL_TAG = "manual";
    private static final Logger LOG = Logger.getLogger(BotRunner.class.getName());
    private static final int FEED_BUFFER = 1_000_000;
    private static final String LEGACY_PREFIX = "bot-";
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
    private final IdGenerator ids;
    private final Map<BotId, LiveBot> live = new ConcurrentHashMap<>();
    /** The same sessions by the account they trade on (at most one live bot an account). */
    private final Map<UUID, LiveBot> byAccount = new ConcurrentHashMap<>();
    private final Map<BotId, Suspended> suspended = new ConcurrentHashMap<>();
    private final java.util.Set<BotId> rebuilding = ConcurrentHashMap.newKeySet();
    private volatile boolean resumedAll;

    BotRunner(BotStorePort store, RecordOrderActivityUseCase journal, OrderQueries orders,
              GetInstrumentQuery instruments, LoadCandlesQuery candles, ReplayFeedUseCase replays,
              BlockEventsUseCase blocks, TradingControlUseCase trading, BotWorkersPort workers, Clock clock,
              IdGenerator ids) {
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
        this.ids = ids;
    }

    /** A bot being run here: its session, its feed subscription and what has been stored of it. */
    private static final class LiveBot {
        volatile Bot bot;
        final TradingSession session;
        final StepJournal steps;
        final JournalWriter writer;
        UUID replayId;
        Cancellable subscription;
        long stepsPlayed;
        long uncheckpointed;
        long checkpointedAt;
        EquitySeries equity = new EquitySeries();
        boolean ended;
        /** A stop the journal holds that the rebuild has to complete. */
        boolean stopJournaled;
        /** What the rebuild found, once checked. */
        String rebuilt = "nothing to rebuild";

        LiveBot(Bot bot, TradingSession session, StepJournal steps, JournalWriter writer) {
            this.bot = bot;
            this.session = session;
            this.steps = steps;
            this.writer = writer;
        }
    }

    /** A live bot whose session was put aside because its journal could not be written. */
    private record Suspended(Bot bot, Instant since, String cause) {
    }

    /** A failure writing a session's journal or projections: the session is put aside, the caller told. */
    private static final class JournalUnwritable extends RuntimeException {
        JournalUnwritable(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public boolean isRunningHere(BotId id) {
        return live.containsKey(id);
    }

    /**
     * Builds the bot's session (warm-up, then its journal replayed, checked against the order journal), makes it
     * follow the owner's kill switch and subscribes it to its feed from the next candle on. The bot must already
     * be stored as live. A rebuild that differs from the journal fails the bot (the returned bot says why).
     */
    public Either<DomainError, Bot> launch(Bot bot) {
        Either<DomainError, Instrument> instrument = instruments.get(bot.instrument());
        if (instrument.isLeft()) {
            return Either.left(instrument.getLeft());
        }
        StrategyDefinition definition = StrategyCatalog.find(bot.strategy())
                .getOrElseThrow(() -> new IllegalStateException("stored bot names unknown strategy " + bot.strategy()));
        Strategy strategy = definition.newStrategy(definition.validate(bot.parameters()).toEither().getOrElseThrow(
                v -> new IllegalStateException("stored parameters no longer valid: " + v.mkString("; "))), bot.sizing());
        List<BotControl> entries = store.controls(bot.id()).stream().filter(c -> c.kind().changesSession()).toList();
        boolean history = bot.lastStep().isDefined() || !entries.isEmpty();
        List<OrderView> projected = history ? projectedOrders(bot) : List.of();
        Instrument known = instrument.get();
        SessionMarket market = new SessionMarket(known.id(), bot.costs().fillModel(
                new InstrumentRules(known.id(), known.tickSize(), known.stepSize())), known.quantityScale());
        String prefix = idPrefix(bot, projected);
        StepJournal steps = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        LiveBot[] self = new LiveBot[1];
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(), bot.limits(),
                bot.feed().from(), bot.id().value().getMostSignificantBits(), prefix, false), List.of(market),
                TradingSession.simulatedVenue(List.of(market), prefix.equals(LEGACY_PREFIX) ? "" : prefix), strategy,
                (long time, double equity, boolean exposed) -> self[0].equity.append(time, equity, exposed), steps);
        JournalWriter writer = new JournalWriter((batch, activity) -> {
            store.addControlsDurableWithNextCommit(bot.id(), batch);
            record(bot.owner(), StepJournal.Step.concat(activity));
        }, workers.journalWriters());
        LiveBot runner = new LiveBot(bot, session, steps, writer);
        self[0] = runner;
        long tf = bot.timeframe().nominalLength().toMillis();
        long warmUpStart = bot.feed().from() - (long) strategy.warmUpCandles() * tf;
        Either<DomainError, Long> warmed = play(runner, warmUpStart, bot.feed().from() - 1, List.of());
        if (warmed.isLeft()) {
            return Either.left(warmed.getLeft());
        }
        if (history) {
            long upTo = Math.max(bot.lastStep().getOrElse(Long.MIN_VALUE),
                    entries.stream().mapToLong(BotControl::afterStep).max().orElse(Long.MIN_VALUE));
            Either<DomainError, Long> rebuilt = play(runner, bot.feed().from(), upTo, entries);
            if (rebuilt.isLeft()) {
                return Either.left(rebuilt.getLeft());
            }
            Either<List<String>, String> checked = check(runner, projected, upTo);
            if (checked.isLeft()) {
                return Either.right(incident(bot, checked.getLeft()));
            }
            runner.rebuilt = checked.get();
        } else {
            steps.drain();
        }
        followOwnersKillSwitch(runner, history ? "kill switch at recovery: " : "kill switch at start: ");
        if (runner.stopJournaled) {
            return Either.right(completeStop(runner));
        }
        session.paused(runner.bot.status() == BotStatus.PAUSED);
        long next = session.lastStepTime() >= bot.feed().from() ? bot.timeframe().next(session.lastStepTime())
                : bot.feed().from();
        if (next >= bot.feed().to()) {
            run(runner);
            workers.executor().execute(() -> complete(runner));
            return Either.right(runner.bot);
        }
        Either<DomainError, Replay> replay = replays.start(bot.owner(), bot.instrument(), bot.timeframe(), next,
                bot.feed().to(), bot.feed().speed());
        if (replay.isLeft()) {
            return Either.left(replay.getLeft());
        }
        runner.replayId = replay.get().id();
        run(runner);
        runner.subscription = replays.candles(bot.owner(), replay.get().id()).get()
                .onOverflow().buffer(FEED_BUFFER)
                .emitOn(workers.executor())
                .subscribe().with(candle -> step(runner, candle), failure -> fail(runner, failure),
                        () -> complete(runner));
        return Either.right(runner.bot);
    }

    /**
     * The prefix of the session's client order ids and trade ids: one of its own per bot (several bots, one after
     * the other, trade on one account, and client order ids are unique per account), or {@code bot-} for a bot
     * whose orders were placed under it before.
     */
    private static String idPrefix(Bot bot, List<OrderView> projected) {
        boolean legacy = projected.stream().anyMatch(o -> !MANUAL_TAG.equals(o.tag())
                && o.clientOrderId().startsWith(LEGACY_PREFIX));
        return legacy ? LEGACY_PREFIX : String.format("b%010x-", bot.id().value().getMostSignificantBits() >>> 24);
    }

    private List<OrderView> projectedOrders(Bot bot) {
        List<OrderView> all = new ArrayList<>();
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
            Page<OrderView> page = orders.list(bot.owner(), OrderFilter.ofBot(bot.id().value()),
                    new PageRequest(offset, PageRequest.MAX_LIMIT)).await().indefinitely();
            all.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                return all;
            }
        }
    }

    /**
     * Plays stored candles opening in [from, upTo] into the session (no feed), applying each journal entry before
     * the first candle after its step; the entries recorded after the last candle are applied at the end.
     */
    private Either<DomainError, Long> play(LiveBot runner, long from, long upTo, List<BotControl> entries) {
        Iterator<BotControl> pending = entries.iterator();
        BotControl entry = pending.hasNext() ? pending.next() : null;
        long played = 0;
        long cursor = from;
        while (cursor <= upTo && upTo != Long.MIN_VALUE) {
            Either<DomainError, CandleSeries> series = candles.load(runner.bot.instrument(), runner.bot.timeframe(),
                    new TimeRange(cursor, upTo == Long.MAX_VALUE ? upTo : upTo + 1), LoadCandlesQuery.MAX_LIMIT);
            if (series.isLeft()) {
                return Either.left(series.getLeft());
            }
            CandleBatch batch = series.get().candles();
            Candle[] slot = new Candle[1];
            for (int i = 0; i < batch.size(); i++) {
                long time = batch.openTime(i);
                while (entry != null && entry.afterStep() < time) {
                    apply(runner, entry);
                    entry = pending.hasNext() ? pending.next() : null;
                }
                slot[0] = batch.candle(i);
                runner.session.step(time, slot);
                runner.stepsPlayed++;
            }
            played += batch.size();
            if (batch.size() < LoadCandlesQuery.MAX_LIMIT) {
                break;
            }
            cursor = batch.openTime(batch.size() - 1) + 1;
        }
        while (entry != null) {
            apply(runner, entry);
            entry = pending.hasNext() ? pending.next() : null;
        }
        return Either.right(played);
    }

    /** Applies one journal entry to a session being rebuilt, as it was applied when it was recorded. */
    private static void apply(LiveBot runner, BotControl entry) {
        TradingSession session = runner.session;
        switch (entry.kind()) {
            case ORDER_PLACED -> session.place(entry.placed().get(), entry.order().get(), MANUAL_TAG);
            case ORDER_CANCELED -> session.cancel(entry.order().get());
            case PAUSED -> session.paused(true);
            case RESUMED -> session.paused(false);
            case STOPPED -> {
                session.cancelOpenOrders();
                runner.stopJournaled = true;
            }
            default -> entry.kind().tradingState().forEach(target -> {
                runner.steps.applyingOwnersKillSwitch(true);
                try {
                    session.changeTradingState(target, entry.reason());
                } finally {
                    runner.steps.applyingOwnersKillSwitch(false);
                }
            });
        }
    }

    /**
     * Checks the rebuilt session against the order journal (before and after writing its activity again) and
     * against the ledger the stored fills give: the differences, or what was rebuilt when they agree. The last
     * candle played must be the one the journal needs.
     */
    private Either<List<String>, String> check(LiveBot runner, List<OrderView> projected, long upTo) {
        Bot bot = runner.bot;
        List<String> found = new ArrayList<>();
        if (upTo != Long.MIN_VALUE && runner.session.lastStepTime() < upTo) {
            found.add("the stored candles end at " + Instant.ofEpochMilli(runner.session.lastStepTime())
                    + " but the journal needs them up to " + Instant.ofEpochMilli(upTo));
            return Either.left(found);
        }
        List<OrderView> sessionOrders = runner.session.placedOrders().stream()
                .map(p -> OrderView.of(runner.steps.tracked(p))).toList();
        List<FillView> sessionFills = runner.session.fills().stream()
                .map(f -> FillView.of(runner.steps.tracked(f))).toList();
        found.addAll(RecoveryCheck.within(sessionOrders, sessionFills, projected,
                orders.fillsOfBot(bot.owner(), bot.id().value())));
        if (!found.isEmpty()) {
            return Either.left(found);
        }
        StepJournal.Step rebuilt = runner.steps.drain();
        record(bot.owner(), rebuilt);
        List<FillView> storedFills = orders.fillsOfBot(bot.owner(), bot.id().value());
        found.addAll(RecoveryCheck.equal(sessionOrders, sessionFills, projectedOrders(bot), storedFills));
        Ledger stored = BotLedger.of(bot.startingCash(), storedFills, (fill, changed) -> { });
        Ledger mine = runner.session.ledger();
        for (Asset asset : List.of(bot.instrument().quote(), bot.instrument().base())) {
            if (!stored.balance(asset).equals(mine.balance(asset))) {
                found.add("balance " + asset + " is " + stored.balance(asset) + " by the stored fills, "
                        + mine.balance(asset) + " in the rebuilt session");
            }
        }
        if (!stored.positions().equals(mine.positions())) {
            found.add("positions are " + stored.positions() + " by the stored fills, " + mine.positions()
                    + " in the rebuilt session");
        }
        if (!found.isEmpty()) {
            return Either.left(found);
        }
        String summary = runner.stepsPlayed + " steps up to " + Instant.ofEpochMilli(runner.session.lastStepTime())
                + ", " + sessionOrders.size() + " orders (" + runner.session.openOrderCount() + " open), "
                + sessionFills.size() + " fills, balances and positions: all equal to the order journal";
        LOG.info(() -> "bot " + bot.id() + " rebuilt from its journal: " + summary);
        return Either.right(summary);
    }

    /** Fails a bot whose rebuild differs from its journal: one log line, the differences in its events. */
    private Bot incident(Bot bot, List<String> differences) {
        UUID incident = UUID.randomUUID();
        String reason = "recovery incident " + incident + ": the rebuilt session differs from its journal in "
                + differences.size() + " place(s): " + String.join("; ", differences.subList(0,
                Math.min(5, differences.size()))) + (differences.size() > 5 ? "; ..." : "");
        String stored = reason.length() > 2_000 ? reason.substring(0, 2_000) + "..." : reason;
        LOG.severe(() -> "bot " + bot.id() + " " + stored);
        Bot failed = bot.fail(stored, clock.now()).getOrElse(bot);
        store.update(failed, bot.status(), new BotControl(BotControl.Kind.INCIDENT, bot.lastStep()
                .getOrElse(Long.MIN_VALUE), stored, clock.now()));
        return failed;
    }

    /**
     * Makes the session follow the owner's kill switch as stored: a change made just before a crash (or while the
     * session was rebuilt) is applied and journaled now; a halt pauses a running bot.
     */
    private void followOwnersKillSwitch(LiveBot runner, String why) {
        TradingStatus status = trading.status(runner.bot.owner());
        if (status.state() != runner.session.tradingState()) {
            changeTradingState(runner, status.state(), why + status.reason().getOrElse(status.state().name()));
        } else {
            record(runner.bot.owner(), runner.steps.drain());
        }
    }

    /** Completes a stop the journal holds: the bot's status follows it, the feed is not resumed. */
    private Bot completeStop(LiveBot runner) {
        record(runner.bot.owner(), runner.steps.drain());
        Bot current = runner.bot;
        Option<Bot> stopped = current.stop("stopped", clock.now()).toOption();
        if (stopped.isDefined() && store.move(stopped.get().withProgressOf(current), current.status())) {
            return stopped.get();
        }
        return current;
    }

    private void step(LiveBot runner, Candle candle) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            StepJournal.Step activity;
            try {
                runner.session.step(candle.openTime(), new Candle[] {candle});
                runner.stepsPlayed++;
                runner.uncheckpointed++;
                activity = runner.steps.drain();
            } catch (RuntimeException e) {
                fail(runner, e);
                return;
            }
            try {
                runner.writer.flush();
                if (!activity.isEmpty() || runner.uncheckpointed >= CHECKPOINT_EVERY || runner.bot.lastStep().isEmpty()
                        || clock.now().toEpochMilli() - runner.checkpointedAt >= CHECKPOINT_MILLIS) {
                    // the checkpoint first: what the order journal holds never comes from a step after it
                    checkpoint(runner);
                }
                if (!activity.isEmpty() && !runner.ended) {
                    record(runner.bot.owner(), activity);
                }
            } catch (RuntimeException e) {
                suspend(runner, e);
                return;
            }
            for (TradingStateChanged halt : activity.halts()) {
                // the session halted itself on a breached daily loss: that is the owner's kill switch, so every
                // bot of the owner stops trading (this one included, already halted), after this step
                UserId owner = runner.bot.owner();
                String reason = "bot " + runner.bot.name() + ": " + halt.reason();
                workers.executor().execute(() -> trading.change(owner, TradingState.HALTED, reason));
            }
        }
    }

    /** Orders first, then the blocks that name them; both idempotent. */
    private void record(UserId owner, StepJournal.Step step) {
        if (!step.isEmpty()) {
            journal.record(owner, step.activity());
            blocks.record(owner, step.blocks());
        }
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
            try {
                runner.writer.flush();
                if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                    checkpoint(runner);
                }
                Bot current = runner.bot;
                current.complete(clock.now()).forEach(done -> store.update(done, current.status(),
                        new BotControl(BotControl.Kind.COMPLETED, runner.session.lastStepTime(), "the feed ended",
                                clock.now())));
                end(runner);
            } catch (RuntimeException e) {
                suspend(runner, e);
            }
        }
    }

    private void fail(LiveBot runner, Throwable failure) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "bot " + runner.bot.id() + " failed, incident " + incident, failure);
            end(runner);
            try {
                markFailed(runner.bot, "internal error, incident " + incident + ": " + failure);
            } catch (RuntimeException e) {
                suspend(runner, e);
            }
        }
    }

    /**
     * Puts a session aside because its journal or projections could not be written: dropped as a crash would
     * drop it (nothing of it was acknowledged that is not durable), to be rebuilt from the journal by
     * {@link #resumeSuspended} once the database answers. Returns the failure for the caller to rethrow.
     */
    private RuntimeException suspend(LiveBot runner, RuntimeException failure) {
        end(runner);
        Suspended previous = suspended.putIfAbsent(runner.bot.id(), new Suspended(runner.bot, clock.now(),
                String.valueOf(failure.getMessage())));
        if (previous == null) {
            LOG.warning(() -> "bot " + runner.bot.id() + " suspended: its journal could not be written ("
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage() + "); it is rebuilt from its "
                    + "journal when the database answers");
        }
        return failure instanceof JournalUnwritable ? failure : new JournalUnwritable(failure);
    }

    /**
     * Rebuilds the sessions put aside by {@link #suspend} whose bots are still live, recording the outage in
     * their events; those the database still refuses stay suspended for the next call.
     */
    public synchronized void resumeSuspended() {
        for (Suspended s : List.copyOf(suspended.values())) {
            BotId id = s.bot().id();
            try {
                Option<Bot> current = store.load(s.bot().owner(), id);
                if (current.isEmpty() || !current.get().status().isLive()) {
                    suspended.remove(id);
                    continue;
                }
                Bot bot = current.get();
                long after = bot.lastStep().getOrElse(Long.MIN_VALUE);
                store.addControl(id, new BotControl(BotControl.Kind.SUSPENDED, after, "the journal could not be "
                        + "written from " + s.since() + " (" + s.cause() + "); trading was suspended", s.since()));
                suspended.remove(id);
                relaunch(bot, "rebuilt from its journal after the suspension");
            } catch (RuntimeException e) {
                LOG.fine(() -> "bot " + id + " still suspended: " + e.getMessage());
            }
        }
    }

    /**
     * Launches a live bot again (after a suspension, a restart, or a failure its owner resumes from); a bot that
     * cannot be rebuilt is marked failed. Meanwhile orders for it are answered "recovering" (503).
     */
    void relaunch(Bot bot, String recovered) {
        rebuilding.add(bot.id());
        try {
            Either<DomainError, Bot> launched = launch(bot);
            if (launched.isLeft()) {
                markFailed(bot, "could not resume: " + launched.getLeft().detail());
            } else if (launched.get().status().isLive()) {
                LiveBot running = live.get(bot.id());
                store.addControl(bot.id(), new BotControl(BotControl.Kind.RECOVERED,
                        launched.get().lastStep().getOrElse(Long.MIN_VALUE), recovered
                        + (running == null ? "" : ": " + running.rebuilt), clock.now()));
            }
        } catch (JournalUnwritable e) {
            throw e;
        } catch (RuntimeException e) {
            if (isStoreFailure(e)) {
                suspended.putIfAbsent(bot.id(), new Suspended(bot, clock.now(), String.valueOf(e.getMessage())));
                return;
            }
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "bot " + bot.id() + " could not be resumed, incident " + incident, e);
            markFailed(bot, "internal error on resume, incident " + incident + ": " + e);
        } finally {
            rebuilding.remove(bot.id());
        }
    }

    private DomainError notRunning(BotId id) {
        return suspended.containsKey(id) || rebuilding.contains(id) ? BotErrors.recovering(id)
                : BotErrors.notRunningHere(id);
    }

    /** Whether the store still answers: if not, a failure while rebuilding is the outage, not the bot's. */
    private boolean isStoreFailure(RuntimeException e) {
        try {
            store.live();
            return false;
        } catch (RuntimeException stillDown) {
            return true;
        }
    }

    private void run(LiveBot runner) {
        live.put(runner.bot.id(), runner);
        byAccount.put(runner.bot.accountId(), runner);
    }

    /**
     * The owner's live bot run here on the account, as it is now: the session an order for that account goes to,
     * found without reading the store.
     */
    public Option<Bot> runningOn(UserId owner, UUID accountId) {
        LiveBot runner = byAccount.get(accountId);
        return runner == null || runner.ended || !runner.bot.owner().equals(owner) ? Option.none()
                : Option.some(runner.bot);
    }

    private void end(LiveBot runner) {
        runner.ended = true;
        live.remove(runner.bot.id(), runner);
        byAccount.remove(runner.bot.accountId(), runner);
        if (runner.subscription != null) {
            runner.subscription.cancel();
        }
        if (runner.replayId != null) {
            replays.stop(runner.bot.owner(), runner.replayId);
        }
    }

    /**
     * Applies a pause, resume or stop to a bot run here, between two steps: journaled first, then the session
     * changes, then the status is compare-and-set from {@code current}'s. A stop cancels the open orders and ends
     * the feed. Bots not run here are only updated in the store.
     */
    public Either<DomainError, Bot> control(Bot current, Bot target, BotControl.Kind kind, String reason) {
        LiveBot runner = live.get(current.id());
        if (runner == null) {
            if (suspended.containsKey(current.id()) || rebuilding.contains(current.id())) {
                return Either.left(BotErrors.recovering(current.id()));
            }
            BotControl control = new BotControl(kind, current.lastStep().getOrElse(Long.MIN_VALUE), reason, clock.now());
            return store.update(target, current.status(), control) ? Either.right(target)
                    : Either.left(BotErrors.changed(current.id()));
        }
        synchronized (runner) {
            if (runner.ended || runner.bot.status() != current.status()) {
                return Either.left(BotErrors.changed(current.id()));
            }
            try {
                runner.writer.flush();
                if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                    checkpoint(runner);
                }
                Bot moved = target.withProgressOf(runner.bot);
                BotControl control = new BotControl(kind, runner.session.lastStepTime(), reason, clock.now());
                if (kind == BotControl.Kind.STOPPED) {
                    // journaled while the bot is still live, so a crash before the status moves is completed by
                    // the rebuild; then the cancels are projected, then the status moves
                    store.addControl(current.id(), control);
                    runner.session.cancelOpenOrders();
                    record(current.owner(), runner.steps.drain());
                    end(runner);
                    return store.move(moved, current.status()) ? Either.right(moved)
                            : Either.left(BotErrors.changed(current.id()));
                }
                // the entry and the status in one transaction, before the session acts on it
                if (!store.update(moved, current.status(), control)) {
                    return Either.left(BotErrors.changed(current.id()));
                }
                runner.bot = moved;
                switch (kind) {
                    case PAUSED -> runner.session.paused(true);
                    case RESUMED -> runner.session.paused(false);
                    default -> throw new IllegalArgumentException("not a control: " + kind);
                }
                return Either.right(moved);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw suspend(runner, e);
            }
        }
    }

    /**
     * Stops running a bot here without changing anything stored: its session and feed are dropped as a crash
     * would drop them, and whoever resumes it next (this process's {@link #resumeAll}, or later another instance
     * that takes over its lease) rebuilds it from its journal.
     */
    public void release(BotId id) {
        LiveBot runner = live.get(id);
        if (runner != null) {
            synchronized (runner) {
                try {
                    // what was acknowledged is durable before whoever rebuilds the session reads its journal
                    runner.writer.flush();
                } catch (RuntimeException e) {
                    LOG.fine(() -> "bot " + id + " released with an unwritable journal: " + e.getMessage());
                }
                end(runner);
            }
        }
    }

    /**
     * The owner's kill switch moved: journaled, then the bot's session follows it between two steps (a halt
     * cancels its open orders); a halt also pauses a running bot, which stays paused after trading resumes until
     * its owner resumes it.
     */
    public void applyTradingState(Bot bot, TradingState target, String reason) {
        LiveBot runner = live.get(bot.id());
        if (runner == null) {
            // not run here (or being rebuilt): the rebuild follows the owner's state as stored
            store.addControl(bot.id(), new BotControl(BotControl.Kind.of(target),
                    bot.lastStep().getOrElse(Long.MIN_VALUE), reason, clock.now()));
            pauseOnHalt(bot, target, reason, bot.lastStep().getOrElse(Long.MIN_VALUE));
            return;
        }
        synchronized (runner) {
            if (!runner.ended) {
                try {
                    changeTradingState(runner, target, reason);
                } catch (RuntimeException e) {
                    throw suspend(runner, e);
                }
            }
        }
    }

    /** The session moves to {@code target}: the entry (and a halt's pause) journaled first, then the session. */
    private void changeTradingState(LiveBot runner, TradingState target, String reason) {
        runner.writer.flush();
        long after = runner.session.lastStepTime();
        store.addControl(runner.bot.id(), new BotControl(BotControl.Kind.of(target), after, reason, clock.now()));
        Option<Bot> paused = pauseOnHalt(runner.bot, target, reason, after);
        runner.steps.applyingOwnersKillSwitch(true);
        try {
            runner.session.changeTradingState(target, reason);
        } finally {
            runner.steps.applyingOwnersKillSwitch(false);
        }
        paused.forEach(p -> {
            runner.session.paused(true);
            runner.bot = p;
        });
        record(runner.bot.owner(), runner.steps.drain());
    }

    private Option<Bot> pauseOnHalt(Bot bot, TradingState target, String reason, long after) {
        if (target != TradingState.HALTED || bot.status() != BotStatus.RUNNING) {
            return Option.none();
        }
        String pauseReason = "kill switch: " + reason;
        return bot.pause(pauseReason, clock.now()).toOption().filter(paused -> store.update(paused,
                BotStatus.RUNNING, new BotControl(BotControl.Kind.PAUSED, after, pauseReason, clock.now())));
    }

    /**
     * Places an order by hand into the live bot's session between two steps (see {@link TradingSession#place})
     * under a new time-ordered id. The journal entry (with the id) and the order's activity (denied orders as
     * blocks too) are written by the session's {@link JournalWriter}, together with those of concurrent requests;
     * the call returns once they are durable.
     */
    public Either<DomainError, SessionOrdersUseCase.SessionPlacement> place(Bot bot, OrderRequest request) {
        return betweenSteps(bot, runner -> {
            OrderId id = new OrderId(ids.next());
            Either<SessionRefusal, TradingSession.Placement> placed = runner.session.place(request, id, MANUAL_TAG);
            if (placed.isLeft()) {
                return Either.<DomainError, Durable<SessionOrdersUseCase.SessionPlacement>>left(
                        BotErrors.orderRefused(placed.getLeft().reason()));
            }
            if (!placed.get().created()) {
                // the order named may still be on its way to the journal
                flush(runner);
                OrderId known = placed.get().order().id();
                return orders.get(bot.owner(), known.value()).map(details -> new Durable<>(runner,
                        CompletableFuture.completedFuture(null),
                        new SessionOrdersUseCase.SessionPlacement(details.order(), false)));
            }
            StepJournal.Step step = runner.steps.drain();
            CompletableFuture<Void> written = runner.writer.submit(BotControl.placed(request, id,
                    runner.session.lastStepTime(), clock.now()), step);
            return Either.right(new Durable<>(runner, written,
                    new SessionOrdersUseCase.SessionPlacement(recorded(step, id), true)));
        }).map(this::awaited);
    }

    /** The order as {@code step} recorded it (its newest state there). */
    private static OrderView recorded(StepJournal.Step step, OrderId id) {
        return step.activity().orders().stream().filter(o -> o.order().id().equals(id)).reduce((a, b) -> b)
                .map(OrderView::of)
                .orElseThrow(() -> new IllegalStateException("order " + id.value() + " was not recorded"));
    }

    /** Cancels a working order of the live bot's session by hand, journaled and projected like {@link #place}. */
    public Either<DomainError, OrderView> cancel(Bot bot, OrderId order) {
        return betweenSteps(bot, runner -> {
            Either<SessionRefusal, Order> canceled = runner.session.cancel(order);
            if (canceled.isLeft()) {
                return Either.<DomainError, Durable<OrderView>>left(
                        BotErrors.orderNotOpen(canceled.getLeft().reason()));
            }
            StepJournal.Step step = runner.steps.drain();
            CompletableFuture<Void> written = runner.writer.submit(BotControl.canceled(order,
                    runner.session.lastStepTime(), clock.now()), step);
            return Either.right(new Durable<>(runner, written, recorded(step, order)));
        }).map(this::awaited);
    }

    /** An answer that may be given once {@code written} is durable. */
    private record Durable<T>(LiveBot runner, CompletableFuture<Void> written, T answer) {
    }

    /**
     * Waits, outside the session's lock, until the answer's journal batch is durable. A batch that could not be
     * written leaves the session ahead of its journal: it is put aside (once) and the caller is told.
     */
    private <T> T awaited(Durable<T> durable) {
        try {
            JournalWriter.await(durable.written());
            return durable.answer();
        } catch (RuntimeException e) {
            synchronized (durable.runner()) {
                if (!durable.runner().ended) {
                    throw suspend(durable.runner(), e);
                }
            }
            throw e instanceof JournalUnwritable ? e : new JournalUnwritable(e);
        }
    }

    /** Everything the session's writer holds made durable, under the session's lock; the session put aside if not. */
    private void flush(LiveBot runner) {
        try {
            runner.writer.flush();
        } catch (RuntimeException e) {
            throw suspend(runner, e);
        }
    }

    /** Runs {@code action} on the bot's session under its lock, between two steps; refused when not run here. */
    private <T> Either<DomainError, T> betweenSteps(Bot bot,
                                                    java.util.function.Function<LiveBot, Either<DomainError, T>> action) {
        LiveBot runner = live.get(bot.id());
        if (runner == null) {
            return Either.left(notRunning(bot.id()));
        }
        synchronized (runner) {
            return runner.ended ? Either.left(notRunning(bot.id())) : action.apply(runner);
        }
    }

    /** Resumes every bot the store holds as live (at start-up); a bot that cannot be rebuilt is marked failed. */
    public synchronized void resumeAll() {
        for (Bot bot : store.live()) {
            if (!live.containsKey(bot.id()) && !rebuilding.contains(bot.id())) {
                relaunch(bot, "rebuilt from its journal after a restart");
            }
        }
        resumedAll = true;
    }

    /**
     * Called every few seconds: rebuilds the sessions a database outage suspended and, if the start-up could not
     * read the live bots (the database was down), tries that again. Quiet while the database is still down.
     */
    /** How many live bots are being rebuilt now; -1 while the live bots of a start-up have not been read yet. */
    public int rebuilding() {
        return resumedAll ? rebuilding.size() : -1;
    }

    public synchronized void supervise() {
        if (!resumedAll) {
            try {
                resumeAll();
                LOG.info("live bots resumed: the database answers again");
            } catch (RuntimeException e) {
                if (!isStoreFailure(e)) {
                    throw e;
                }
                return;
            }
        }
        resumeSuspended();
    }

    private void markFailed(Bot bot, String reason) {
        String stored = reason.length() > 2_000 ? reason.substring(0, 2_000) + "..." : reason;
        bot.fail(stored, clock.now()).forEach(failed -> store.update(failed, bot.status(),
                new BotControl(BotControl.Kind.FAILED, bot.lastStep().getOrElse(Long.MIN_VALUE), stored, clock.now())));
    }
}
