package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.session.SessionRefusal;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;

/**
 * Rebuilds a session, never loads it: plays the stored candles into it (no feed) and applies each journal entry
 * after the step it was recorded at, as it was applied then (hand orders under the ids they were given). Same
 * candles, same inputs, same code: the same orders, fills and ids. A live bot's rebuild may go on with candles its
 * feed holds and the store does not have yet ({@link Entries#before}, {@link #step}).
 */
@ApplicationScoped
class RebuildSession {
    private final LoadCandlesQuery candles;

    RebuildSession(LoadCandlesQuery candles) {
        this.candles = candles;
    }

    /** Journal entries still to apply to a session being rebuilt, in journal order. */
    static final class Entries {
        private final Iterator<BotControl> pending;
        private BotControl next;

        Entries(List<BotControl> entries) {
            this.pending = entries.iterator();
            this.next = pending.hasNext() ? pending.next() : null;
        }

        /** Applies every entry recorded after a step before {@code time}: what came before the candle at it. */
        void before(LiveSession runner, long time) {
            while (next != null && next.afterStep() < time) {
                apply(runner, next);
                next = pending.hasNext() ? pending.next() : null;
            }
        }

        /** Applies the entries recorded after the last candle played. */
        void rest(LiveSession runner) {
            while (next != null) {
                apply(runner, next);
                next = pending.hasNext() ? pending.next() : null;
            }
        }
    }

    /**
     * Plays stored candles opening in [from, upTo] into the session (no feed), applying each journal entry before
     * the first candle after its step; the entries recorded after the last candle are applied at the end. Answers
     * how many candles were played.
     */
    Either<DomainError, Long> play(LiveSession runner, long from, long upTo, List<BotControl> entries) {
        Entries pending = new Entries(entries);
        Either<DomainError, Long> played = play(runner, from, upTo, pending);
        pending.rest(runner);
        return played;
    }

    /**
     * Plays the stored candles opening in [from, upTo], each after the entries recorded before it; the entries left
     * are the caller's (more candles may come from a live feed).
     */
    Either<DomainError, Long> play(LiveSession runner, long from, long upTo, Entries entries) {
        long played = 0;
        long cursor = from;
        while (cursor <= upTo && upTo != Long.MIN_VALUE) {
            // the candles the bot was fed: a replay plays those its owner sees (their private candles over the
            // shared ones), a venue's live feed serves the shared ones only
            TimeRange range = new TimeRange(cursor, upTo == Long.MAX_VALUE ? upTo : upTo + 1);
            Either<DomainError, CandleSeries> series = runner.bot.feed() instanceof LiveFeedSpec
                    ? candles.loadShared(runner.bot.instrument(), runner.bot.timeframe(), range,
                    LoadCandlesQuery.MAX_LIMIT)
                    : candles.load(runner.bot.owner(), runner.bot.instrument(), runner.bot.timeframe(), range,
                    LoadCandlesQuery.MAX_LIMIT);
            if (series.isLeft()) {
                return Either.left(series.getLeft());
            }
            CandleBatch batch = series.get().candles();
            for (int i = 0; i < batch.size(); i++) {
                step(runner, batch.candle(i), entries);
            }
            played += batch.size();
            if (batch.size() < LoadCandlesQuery.MAX_LIMIT) {
                break;
            }
            cursor = batch.openTime(batch.size() - 1) + 1;
        }
        return Either.right(played);
    }

    /** Plays one candle of the rebuild, after the entries recorded before it. */
    static void step(LiveSession runner, Candle candle, Entries entries) {
        entries.before(runner, candle.openTime());
        runner.session.step(candle.openTime(), new Candle[] {candle});
        runner.stepsPlayed++;
    }

    /** Applies one journal entry to a session being rebuilt, as it was applied when it was recorded. */
    private static void apply(LiveSession runner, BotControl entry) {
        TradingSession session = runner.session;
        switch (entry.kind()) {
            case ORDER_PLACED -> {
                // journaled only when the session created the order: a rebuild that refuses it differs from the run;
                // on a live account the order was decided when its entry was written (its trades are read from then)
                if (runner.liveTrading != null) {
                    runner.liveTrading.venue.replayingEntryAt(entry.at().toEpochMilli());
                }
                Either<SessionRefusal, TradingSession.Placement> placed;
                try {
                    placed = session.place(entry.placed().get(), entry.order().get(), PlaceHandOrder.MANUAL_TAG);
                } finally {
                    if (runner.liveTrading != null) {
                        runner.liveTrading.venue.replayingEntryAt(Long.MIN_VALUE);
                    }
                }
                if (placed.isLeft()) {
                    throw new IllegalStateException("the journaled hand order "
                            + entry.placed().get().clientOrderId().value() + " (after step " + entry.afterStep()
                            + ") was refused by the rebuild at step " + session.lastStepTime() + ": "
                            + placed.getLeft().reason());
                }
            }
            case ORDER_CANCELED -> session.cancel(entry.order().get());
            case PAUSED -> session.paused(true);
            case RESUMED -> session.paused(false);
            case OPENING_BLOCKED -> session.blockOpenings(Option.some(entry.reason()));
            case OPENING_ALLOWED -> session.blockOpenings(Option.none());
            case VENUE_MIN_NOTIONAL -> session.minimumNotional(runner.bot.instrument(), entry.minNotional());
            case VENUE_REPORT -> {
                if (runner.liveTrading == null) {
                    throw new IllegalStateException("a venue report in the journal of a bot not on a live account");
                }
                try {
                    runner.liveTrading.venue.replay(entry.report().get());
                } catch (IllegalStateException e) {
                    String cid = entry.report().get().clientOrderId();
                    throw new IllegalStateException(e.getMessage() + " (after step " + entry.afterStep()
                            + ", rebuild at step " + session.lastStepTime() + "; the session's order: "
                            + session.placedOrders().stream().filter(o -> o.order().spec().clientOrderId().value()
                            .equals(cid)).map(o -> o.order().status().toString()).findFirst().orElse("none") + ")", e);
                }
            }
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
}
