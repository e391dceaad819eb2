package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.bot.ReplayFeedSpec;
import io.cryptobot.bot.domain.session.SessionMarket;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.in.ReplayFeedUseCase;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.Replay;
import io.cryptobot.order.application.port.in.OrderView;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Launches a live bot's session: warmed up on the stored candles before the feed's start, rebuilt from its journal
 * ({@link RebuildSession}) up to the checkpoint or the last journal entry, whichever is later, checked
 * ({@link CheckRebuiltSession}), made to follow the owner's kill switch as stored (a halt made just before a crash
 * holds), then fed from the candle after the last one played: by its replay, or by its venue's live candles
 * ({@link FollowLiveFeed}, which also warms up a bot that never traded and completes a rebuild from the feed where
 * the store lacks candles). A stop the journal holds is completed instead.
 */
@ApplicationScoped
class LaunchLiveBot {
    private static final int FEED_BUFFER = 1_000_000;
    private static final String LEGACY_PREFIX = "bot-";
    private final BotStorePort store;
    private final GetInstrumentQuery instruments;
    private final ReplayFeedUseCase replays;
    private final BotWorkersPort workers;
    private final LiveSessions sessions;
    private final RebuildSession rebuild;
    private final CheckRebuiltSession checks;
    private final FollowOwnersKillSwitch killSwitch;
    private final SessionSteps steps;
    private final FollowLiveFeed liveFeeds;
    private final ActivityProjection projection;
    private final OpenLiveTrading liveAccounts;
    private final JournalGroupCommit groupCommit;
    private final Clock clock;

    LaunchLiveBot(BotStorePort store, GetInstrumentQuery instruments, ReplayFeedUseCase replays,
                  BotWorkersPort workers, LiveSessions sessions, RebuildSession rebuild, CheckRebuiltSession checks,
                  FollowOwnersKillSwitch killSwitch, SessionSteps steps, FollowLiveFeed liveFeeds,
                  ActivityProjection projection, OpenLiveTrading liveAccounts, JournalGroupCommit groupCommit,
                  Clock clock) {
        this.groupCommit = groupCommit;
        this.liveFeeds = liveFeeds;
        this.liveAccounts = liveAccounts;
        this.store = store;
        this.instruments = instruments;
        this.replays = replays;
        this.workers = workers;
        this.sessions = sessions;
        this.rebuild = rebuild;
        this.checks = checks;
        this.killSwitch = killSwitch;
        this.steps = steps;
        this.projection = projection;
        this.clock = clock;
    }

    /**
     * Builds the bot's session (warm-up, then its journal replayed, checked against the order journal), makes it
     * follow the owner's kill switch and subscribes it to its feed from the next candle on. The bot must already
     * be stored as live. A rebuild that differs from the journal fails the bot (the returned bot says why).
     */
    Either<DomainError, Bot> launch(Bot bot) {
        return launch(bot, Option.none());
    }

