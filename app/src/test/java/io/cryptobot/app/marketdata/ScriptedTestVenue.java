package io.cryptobot.app.marketdata;

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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only venue {@code SCRIPTED}, an honest in-memory implementation of {@link VenueMarketData} that the
 * application finds like any venue adapter: it serves 1m and 1h candles (never 4h, which the platform must resample),
 * closed ones only, at most {@value #PER_PAGE} a page, from seeded random walks a test lists; a test may script
 * failures for one pair's next candle calls and change a pair's status.
 */
@ApplicationScoped
public class ScriptedTestVenue implements VenueMarketData {
    static final Venue VENUE = new Venue("SCRIPTED");
    static final int PER_PAGE = 500;
    private final Map<InstrumentId, VenueSymbol> symbols = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Map<Timeframe, NavigableMap<Long, VenueCandle>>> history =
            new ConcurrentHashMap<>();
    private final Map<InstrumentId, Deque<VenueFailure>> failures = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Hold> holds = new ConcurrentHashMap<>();
    private final Map<InstrumentId, java.util.concurrent.atomic.AtomicInteger> calls = new ConcurrentHashMap<>();

    /** Candle calls after the first {@code served} wait until {@code release} is counted down (at most 30 s). */
    private record Hold(int served, java.util.concurrent.CountDownLatch release) {
    }

    /** Lists {@code base}/USDT (tick 0.01, step 0.00001) with {@code minutes} 1m candles from {@code start}. */
    public InstrumentId list(String base, long start, int minutes) {
        InstrumentId id = InstrumentId.parse(VENUE, base + "/USDT").get();
        symbols.put(id, new VenueSymbol(id, base + "USDT", new BigDecimal("0.01000000"),
                new BigDecimal("0.00001000"), Option.some(new BigDecimal("5")), VenueSymbol.Status.TRADING));
        SplittableRandom random = new SplittableRandom(base.hashCode());
        NavigableMap<Long, VenueCandle> ones = new TreeMap<>();
        long price = 4_200_000;
        for (int i = 0; i < minutes; i++) {
            long open = price;
            long close = Math.max(100, open + random.nextLong(-500, 501));
            long high = Math.max(open, close) + random.nextLong(0, 300);
            long low = Math.max(1, Math.min(open, close) - random.nextLong(0, 300));
            price = close;
            long openTime = start + i * 60_000L;
            ones.put(openTime, new VenueCandle(openTime, cents(open), cents(high), cents(low), cents(close),
                    BigDecimal.valueOf(random.nextLong(1, 10_000_000), 5)));
        }
        Map<Timeframe, NavigableMap<Long, VenueCandle>> series = new EnumMap<>(Timeframe.class);
        series.put(Timeframe.M1, ones);
        series.put(Timeframe.H1, coarse(ones, Timeframe.H1));
        history.put(id, series);
        return id;
    }

    void status(InstrumentId id, VenueSymbol.Status status) {
        VenueSymbol s = symbols.get(id);
        symbols.put(id, new VenueSymbol(id, s.venueSymbol(), s.tickSize(), s.stepSize(), s.minNotional(), status));
    }

    void failNext(InstrumentId id, VenueFailure... next) {
        failures.computeIfAbsent(id, i -> new ArrayDeque<>()).addAll(java.util.List.of(next));
    }

    /**
     * Serves {@code pages} candle calls for the pair, then holds each further one until the returned latch is
     * counted down (a request in flight, for as long as a test needs).
     */
    java.util.concurrent.CountDownLatch holdAfter(InstrumentId id, int pages) {
        Hold hold = new Hold(pages, new java.util.concurrent.CountDownLatch(1));
        holds.put(id, hold);
        return hold.release();
    }

    /** How many candle calls the pair has had. */
    int candleCalls(InstrumentId id) {
        return calls.computeIfAbsent(id, i -> new java.util.concurrent.atomic.AtomicInteger()).get();
    }

    /** The venue's own candles at a timeframe, served or not (coarse ones aggregated from its 1m history here). */
    NavigableMap<Long, VenueCandle> own(InstrumentId id, Timeframe timeframe) {
        NavigableMap<Long, VenueCandle> ones = history.get(id).get(Timeframe.M1);
        return timeframe == Timeframe.M1 ? ones : coarse(ones, timeframe);
    }

    @Override
    public Venue venue() {
        return VENUE;
    }

    @Override
    public Either<VenueFailure, Instant> serverTime() {
        return Either.right(Instant.now());
    }

    @Override
    public Either<VenueFailure, List<VenueSymbol>> symbols() {
        return Either.right(List.ofAll(symbols.values()));
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(Timeframe.M1, Timeframe.H1);
    }

    @Override
    public int maxCandlesPerPage() {
        return PER_PAGE;
    }

    @Override
    public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                           long fromOpenTime, long toOpenTime, int limit) {
        int call = calls.computeIfAbsent(instrument, i -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        Hold hold = holds.get(instrument);
        if (hold != null && call > hold.served()) {
            try {
                hold.release().await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(new VenueFailure.Unavailable("interrupted"));
            }
        }
        Deque<VenueFailure> scripted = failures.get(instrument);
        VenueFailure failure = scripted == null ? null : scripted.poll();
        if (failure != null) {
            return Either.left(failure);
        }
        if (!symbols.containsKey(instrument)) {
            return Either.left(new VenueFailure.Rejected(400, "-1121", "Invalid symbol."));
        }
        long now = System.currentTimeMillis();
        java.util.List<VenueCandle> page = new java.util.ArrayList<>();
        for (VenueCandle candle : history.get(instrument).get(timeframe)
                .subMap(fromOpenTime, true, toOpenTime, false).values()) {
            if (page.size() == Math.min(limit, PER_PAGE) || timeframe.next(candle.openTime()) > now) {
                break;
            }
            page.add(candle);
        }
        return Either.right(List.ofAll(page));
    }

    @Override
    public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
        throw new UnsupportedOperationException("the scripted venue serves history only");
    }

    private static NavigableMap<Long, VenueCandle> coarse(NavigableMap<Long, VenueCandle> ones, Timeframe timeframe) {
        NavigableMap<Long, VenueCandle> out = new TreeMap<>();
        for (VenueCandle one : ones.values()) {
            long bucket = timeframe.floor(one.openTime());
            VenueCandle so = out.get(bucket);
            out.put(bucket, so == null ? new VenueCandle(bucket, one.open(), one.high(), one.low(), one.close(),
                    one.volume())
                    : new VenueCandle(bucket, so.open(), so.high().max(one.high()), so.low().min(one.low()),
                    one.close(), so.volume().add(one.volume())));
        }
        return out;
    }

    private static BigDecimal cents(long units) {
        return BigDecimal.valueOf(units, 2).setScale(8, RoundingMode.UNNECESSARY);
    }
}
