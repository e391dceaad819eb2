package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An honest in-memory venue for tests: it keeps the {@link VenueMarketData} contract (closed candles only, opening in
 * [from, to), ascending, at most min(limit, maxCandlesPerPage) per page) over a history the test gives it, and answers
 * the failures a test scripts, in order, before serving again. Its coarse candles are its own: computed here, from
 * its 1m history, with BigDecimal arithmetic, independently of the platform's resampler.
 */
final class ScriptedVenue implements VenueMarketData {
    private final Venue venue;
    private final Set<Timeframe> timeframes;
    private final int maxPerPage;
    private final Map<InstrumentId, Map<Timeframe, NavigableMap<Long, VenueCandle>>> history = new java.util.HashMap<>();
    private final Deque<VenueFailure> scriptedFailures = new ArrayDeque<>();
    private final Map<Integer, java.util.List<VenueFailure>> failuresAtCall = new java.util.HashMap<>();
    private final java.util.List<Call> calls = new ArrayList<>();
    private java.util.List<VenueSymbol> symbols = new ArrayList<>();
    private VenueFailure symbolsFailure;
    private Supplier<Instant> now = Instant::now;
    private int symbolCalls;

    record Call(InstrumentId instrument, Timeframe timeframe, long from, long to, int limit, int returned) {
    }

    ScriptedVenue(String code, Set<Timeframe> timeframes, int maxPerPage) {
        this.venue = new Venue(code);
        this.timeframes = Set.copyOf(timeframes);
        this.maxPerPage = maxPerPage;
    }

    ScriptedVenue clock(Supplier<Instant> clock) {
        this.now = clock;
        return this;
    }

    ScriptedVenue lists(VenueSymbol... listed) {
        symbols = new ArrayList<>(java.util.List.of(listed));
        return this;
    }

    void failSymbols(VenueFailure failure) {
        symbolsFailure = failure;
    }

    /** The next candle calls answer these, in order, before the history is served again. */
    void failNext(VenueFailure... failures) {
        scriptedFailures.addAll(java.util.List.of(failures));
    }

    /** Once {@code call} candle calls have been made, the next ones answer these failures, in order. */
    void failFrom(int call, VenueFailure... failures) {
        failuresAtCall.put(call, java.util.List.of(failures));
    }

    java.util.List<Call> calls() {
        return calls;
    }

    int symbolCalls() {
        return symbolCalls;
    }

    /**
     * A seeded random walk of {@code minutes} 1m candles from {@code start}, prices on a 0.01 tick written with 8
     * decimals as Binance does, volumes on a 0.00001 step; minutes listed in {@code missing} do not exist (an outage).
     * Its own coarse candles are made for every other timeframe it serves.
     */
    void walk(InstrumentId instrument, long start, int minutes, long seed, long... missing) {
        SplittableRandom random = new SplittableRandom(seed);
        NavigableMap<Long, VenueCandle> ones = series(instrument, Timeframe.M1);
        java.util.Set<Long> gaps = new java.util.HashSet<>();
        for (long m : missing) {
            gaps.add(m);
        }
        long price = 4_200_000; // 42000.00 in cents
        for (int i = 0; i < minutes; i++) {
            long open = price;
            long close = Math.max(100, open + random.nextLong(-500, 501));
            long high = Math.max(open, close) + random.nextLong(0, 300);
            long low = Math.max(1, Math.min(open, close) - random.nextLong(0, 300));
            long volume = random.nextLong(1, 10_000_000);
            price = close;
            long openTime = start + i * 60_000L;
            if (!gaps.contains(openTime)) {
                ones.put(openTime, new VenueCandle(openTime, cents(open), cents(high), cents(low), cents(close),
                        BigDecimal.valueOf(volume, 5).setScale(8, RoundingMode.UNNECESSARY)));
            }
        }
        for (Timeframe coarse : timeframes) {
            if (coarse != Timeframe.M1) {
                series(instrument, coarse).putAll(aggregate(ones, coarse));
            }
        }
    }

    /** Puts candles as given (for contract-breaking or unfit answers). */
    void put(InstrumentId instrument, Timeframe timeframe, VenueCandle... candles) {
        for (VenueCandle candle : candles) {
            series(instrument, timeframe).put(candle.openTime(), candle);
        }
    }

    /** The venue's own candles of a series it serves (closed or not). */
    NavigableMap<Long, VenueCandle> own(InstrumentId instrument, Timeframe timeframe) {
        return series(instrument, timeframe);
    }

    /** The venue's own candles of any coarser timeframe, served or not, aggregated here from its 1m history. */
    NavigableMap<Long, VenueCandle> ownCoarse(InstrumentId instrument, Timeframe coarse) {
        return aggregate(series(instrument, Timeframe.M1), coarse);
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public Either<VenueFailure, Instant> serverTime() {
        return Either.right(now.get());
    }

    @Override
    public Either<VenueFailure, List<VenueSymbol>> symbols() {
        symbolCalls++;
        return symbolsFailure != null ? Either.left(symbolsFailure) : Either.right(List.ofAll(symbols));
    }

    @Override
    public Set<Timeframe> timeframes() {
        return timeframes;
    }

    @Override
    public int maxCandlesPerPage() {
        return maxPerPage;
    }

    @Override
    public synchronized Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                                       long fromOpenTime, long toOpenTime, int limit) {
        java.util.List<VenueFailure> due = failuresAtCall.remove(calls.size());
        if (due != null) {
            scriptedFailures.addAll(due);
        }
        if (!scriptedFailures.isEmpty()) {
            calls.add(new Call(instrument, timeframe, fromOpenTime, toOpenTime, limit, -1));
            return Either.left(scriptedFailures.poll());
        }
        if (!timeframes.contains(timeframe)) {
            return Either.left(new VenueFailure.Rejected(400, "-1120", "Invalid interval."));
        }
        long closedBy = now.get().toEpochMilli();
        java.util.List<VenueCandle> page = new ArrayList<>();
        for (VenueCandle candle : series(instrument, timeframe).subMap(fromOpenTime, true, toOpenTime, false)
                .values()) {
            if (page.size() == Math.min(limit, maxPerPage) || timeframe.next(candle.openTime()) > closedBy) {
                break;
            }
            page.add(candle);
        }
        calls.add(new Call(instrument, timeframe, fromOpenTime, toOpenTime, limit, page.size()));
        return Either.right(List.ofAll(page));
    }

    @Override
    public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
        throw new UnsupportedOperationException("downloads never stream");
    }

    private NavigableMap<Long, VenueCandle> series(InstrumentId instrument, Timeframe timeframe) {
        return history.computeIfAbsent(instrument, i -> new EnumMap<>(Timeframe.class))
                .computeIfAbsent(timeframe, t -> new TreeMap<>());
    }

    /** The venue's own aggregation: every bucket that has any minute (venues report partial buckets as they are). */
    private static NavigableMap<Long, VenueCandle> aggregate(NavigableMap<Long, VenueCandle> ones, Timeframe coarse) {
        NavigableMap<Long, VenueCandle> out = new TreeMap<>();
        for (VenueCandle one : ones.values()) {
            long bucket = coarse.floor(one.openTime());
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