    /**
     * A launch that resumes a bot ({@code recovered}: why, e.g. after a restart): once rebuilt and checked, and before
     * its feed goes on, a {@code recovered} event says so with what was rebuilt, so the bot's events after it (a
     * live feed's catch-up) read in order.
     */
    Either<DomainError, Bot> launch(Bot bot, Option<String> recovered) {
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
        List<OrderView> projected = history ? checks.projectedOrders(bot) : List.of();
        Instrument known = instrument.get();
        SessionMarket market = new SessionMarket(known.id(), bot.costs().fillModel(
                new InstrumentRules(known.id(), known.tickSize(), known.stepSize())), known.quantityScale());
        String prefix = idPrefix(bot, projected);
        StepJournal journal = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        LiveSession[] self = new LiveSession[1];
        // a bot on a live account trades on its venue: fills are the venue's reports, journaled, never simulated
        LiveTrading liveTrading = null;
        Venue venue;
        if (liveAccounts.isLive(bot)) {
            Either<DomainError, LiveTrading> opened = liveAccounts.open(bot, () -> self[0]);
            if (opened.isLeft()) {
                return Either.left(opened.getLeft());
            }
            liveTrading = opened.get();
            venue = liveTrading.venue;
            // an order tracked again by the rebuild, or decided again after it, keeps its step's close as its time
            liveTrading.venue.closingAt(bot.timeframe()::next);
            if (history || recovered.isDefined()) {
                // a previous process may have sent the orders of steps it had not made durable yet (a step's
                // orders leave before its write): steps on candles closed before now are asked for first
                long restartedAt = clock.now().toEpochMilli();
                liveTrading.venue.restarted(openTime -> bot.timeframe().next(openTime) <= restartedAt);
            }
        } else {
            venue = TradingSession.simulatedVenue(List.of(market), prefix.equals(LEGACY_PREFIX) ? "" : prefix);
        }
        // a live feed that has not started yet learns its first candle to trade on from the feed
        long tradingStart = bot.feed().tradingStart().getOrElse(Long.MAX_VALUE);
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(), bot.limits(),
                tradingStart, bot.id().value().getMostSignificantBits(), prefix, false), List.of(market),
                venue, strategy,
                (long time, double equity, boolean exposed) -> self[0].equity.append(time, equity, exposed), journal);
        // the session's hand-order batches are written together with those of the other sessions busy meanwhile;
        // the writer only hands its writes over (to the group commit, to the grouped checkpoints), so an idle one
        // starts on the submitting thread: no thread is started for a step's write
        JournalWriter writer = groupCommit.writerFor(bot.id(), bot.owner(), Runnable::run);
        LiveSession runner = new LiveSession(bot, session, journal, writer);
        runner.liveTrading = liveTrading;
        runner.holdsAccountOrders = checks.aloneOnAccount(bot, projected.size());
        self[0] = runner;
        boolean live = bot.feed() instanceof LiveFeedSpec;
        Either<DomainError, Long> rebuilt;
        try {
            rebuilt = live ? liveFeeds.rebuild(runner, strategy.warmUpCandles(), entries)
                    : rebuildReplay(runner, (ReplayFeedSpec) bot.feed(), strategy, entries, history);
        } catch (RuntimeException e) {
            liveFeeds.abandon(runner);
            throw e;
        }
        if (rebuilt.isLeft()) {
            liveFeeds.abandon(runner);
            return Either.left(rebuilt.getLeft());
        }
        try {
            if (history) {
                Either<List<String>, String> checked = checks.check(runner, projected, rebuilt.get());
                if (checked.isLeft()) {
                    liveFeeds.abandon(runner);
                    return Either.right(checks.incident(bot, checked.getLeft()));
                }
                runner.rebuilt = checked.get();
            } else {
                journal.drain();
            }
            if (runner.liveTrading != null) {
                // rebuilt from the journal: now the venue is asked what happened meanwhile, and orders may leave
                // once the account is reconciled
                synchronized (runner) {
                    runner.liveTrading.venue.goLive(runner);
                }
            }
            killSwitch.followStored(runner, history ? "kill switch at recovery: " : "kill switch at start: ");
            if (runner.stopJournaled) {
                liveFeeds.abandon(runner);
                return Either.right(completeStop(runner));
            }
            session.paused(runner.bot.status() == BotStatus.PAUSED);
            recovered.forEach(why -> store.addControl(bot.id(), new BotControl(BotControl.Kind.RECOVERED,
                    runner.bot.lastStep().getOrElse(Long.MIN_VALUE), why + ": " + runner.rebuilt, clock.now())));
        } catch (RuntimeException e) {
            liveFeeds.abandon(runner);
            throw e;
        }
        if (live) {
            liveFeeds.follow(runner);
            return Either.right(runner.bot);
        }
        return feedReplay(runner, (ReplayFeedSpec) bot.feed());
    }

    /**
     * A replay bot's rebuild: warmed up on the stored candles before its feed's start, then its journal replayed over
     * the stored candles up to its checkpoint or last entry. Answers that step ({@link Long#MIN_VALUE}: nothing).
     */
    private Either<DomainError, Long> rebuildReplay(LiveSession runner, ReplayFeedSpec feed, Strategy strategy,
                                                    List<BotControl> entries, boolean history) {
        Bot bot = runner.bot;
        long tf = bot.timeframe().nominalLength().toMillis();
        long warmUpStart = feed.from() - (long) strategy.warmUpCandles() * tf;
        Either<DomainError, Long> warmed = rebuild.play(runner, warmUpStart, feed.from() - 1, List.of());
        if (warmed.isLeft()) {
            return Either.left(warmed.getLeft());
        }
        if (!history) {
            return Either.right(Long.MIN_VALUE);
        }
        long upTo = Math.max(bot.lastStep().getOrElse(Long.MIN_VALUE),
                entries.stream().mapToLong(BotControl::afterStep).max().orElse(Long.MIN_VALUE));
        return rebuild.play(runner, feed.from(), upTo, entries).map(played -> upTo);
    }

    /** Feeds a launched replay bot from the candle after the last one played (or completes it: nothing is left). */
    private Either<DomainError, Bot> feedReplay(LiveSession runner, ReplayFeedSpec feed) {
        Bot bot = runner.bot;
        TradingSession session = runner.session;
        long next = session.lastStepTime() >= feed.from() ? bot.timeframe().next(session.lastStepTime())
                : feed.from();
        if (next >= feed.to()) {
            sessions.run(runner);
            workers.executor().execute(() -> steps.complete(runner));
            return Either.right(runner.bot);
        }
        Either<DomainError, Replay> replay = replays.startForBot(bot.owner(), bot.instrument(), bot.timeframe(), next,
                feed.to(), feed.speed());
        if (replay.isLeft()) {
            return Either.left(replay.getLeft());
        }
        runner.replayId = replay.get().id();
        sessions.run(runner);
        runner.subscription = replays.candles(bot.owner(), replay.get().id()).get()
                .onOverflow().buffer(FEED_BUFFER)
                .emitOn(workers.executor())
                // one candle at a time: its step, then the pause the owner's order rate asks for (see SessionSteps)
                .onItem().transformToUniAndConcatenate(candle -> {
                    steps.step(runner, candle);
                    return steps.pace(runner);
                })
                .subscribe().with(nothing -> { }, failure -> steps.fail(runner, failure),
                        () -> steps.complete(runner));
        return Either.right(runner.bot);
    }

    /**
     * The prefix of the session's client order ids and trade ids: one of its own per bot (several bots, one after
     * the other, trade on one account, and client order ids are unique per account), or {@code bot-} for a bot
     * whose orders were placed under it before.
     */
    private static String idPrefix(Bot bot, List<OrderView> projected) {
        boolean legacy = projected.stream().anyMatch(o -> !PlaceHandOrder.MANUAL_TAG.equals(o.tag())
                && o.clientOrderId().startsWith(LEGACY_PREFIX));
        return legacy ? LEGACY_PREFIX : String.format("b%010x-", bot.id().value().getMostSignificantBits() >>> 24);
    }

    /** Completes a stop the journal holds: the bot's status follows it, the feed is not resumed. */
    private Bot completeStop(LiveSession runner) {
        projection.record(runner.bot.owner(), runner.steps.drain());
        Bot current = runner.bot;
        Option<Bot> stopped = current.stop("stopped", clock.now()).toOption();
        if (stopped.isDefined() && store.move(stopped.get().withProgressOf(current), current.status())) {
            return stopped.get();
        }
        return current;
    }
}
