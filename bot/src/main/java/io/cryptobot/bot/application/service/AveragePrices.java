package io.cryptobot.bot.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The venue's average price of an instrument (Binance {@code GET /api/v3/avgPrice}, weight 2: the trade-weighted
 * average over the symbol's {@code avgPriceMins}, 5 minutes on Binance's listings), the reference of its
 * percent-price band, asked right before a priced order leaves and kept {@link #KEPT} per instrument: the orders of
 * one step (a grid places several at once) or of a burst of hand orders share one request instead of spending the
 * key's weight once each. One second is a small fraction of the venue's window, so the average it gives back moves
 * by little (the trades of that second against those of five minutes), and the venue judges the band itself anyway:
 * an order our check passes on a slightly older average is still refused there if it is outside. Its age counts from
 * when the request left, never from its answer.
 *
 * <p>A rate limit (429, 418) is kept too, until its {@code Retry-After}: meanwhile nothing is asked (the answer is
 * that failure, and the caller leaves the band to the venue), so the band check never adds weight to a key the venue
 * is already refusing. Other failures are not kept (the next order asks again). Concurrent callers for one instrument
 * wait for the request under way rather than each sending their own (a lock, not {@code synchronized}: the callers
 * are virtual threads).
 */
final class AveragePrices {
    /** How long an average is used for the orders of its instrument. */
    static final Duration KEPT = Duration.ofSeconds(1);

    private record Reading(Either<VenueFailure, BigDecimal> answer, long until) {
    }

    private final VenueTrading trading;
    private final Clock clock;
    private final long keptMillis;
    private final Map<InstrumentId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Reading> readings = new HashMap<>();

    AveragePrices(VenueTrading trading, Clock clock, Duration kept) {
        this.trading = trading;
        this.clock = clock;
        this.keptMillis = kept.toMillis();
    }

    /** The venue's average price of {@code instrument}: kept if younger than {@link #KEPT}, else asked now. */
    Either<VenueFailure, BigDecimal> average(InstrumentId instrument) {
        ReentrantLock lock = locks.computeIfAbsent(instrument, i -> new ReentrantLock());
        lock.lock();
        try {
            long now = clock.now().toEpochMilli();
            Reading kept;
            synchronized (readings) {
                kept = readings.get(instrument);
            }
            if (kept != null && now < kept.until()) {
                return kept.answer();
            }
            Either<VenueFailure, BigDecimal> answer = trading.averagePrice(instrument);
            Reading reading = null;
            if (answer.isRight()) {
                reading = new Reading(answer, now + keptMillis);
            } else if (answer.getLeft() instanceof VenueFailure.RateLimited limited) {
                reading = new Reading(answer, now + limited.retryAfter().toMillis());
            }
            synchronized (readings) {
                if (reading == null) {
                    readings.remove(instrument);
                } else {
                    readings.put(instrument, reading);
                }
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }
}
