package io.cryptobot.app.bot;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only venue {@code SCRIPTLIVE}: an honest in-memory {@link VenueMarketData} with a live stream that a test
 * drives. Its clock stands still until a test moves it; {@link #publish} closes the next candles of a pair's seeded
 * random walk (its history has them from then on, its stream reports them, the clock moves to their close), and
 * {@link #advance} moves the clock without any candle (a silent venue: its feed goes stale). Candles not yet
 * published exist nowhere, so a feed that polls the history of a silent stream finds nothing.
 */
@ApplicationScoped
public class ScriptedLiveVenue implements VenueMarketData {
    static final Venue VENUE = new Venue("SCRIPTLIVE");
    private static final long MINUTE = 60_000;
    private final Map<InstrumentId, Pair> pairs = new ConcurrentHashMap<>();
    /** The venue's clock, epoch ms; starts at the minute it was made and only moves forward. */
    private volatile long now = Timeframe.M1.floor(System.currentTimeMillis());

    private static final class Pair {
        volatile VenueSymbol symbol;
        final SplittableRandom random;
        final NavigableMap<Long, VenueCandle> published = new ConcurrentSkipListMap<>();
        final java.util.List<CandleStreamListener> listeners = new CopyOnWriteArrayList<>();
        long price = 4_200_000;
        long next;

        Pair(VenueSymbol symbol, long seed, long next) {
            this.symbol = symbol;
            this.random = new SplittableRandom(seed);
            this.next = next;
        }
    }

    /** Lists {@code base}/USDT (tick 0.01, step 0.00001), its first candle opening at the venue's next minute. */
    public synchronized InstrumentId list(String base) {
        InstrumentId id = InstrumentId.parse(VENUE, base + "/USDT").get();
        VenueSymbol symbol = new VenueSymbol(id, base + "USDT", new BigDecimal("0.01000000"),
                new BigDecimal("0.00001000"), Option.some(new BigDecimal("5")), VenueSymbol.Status.TRADING);
        pairs.put(id, new Pair(symbol, base.hashCode(), Timeframe.M1.next(Timeframe.M1.floor(now))));
        now = Timeframe.M1.next(Timeframe.M1.floor(now));
        return id;
    }

    /**
     * Closes the pair's next {@code count} 1m candles: its history has them, its stream reports them one by one, and
     * the clock is at least at the last one's close. Answers them.
     */
    public java.util.List<VenueCandle> publish(InstrumentId id, int count) {
        java.util.List<VenueCandle> closed = close(id, count);
        Pair pair = pairs.get(id);
        for (VenueCandle candle : closed) {
            pair.published.put(candle.openTime(), candle);
        }
        for (VenueCandle candle : closed) {
            pair.listeners.forEach(listener -> listener.onClosedCandle(candle));
        }
        return closed;
    }

    /**
     * A minute without a trade: the pair's next 1m candle never exists (neither its history nor its stream has it),
     * as on a venue that sends no candle for a minute without trades; the clock moves past it.
     */
    public synchronized void skip(InstrumentId id) {
        Pair pair = pairs.get(id);
        pair.next += MINUTE;
        now = Math.max(now, pair.next);
    }

    /**
     * Closes the pair's next two candles out of order: the second is in the history and on the stream at once, the
     * first nowhere until {@code release} runs (then the history has it and the stream reports it, late).
     */
    public Runnable publishSecondFirst(InstrumentId id) {
        java.util.List<VenueCandle> closed = close(id, 2);
        Pair pair = pairs.get(id);
        VenueCandle second = closed.get(1);
        pair.published.put(second.openTime(), second);
        pair.listeners.forEach(listener -> listener.onClosedCandle(second));
        VenueCandle first = closed.getFirst();
        return () -> {
            pair.published.put(first.openTime(), first);
            pair.listeners.forEach(listener -> listener.onClosedCandle(first));
        };
    }

    /** The pair's next {@code count} candles of its walk, the clock moved to the last one's close; not published. */
    private java.util.List<VenueCandle> close(InstrumentId id, int count) {
        Pair pair = pairs.get(id);
        java.util.List<VenueCandle> closed = new java.util.ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < count; i++) {
                long open = pair.price;
                long close = Math.max(100, open + pair.random.nextLong(-4_000, 4_001));
                long high = Math.max(open, close) + pair.random.nextLong(0, 1_000);
                long low = Math.max(1, Math.min(open, close) - pair.random.nextLong(0, 1_000));
                pair.price = close;
                VenueCandle candle = new VenueCandle(pair.next, cents(open), cents(high), cents(low), cents(close),
                        BigDecimal.valueOf(pair.random.nextLong(100_000, 10_000_000), 5));
                pair.next += MINUTE;
                now = Math.max(now, pair.next);
                closed.add(candle);
            }
        }
        return closed;
    }

    /** Moves the venue's clock on without closing any candle. */
    public synchronized void advance(Duration by) {
        now += by.toMillis();
    }

    /** The venue now shows the pair with {@code status} (an instrument sync reads it). */
    public void status(InstrumentId id, VenueSymbol.Status status) {
        Pair pair = pairs.get(id);
        VenueSymbol s = pair.symbol;
        pair.symbol = new VenueSymbol(id, s.venueSymbol(), s.tickSize(), s.stepSize(), s.minNotional(), status);
    }

    /** The candles published so far, by open time. */
    NavigableMap<Long, VenueCandle> published(InstrumentId id) {
        return pairs.get(id).published;
    }

    @Override
    public Venue venue() {
        return VENUE;
    }

    @Override
    public Either<VenueFailure, Instant> serverTime() {
        return Either.right(Instant.ofEpochMilli(now));
    }

    @Override
    public Either<VenueFailure, List<VenueSymbol>> symbols() {
        return Either.right(List.ofAll(pairs.values()).map(pair -> pair.symbol));
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(Timeframe.M1);
    }

    @Override
    public int maxCandlesPerPage() {
        return 500;
    }

    @Override
    public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                           long fromOpenTime, long toOpenTime, int limit) {
        Pair pair = pairs.get(instrument);
        if (pair == null || timeframe != Timeframe.M1) {
            return Either.left(new VenueFailure.Rejected(400, "-1121", "Invalid symbol."));
        }
        return Either.right(List.ofAll(pair.published.subMap(fromOpenTime, true, toOpenTime, false).values())
                .take(Math.min(limit, maxCandlesPerPage())));
    }

    @Override
    public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
        Pair pair = pairs.get(instrument);
        pair.listeners.add(listener);
        listener.onConnected();
        return () -> pair.listeners.remove(listener);
    }

    private static BigDecimal cents(long units) {
        return BigDecimal.valueOf(units, 2).setScale(8, RoundingMode.UNNECESSARY);
    }
}
