package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;

/**
 * Rebuilds a session, never loads it: plays the stored candles into it (no feed) and applies each journal entry
 * after the step it was recorded at, as it was applied then (hand orders under the ids they were given). Same
 * candles, same inputs, same code: the same orders, fills and ids.
 */
@ApplicationScoped
class RebuildSession {
    private final LoadCandlesQuery candles;

    RebuildSession(LoadCandlesQuery candles) {
        this.candles = candles;
    }

    /**
     * Plays stored candles opening in [from, upTo] into the session (no feed), applying each journal entry before
     * the first candle after its step; the entries recorded after the last candle are applied at the end. Answers
     * how many candles were played.
     */
    Either<DomainError, Long> play(LiveSession runner, long from, long upTo, List<BotControl> entries) {
        Iterator<BotControl> pending = entries.iterator();
        BotControl entry = pending.hasNext() ? pending.next() : null;
        long played = 0;
        long cursor = from;
        while (cursor <= upTo && upTo != Long.MIN_VALUE) {
            // the candles the bot's owner sees, as its replay feed played them
            Either<DomainError, CandleSeries> series = candles.load(runner.bot.owner(), runner.bot.instrument(),
                    runner.bot.timeframe(), new TimeRange(cursor, upTo == Long.MAX_VALUE ? upTo : upTo + 1),
                    LoadCandlesQuery.MAX_LIMIT);
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
    private static void apply(LiveSession runner, BotControl entry) {
        TradingSession session = runner.session;
        switch (entry.kind()) {
            case ORDER_PLACED -> session.place(entry.placed().get(), entry.order().get(), PlaceHandOrder.MANUAL_TAG);
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
}
