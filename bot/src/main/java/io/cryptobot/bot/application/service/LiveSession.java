package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.ArrayDeque;
import java.util.UUID;

/**
 * A bot being run here: its session, its feed subscription and what has been stored of it. Every change of it (a
 * step, an input from outside, its end) is made while holding its own lock ({@code synchronized (session)}), so
 * the session applies one input at a time in the order its journal records them.
 */
final class LiveSession {
    volatile Bot bot;
    final TradingSession session;
    final StepJournal steps;
    final JournalWriter writer;
    UUID replayId;
    Cancellable subscription;
    /** A live-feed bot's place on its feed, and what the feed queued for it (both null for a replay). */
    LiveSubscription liveFeed;
    LiveFeedInbox inbox;
    /** A bot on a live account: its venue and lease (null on a paper account). */
    LiveTrading liveTrading;
    /** The live feed's last status told (none yet: taken as fresh). */
    volatile FeedStatus feedStatus;
    /**
     * How many candles before its first candle to trade on the strategy needs; the feed's last candles before it,
     * held until that candle comes (at most that many); how many of them the strategy warmed up on, from when.
     */
    int warmUpNeeded;
    final ArrayDeque<Candle> warmUpHeld = new ArrayDeque<>();
    long warmedUp;
    long warmedUpFrom = Long.MIN_VALUE;
    /** Candles of a live bot's rebuild its feed delivered because the store did not have them yet. */
    long rebuiltFromFeed;
    /** The run of steps decided on late candles going on, if one is. */
    LateRun lateRun;
    long stepsPlayed;
    long uncheckpointed;
    long checkpointedAt;
    /** {@link System#nanoTime} when the session last decided on a candle (its strategy ran); for the benchmark. */
    long decidedNanos;
    /** The write of a live step decided ahead of it ({@link SessionSteps#stepAhead}), until the next step. */
    SessionSteps.StepWrite stepWrite;
    EquitySeries equity = new EquitySeries();
    boolean ended;
    /**
     * Whether the session holds every order ever placed on its account (no earlier bot traded there), so that it
     * alone answers whether a client order id is taken; otherwise the order journal is asked first.
     */
    volatile boolean holdsAccountOrders;
    /** A stop the journal holds that the rebuild has to complete. */
    boolean stopJournaled;
    /** What the rebuild found, once checked. */
    String rebuilt = "nothing to rebuild";

    LiveSession(Bot bot, TradingSession session, StepJournal steps, JournalWriter writer) {
        this.bot = bot;
        this.session = session;
        this.steps = steps;
        this.writer = writer;
    }
}
