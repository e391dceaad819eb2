package io.cryptobot.exchange.fakevenue;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fake venue's candles of one symbol and timeframe: the closed ones (served by the REST history endpoints), at
 * most one still open, and the streams that watch it. {@link #close} appends a candle and pushes it to the streams as
 * closed, the way a venue ends a candle; {@link #update} pushes an intermediate state of the open candle.
 */
public final class CandleSeries {
    /** One push to the streams: a candle's state and whether it is final. */
    public record Update(VenueCandle candle, boolean closed) {
    }

    private final Timeframe timeframe;
    private final NavigableMap<Long, VenueCandle> closed = new ConcurrentSkipListMap<>();
    private volatile VenueCandle open;
    private final List<Consumer<Update>> watchers = new CopyOnWriteArrayList<>();

    CandleSeries(Timeframe timeframe) {
        this.timeframe = timeframe;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** Adds closed candles to the history without pushing them. */
    public CandleSeries history(List<VenueCandle> candles) {
        candles.forEach(c -> closed.put(c.openTime(), c));
        return this;
    }

    /**
     * Adds {@code count} consecutive closed candles from {@code firstOpenTime}: a seeded random walk around 100
     * with two decimals, so two runs with one seed serve identical candles.
     */
    public CandleSeries randomWalk(long firstOpenTime, int count, long seed) {
        history(walk(timeframe, firstOpenTime, count, seed));
        return this;
    }

    /** Sets the candle the venue is still building (served by REST as the last, unfinished kline). */
    public CandleSeries open(VenueCandle candle) {
        open = candle;
        return this;
    }

    /** Ends a candle: it joins the history and every stream is told, as closed. */
    public void close(VenueCandle candle) {
        closed.put(candle.openTime(), candle);
        if (open != null && open.openTime() <= candle.openTime()) {
            open = null;
        }
        watchers.forEach(w -> w.accept(new Update(candle, true)));
    }

    /** An intermediate state of the open candle, pushed to the streams (not final). */
    public void update(VenueCandle candle) {
        open = candle;
        watchers.forEach(w -> w.accept(new Update(candle, false)));
    }

    /** Removes closed candles in [from, to): the venue lost them (a maintenance gap). */
    public void forget(long fromOpenTime, long toOpenTime) {
        closed.subMap(fromOpenTime, true, toOpenTime, false).clear();
    }

    public List<VenueCandle> closedCandles() {
        return List.copyOf(closed.values());
    }

    /** Closed candles and then the open one, ascending. */
    List<VenueCandle> all() {
        List<VenueCandle> all = new ArrayList<>(closed.values());
        VenueCandle current = open;
        if (current != null && !closed.containsKey(current.openTime())) {
            all.add(current);
        }
        return all;
    }

    Optional<VenueCandle> openCandle() {
        return Optional.ofNullable(open);
    }

    /**
     * How many streams watch this series. A client learns that its connection is open a little before the venue has
     * registered it, so a test pushing candles right after {@code onConnected} waits for this first.
     */
    public int watchers() {
        return watchers.size();
    }

    /** Waits until {@code count} streams watch this series. */
    public CandleSeries awaitWatchers(int count) {
        Eventually.until(java.time.Duration.ofSeconds(10), count + " stream(s) watching", () -> watchers() >= count);
        return this;
    }

    void watch(Consumer<Update> watcher) {
        watchers.add(watcher);
    }

    void unwatch(Consumer<Update> watcher) {
        watchers.remove(watcher);
    }

    /** The close time the venues report: one millisecond before the next candle opens. */
    long closeTime(long openTime) {
        return timeframe.next(openTime) - 1;
    }

    public static List<VenueCandle> walk(Timeframe timeframe, long firstOpenTime, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<VenueCandle> candles = new ArrayList<>(count);
        BigDecimal price = new BigDecimal("100.00");
        long openTime = firstOpenTime;
        for (int i = 0; i < count; i++) {
            BigDecimal close = price.add(BigDecimal.valueOf(random.nextInt(-50, 51), 2)).max(new BigDecimal("1.00"));
            BigDecimal high = price.max(close).add(BigDecimal.valueOf(random.nextInt(0, 20), 2));
            BigDecimal low = price.min(close).subtract(BigDecimal.valueOf(random.nextInt(0, 20), 2))
                    .max(new BigDecimal("0.50"));
            BigDecimal volume = BigDecimal.valueOf(random.nextInt(1, 100_000), 3).setScale(3, RoundingMode.UNNECESSARY);
            candles.add(new VenueCandle(openTime, price, high, low, close, volume));
            price = close;
            openTime = timeframe.next(openTime);
        }
        return candles;
    }
}
