package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.MayOpenPositionQuery;
import io.cryptobot.marketdata.application.port.in.OpeningRefused;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A paper bot on a venue's live candles: the same session as a replay's, one step per closed live candle
 * ({@link SessionSteps}), with what only a live feed brings.
 * <ul>
 *   <li><b>Start.</b> A bot that never traded joins its feed asking for the last closed candles its strategy needs
 *       to warm up (the feed serves them from the store and from memory, {@code HISTORY}); its first other candle is
 *       its first to trade on, fixed as the feed's start and stored with that step's checkpoint. The strategy warms
 *       up on those opening in the warm-up window before that candle, as a backtest from it would. Fewer warm-up
 *       candles than needed is a {@code warm_up_short} event, otherwise {@code warmed_up}.</li>
 *   <li><b>Restart.</b> A bot that traded is rebuilt as a replay is (warm-up and journal replayed over the stored
 *       candles up to its checkpoint or last entry), joins its feed from the candle after the last one played, and
 *       takes from the feed what the store lacks of the rebuild (candles the feed had not stored when the process
 *       ended); then it catches up on what closed while it was down and trades on.</li>
 *   <li><b>Late candles.</b> Every step decided on a late candle (caught up from history, fetched to fill a gap,
 *       late from the stream) belongs to a run recorded in the bot's events: {@code late_candles} at its first
 *       candle, {@code caught_up} with counts when an on-time candle ends it. Candles the feed passes over (neither
 *       the store nor the venue had them) are a {@code candles_missed} event.</li>
 *   <li><b>Openings.</b> While the feed is stale, or the venue has the instrument halted or delisted
 *       ({@link MayOpenPositionQuery}), the session opens no position ({@link TradingSession#blockOpenings}): it
 *       still manages what it holds. Each change is an input journaled before the session applies it
 *       ({@code opening_blocked}, {@code opening_allowed}), so a rebuild applies it at the same step.</li>
 * </ul>
 * Everything the feed tells a bot is queued in its {@link LiveFeedInbox} and handled on the bot workers, one item at
 * a time; changes of the session are made under its lock, as every input's.
 */
@ApplicationScoped
class FollowLiveFeed {
    /** How long a launch waits for the feed to deliver the candles of its rebuild that the store lacks. */
    static final long REBUILD_WAIT_MILLIS = 60_000;
    private final SubscribeLiveCandlesUseCase feeds;
    private final MayOpenPositionQuery openings;
    private final RebuildSession rebuild;
    private final BotStorePort store;
    private final LiveSessions sessions;
    private final SessionSteps steps;
    private final ActivityProjection projection;
    private final BotWorkersPort workers;
    private final Clock clock;
    private final io.cryptobot.bot.application.port.out.PublishBotAlarmPort alarms;
    private final io.cryptobot.marketdata.application.port.in.GetVenueListingQuery listings;

    FollowLiveFeed(SubscribeLiveCandlesUseCase feeds, MayOpenPositionQuery openings, RebuildSession rebuild,
                   BotStorePort store, LiveSessions sessions, SessionSteps steps, ActivityProjection projection,
                   BotWorkersPort workers, Clock clock,
                   io.cryptobot.bot.application.port.out.PublishBotAlarmPort alarms,
                   io.cryptobot.marketdata.application.port.in.GetVenueListingQuery listings) {
        this.alarms = alarms;
        this.listings = listings;
        this.feeds = feeds;
        this.openings = openings;
        this.rebuild = rebuild;
        this.store = store;
        this.sessions = sessions;
        this.steps = steps;
        this.projection = projection;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * The live part of a launch: rebuilds the session from the store (and from the feed where the store lacks
     * candles) up to the bot's checkpoint or last journal entry and joins the feed; its candles wait in the
     * session's inbox until {@link #follow}. Answers the step the journal was replayed up to ({@link Long#MIN_VALUE}
     * for a bot that never traded), or why the bot cannot be run; then it is not on the feed.
     */
    Either<DomainError, Long> rebuild(LiveSession runner, int warmUpCandles, List<BotControl> entries) {
        Bot bot = runner.bot;
        LiveFeedSpec feed = (LiveFeedSpec) bot.feed();
        runner.warmUpNeeded = warmUpCandles;
        runner.inbox = new LiveFeedInbox();
        RebuildSession.Entries pending = new RebuildSession.Entries(entries);
        if (feed.start().isEmpty()) {
            // it never traded: no order to rebuild, and its entries (pauses, the kill switch, blocks) hold as they
            // ended; it warms up on what the feed has
            pending.rest(runner);
            return join(runner, LiveCandleRequest.withLastClosed(bot.instrument(), bot.timeframe(), warmUpCandles))
                    .map(joined -> Long.MIN_VALUE);
        }
        long start = feed.start().get();
        long warmUpStart = start - (long) warmUpCandles * bot.timeframe().nominalLength().toMillis();
        Either<DomainError, Long> warmed = rebuild.play(runner, warmUpStart, start - 1, List.of());
        if (warmed.isLeft()) {
            return Either.left(warmed.getLeft());
        }
        long upTo = Math.max(bot.lastStep().getOrElse(start), entries.stream().mapToLong(BotControl::afterStep)
                .max().orElse(Long.MIN_VALUE));
        Either<DomainError, Long> stored = rebuild.play(runner, start, upTo, pending);
        if (stored.isLeft()) {
            return Either.left(stored.getLeft());
        }
        TradingSession session = runner.session;
        long next = session.lastStepTime() >= start ? bot.timeframe().next(session.lastStepTime()) : start;
        Either<DomainError, LiveSubscription> joined = join(runner, new LiveCandleRequest(bot.instrument(),
                bot.timeframe(), Option.some(next)));
        if (joined.isLeft()) {
            return Either.left(joined.getLeft());
        }
        if (session.lastStepTime() < upTo) {
            Either<DomainError, Long> fed = playFromFeed(runner, upTo, pending);
            if (fed.isLeft()) {
                abandon(runner);
                return fed;
            }
        }
        pending.rest(runner);
        return Either.right(upTo);
    }

    /** Runs the launched session on its feed: what waits in its inbox first, then each item as it comes. */
    void follow(LiveSession runner) {
        sessions.run(runner);
        // the opening conditions as they are now, before any candle
        runner.inbox.recheck();
        runner.inbox.drainOn(workers.executor(), item -> handle(runner, item));
    }

    /** Leaves the feed of a session that will not run (a refused launch, a stop to complete, an incident). */
    void abandon(LiveSession runner) {
        if (runner.inbox != null) {
            runner.inbox.close();
        }
        if (runner.liveFeed != null) {
            runner.liveFeed.close();
        }
        if (runner.liveTrading != null) {
            runner.liveTrading.close();
        }
    }

    /** The venue changed the status of {@code instrument}: the bots trading it here look at their openings again. */
    void instrumentStatusChanged(InstrumentId instrument) {
        for (LiveSession runner : sessions.on(instrument)) {
            if (runner.inbox != null) {
                runner.inbox.recheck();
            }
        }
    }

    private Either<DomainError, LiveSubscription> join(LiveSession runner, LiveCandleRequest request) {
        Either<DomainError, LiveSubscription> joined = feeds.subscribe(request, runner.inbox).mapLeft(refusal ->
                refusal instanceof DomainError.Invalid invalid ? BotErrors.feedRefused(runner.bot.instrument() + " "
                        + runner.bot.timeframe().code(), invalid.violations().stream()
                        .map(v -> v.field() + " " + v.reason()).toList()) : refusal);
        joined.forEach(subscription -> runner.liveFeed = subscription);
        return joined;
    }

    /**
     * Plays the candles of the rebuild the store lacked, as the feed delivers them (stored history, then what it
     * holds in memory or fetches from the venue), up to the journal's last step. A candle the feed hands out late
     * (out of order) that the journal's steps need is played too: the run before the restart played it. A candle
     * past the journal's last step stays queued; while the session is short of that step, the wait goes on for the
     * candles it lacks (the journal's entries after them may only be applied once they are played).
     */
    private Either<DomainError, Long> playFromFeed(LiveSession runner, long upTo, RebuildSession.Entries pending) {
        long deadline = System.nanoTime() + REBUILD_WAIT_MILLIS * 1_000_000;
        long played = 0;
        java.util.ArrayDeque<LiveFeedInbox.Item> ahead = new java.util.ArrayDeque<>();
        try {
            while (runner.session.lastStepTime() < upTo) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                LiveFeedInbox.Item item;
                try {
                    item = left <= 0 ? null : runner.inbox.next(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    item = null;
                }
                if (item == null) {
                    return Either.left(BotErrors.feedBehind(runner.bot.instrument() + " "
                                    + runner.bot.timeframe().code(), Instant.ofEpochMilli(runner.session.lastStepTime()),
                            Instant.ofEpochMilli(upTo), REBUILD_WAIT_MILLIS / 1000));
                }
                switch (item) {
                    case LiveFeedInbox.Status status -> runner.feedStatus = status.status();
                    case LiveFeedInbox.Recheck recheck -> { }
                    case LiveFeedInbox.Unavailable unavailable -> {
                        if (unavailable.from() <= upTo) {
                            // the journal's steps went over these candles: replaying past them would differ from
                            // the run it rebuilds, so the bot is not resumed, and says why
                            return Either.left(BotErrors.feedHistoryUnavailable(runner.bot.instrument() + " "
                                            + runner.bot.timeframe().code(), Instant.ofEpochMilli(unavailable.from()),
                                    Instant.ofEpochMilli(unavailable.to()), unavailable.reason()));
                        }
                        ahead.addLast(item);
                    }
                    case LiveFeedInbox.OutOfOrder outOfOrder -> {
                        long time = outOfOrder.candle().openTime();
                        if (time > runner.session.lastStepTime() && time <= upTo) {
                            RebuildSession.step(runner, outOfOrder.candle().candle(), pending);
                            played++;
                            runner.rebuiltFromFeed++;
                        } else {
                            outOfOrder(runner, outOfOrder.candle());
                        }
                    }
                    case LiveFeedInbox.Closed closed -> {
                        long time = closed.candle().openTime();
                        if (time > upTo) {
                            // after the journal's last step: the session plays it once live
                            ahead.addLast(item);
                        } else if (time > runner.session.lastStepTime()) {
                            RebuildSession.step(runner, closed.candle().candle(), pending);
                            played++;
                            runner.rebuiltFromFeed++;
                        }
                    }
                }
            }
            return Either.right(played);
        } finally {
            while (!ahead.isEmpty()) {
                runner.inbox.putBack(ahead.pollLast());
            }
        }
    }

    /** One item of the feed, on a bot worker; answers how long the feed waits before the next (the order rate). */
    private long handle(LiveSession runner, LiveFeedInbox.Item item) {
        try {
            switch (item) {
                case LiveFeedInbox.Status status -> {
                    runner.feedStatus = status.status();
                    guardOpenings(runner);
                    return 0;
                }
                case LiveFeedInbox.Recheck recheck -> {
                    guardOpenings(runner);
                    return 0;
                }
                case LiveFeedInbox.OutOfOrder outOfOrder -> {
                    outOfOrder(runner, outOfOrder.candle());
                    return 0;
                }
                case LiveFeedInbox.Unavailable unavailable -> {
                    // after the journal's last step: the next candle's step records them as missed
                    return 0;
                }
                case LiveFeedInbox.Closed closed -> {
                    return candle(runner, closed);
                }
            }
        } catch (JournalUnwritable e) {
            // the session was put aside, to be rebuilt from its journal when the database answers
            return 0;
        } catch (RuntimeException e) {
            steps.fail(runner, e);
            return 0;
        }
    }

    private long candle(LiveSession runner, LiveFeedInbox.Closed closed) {
        LiveCandle candle = closed.candle();
        TradingSession session = runner.session;
        long time = candle.openTime();
        // whatever this candle writes comes after the previous step's write (long done on a live feed); a write
        // that found the bot moved, or failed, has ended the session
        steps.settlePrevious(runner);
        synchronized (runner) {
            if (runner.ended || time <= session.lastStepTime()) {
                return 0;
            }
        }
        if (runner.bot.feed().tradingStart().isEmpty()) {
            if (candle.source() == LiveCandle.Source.HISTORY) {
                warmUp(runner, candle.candle());
                return 0;
            }
            begin(runner, time);
        } else {
            missed(runner, time);
        }
        if (candle.late()) {
            if (runner.lateRun == null) {
                record(runner, BotControl.Kind.LATE_CANDLES, LateRun.opened(candle));
                runner.lateRun = new LateRun(time);
            }
            runner.lateRun.add(candle);
        } else if (runner.lateRun != null) {
            record(runner, BotControl.Kind.CAUGHT_UP, runner.lateRun.summary());
            runner.lateRun = null;
        }
        guardOpenings(runner);
        guardMinNotional(runner);
        // no candle queued behind it: the bot is at the live edge, its checkpoint names this step
        CompletableFuture<Boolean> written = steps.stepAhead(runner, candle.candle(), runner.inbox.noCandleQueued());
        LiveStepProbe.stepped(runner, candle, closed.passedOnNanos(), written);
        return steps.paceMillis(runner);
    }

    /**
     * A candle before the first one to trade on: held, to warm the strategy up once that candle is known (no order,
     * no equity, no write). Only the last {@code warmUpNeeded} can fall in the warm-up window, so no more are kept.
     */
    private void warmUp(LiveSession runner, Candle candle) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            runner.warmUpHeld.addLast(candle);
            while (runner.warmUpHeld.size() > runner.warmUpNeeded) {
                runner.warmUpHeld.pollFirst();
            }
        }
    }

    /**
     * The bot's first candle to trade on: the strategy warms up on the candles held that open in the
     * {@code warmUpNeeded} intervals before it, exactly the window a backtest starting at this candle (and the bot's
     * own rebuild after a restart) warms up on, whatever the feed handed out before (a minute the venue had no candle
     * for just before it would otherwise leave one candle more in the bot's averages than in the backtest's, and the
     * bot could signal a candle earlier). Then the session trades from it, the bot's feed starts at it (stored with
     * the checkpoint of its step), and the warm-up it had is recorded.
     */
    private void begin(LiveSession runner, long start) {
        Timeframe timeframe = runner.bot.timeframe();
        int needed = runner.warmUpNeeded;
        long earliest = start - (long) needed * timeframe.nominalLength().toMillis();
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
            for (Candle candle : runner.warmUpHeld) {
                if (candle.openTime() >= earliest && candle.openTime() < start) {
                    runner.session.step(candle.openTime(), new Candle[] {candle});
                    runner.stepsPlayed++;
                    if (runner.warmedUp++ == 0) {
                        runner.warmedUpFrom = candle.openTime();
                    }
                }
            }
            runner.warmUpHeld.clear();
            StepJournal.Step nothing = runner.steps.drain();
            runner.session.tradeFrom(start);
            runner.bot = runner.bot.tradingFrom(start);
            boolean complete = runner.warmedUp >= needed;
            String window = needed == 0 ? "" : " before it (from " + Instant.ofEpochMilli(earliest) + ")";
            String got = runner.warmedUp == 0 ? "no candle" : runner.warmedUp + " candles from "
                    + Instant.ofEpochMilli(runner.warmedUpFrom) + " to "
                    + Instant.ofEpochMilli(runner.session.lastStepTime());
            String reason = complete
                    ? "trading on live " + timeframe.code() + " candles from " + Instant.ofEpochMilli(start)
                    + "; warmed up on " + got + " (the strategy needs " + needed + ")"
                    : "trading on live " + timeframe.code() + " candles from " + Instant.ofEpochMilli(start)
                    + " with a short warm-up: " + got + " of the " + needed + " the strategy needs" + window
                    + " (neither the store nor the feed had more); its first signals may come later than with a full "
                    + "history";
            // queued, not awaited: the step's write comes behind it on the same writer, so the decision waits for
            // no disk and the journal still holds the warm-up before the step; a crash before both are durable
            // leaves a bot that never traded, rebuilt to warm up again on its next candle (its start is stored only
            // with that step's checkpoint). A failed write fails the step's write behind it, which suspends the
            // session.
            runner.writer.submit(new BotControl(complete ? BotControl.Kind.WARMED_UP : BotControl.Kind.WARM_UP_SHORT,
                    runner.session.lastStepTime(), reason, clock.now()), nothing);
        }
    }

    /**
     * A candle that came after the feed had passed over its place (and, for a bot trading then, after its
     * {@code candles_missed}): no step can go back to it, so it is only said. The feed stored it, so a backtest
     * over the stored candles sees it where this bot did not.
     */
    private void outOfOrder(LiveSession runner, LiveCandle candle) {
        synchronized (runner) {
            if (runner.ended) {
                return;
            }
        }
        Timeframe timeframe = runner.bot.timeframe();
        String reason = "the " + timeframe.code() + " candle at " + Instant.ofEpochMilli(candle.openTime())
                + " came " + candle.delayMillis() / 1000 + " s after its close, after the feed had passed over it "
                + "(the venue had none there when asked); no decision was made on it (the bot is at "
                + Instant.ofEpochMilli(runner.session.lastStepTime()) + "). It is stored now, so a backtest over the "
                + "stored candles sees it where this bot did not";
        record(runner, BotControl.Kind.CANDLE_OUT_OF_ORDER, reason);
    }

    /** Candles the feed passed over before the one at {@code time}: said, never silently skipped. */
    private void missed(LiveSession runner, long time) {
        long last = runner.session.lastStepTime();
        Timeframe timeframe = runner.bot.timeframe();
        if (last == Long.MIN_VALUE || last < runner.session.tradingStart()) {
            return;
        }
        long expected = timeframe.next(last);
        if (time <= expected) {
            return;
        }
        long count = 0;
        for (long open = expected; open < time; open = timeframe.next(open)) {
            count++;
        }
        record(runner, BotControl.Kind.CANDLES_MISSED, count + (count == 1 ? " candle" : " candles") + " from "
                + Instant.ofEpochMilli(expected) + " to " + Instant.ofEpochMilli(timeframe.floor(time - 1))
                + " never came (neither the store nor the venue had them); the next step is at "
                + Instant.ofEpochMilli(time));
    }

    /**
     * Blocks or allows openings as the feed's freshness and the instrument's status on its venue say: a change is
     * journaled first, then applied to the session, under its lock.
     */
    private void guardOpenings(LiveSession runner) {
        Option<String> why = openingBlock(runner);
        synchronized (runner) {
            if (runner.ended || why.equals(runner.session.openingBlocked())) {
                return;
            }
            BotControl entry;
            try {
                runner.writer.flush();
                BotControl.Kind kind = why.isDefined() ? BotControl.Kind.OPENING_BLOCKED
                        : BotControl.Kind.OPENING_ALLOWED;
                entry = new BotControl(kind, runner.session.lastStepTime(),
                        why.getOrElse("positions may be opened again: the live feed is fresh and the instrument "
                                + "trades"), clock.now());
                store.addControl(runner.bot.id(), entry);
                runner.session.blockOpenings(why);
                projection.record(runner.bot.owner(), runner.steps.drain());
            } catch (RuntimeException e) {
                throw sessions.suspend(runner, e);
            }
            // a block on a stale feed (its reason says so first) raises the alarm, from the entry as stored
            io.cryptobot.bot.domain.event.BotAlarmRaised.of(runner.bot.owner(), runner.bot.id().value(),
                    runner.bot.name(), entry, "").forEach(alarms::publish);
        }
    }

    /**
     * A live-account bot sizes its strategy's intents against the venue's minimum order notional as the last
     * instrument sync saw it (dust, and intents too small to send: {@link TradingSession#minimumNotional}); a change
     * is journaled before the session applies it (under its lock, after the writer is emptied), so a rebuild applies
     * it at the same step, whatever the sync says by then.
     */
    private void guardMinNotional(LiveSession runner) {
        if (runner.liveTrading == null || listings == null) {
            return;
        }
        InstrumentId instrument = runner.bot.instrument();
        Option<java.math.BigDecimal> minimum = listings.listing(instrument)
                .flatMap(io.cryptobot.marketdata.domain.VenueListing::rules)
                .flatMap(io.cryptobot.marketdata.domain.VenueRules::minNotional);
        synchronized (runner) {
            Option<java.math.BigDecimal> now = runner.session.minimumNotional(instrument);
            boolean same = now.isEmpty() ? minimum.isEmpty()
                    : minimum.isDefined() && now.get().compareTo(minimum.get()) == 0;
            if (runner.ended || same) {
                return;
            }
            try {
                runner.writer.flush();
                store.addControl(runner.bot.id(), BotControl.minNotional(minimum, runner.session.lastStepTime(),
                        clock.now()));
                runner.session.minimumNotional(instrument, minimum);
            } catch (RuntimeException e) {
                throw sessions.suspend(runner, e);
            }
        }
    }

    /** Why no position may be opened now, if anything says so. */
    private Option<String> openingBlock(LiveSession runner) {
        List<String> reasons = new ArrayList<>();
        FeedStatus status = runner.feedStatus;
        if (status != null && !status.fresh()) {
            reasons.add(io.cryptobot.bot.domain.event.BotAlarmRaised.STALE_FEED + status.instrument() + " " + status.timeframe().code() + " is stale"
                    + status.staleSince().map(since -> " since " + since).getOrElse("")
                    + " (no closed candle for two intervals)");
        }
        Either<OpeningRefused, InstrumentId> venue = openings.mayOpen(runner.bot.instrument());
        venue.swap().forEach(refused -> reasons.add(refused.reason()));
        return reasons.isEmpty() ? Option.none() : Option.some(String.join("; ", reasons));
    }

    /**
     * An informational event of the bot (not replayed by a rebuild), after what its writer has queued (the warm-up);
     * a failing write puts the session aside.
     */
    private void record(LiveSession runner, BotControl.Kind kind, String reason) {
        try {
            runner.writer.flush();
            store.addControl(runner.bot.id(), new BotControl(kind, runner.session.lastStepTime(), reason,
                    clock.now()));
        } catch (RuntimeException e) {
            synchronized (runner) {
                if (!runner.ended) {
                    throw sessions.suspend(runner, e);
                }
            }
            throw e instanceof JournalUnwritable ? e : new JournalUnwritable(e);
        }
    }
}
