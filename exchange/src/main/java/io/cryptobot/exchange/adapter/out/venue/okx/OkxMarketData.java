package io.cryptobot.exchange.adapter.out.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.domain.venue.limits.OkxLimits;
import io.cryptobot.kernel.domain.Asset;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OKX v5 spot market data: GET /api/v5/public/time, /api/v5/public/instruments (instType SPOT), closed candles from
 * /api/v5/market/history-candles, and one business-WebSocket candle channel per instrument and timeframe. Bars of
 * six hours and more use OKX's UTC-aligned variants ({@code 6Hutc}, {@code 1Dutc}, ...), the plain ones open at
 * UTC+8; 8h and 3d have no UTC variant and are not served.
 */
public final class OkxMarketData implements VenueMarketData, AutoCloseable {
    static final Map<Timeframe, String> BARS;

    static {
        Map<Timeframe, String> bars = new EnumMap<>(Timeframe.class);
        bars.put(Timeframe.M1, "1m");
        bars.put(Timeframe.M3, "3m");
        bars.put(Timeframe.M5, "5m");
        bars.put(Timeframe.M15, "15m");
        bars.put(Timeframe.M30, "30m");
        bars.put(Timeframe.H1, "1H");
        bars.put(Timeframe.H2, "2H");
        bars.put(Timeframe.H4, "4H");
        bars.put(Timeframe.H6, "6Hutc");
        bars.put(Timeframe.H12, "12Hutc");
        bars.put(Timeframe.D1, "1Dutc");
        bars.put(Timeframe.W1, "1Wutc");
        bars.put(Timeframe.MO1, "1Mutc");
        BARS = Collections.unmodifiableMap(bars);
    }

    private final OkxApi api;
    private final Set<CandleStream> open = ConcurrentHashMap.newKeySet();

    public OkxMarketData(OkxApi api) {
        this.api = api;
    }

    @Override
    public Venue venue() {
        return OkxApi.VENUE;
    }

    @Override
    public Either<VenueFailure, Instant> serverTime() {
        return api.readClock().map(reading -> reading.venueTime());
    }

    @Override
    public Either<VenueFailure, Instant> serverTime(Duration maxAge) {
        return api.venueTime(maxAge);
    }

    /**
     * Get instruments: {@code tickSz}, {@code lotSz}; state {@code live} trades, {@code suspend}, {@code preopen}
     * and {@code test} ("can't be traded") do not. OKX spot has no minimum notional (only {@code minSz}, a quantity).
     */
    @Override
    public Either<VenueFailure, List<VenueSymbol>> symbols() {
        return api.get(OkxLimits.INSTRUMENTS, "?instType=SPOT").map(answer -> List.ofAll(answer.body().path("data"))
                .flatMap(OkxMarketData::symbol));
    }

    private static Option<VenueSymbol> symbol(JsonNode instrument) {
        Either<String, Asset> base = Asset.parse(instrument.path("baseCcy").asText(null));
        Either<String, Asset> quote = Asset.parse(instrument.path("quoteCcy").asText(null));
        if (base.isLeft() || quote.isLeft() || base.get().equals(quote.get())
                || Json.decimal(instrument.path("tickSz")).signum() <= 0
                || Json.decimal(instrument.path("lotSz")).signum() <= 0) {
            return Option.none();
        }
        VenueSymbol.Status status = "live".equals(instrument.path("state").asText())
                ? VenueSymbol.Status.TRADING : VenueSymbol.Status.HALTED;
        return Option.some(new VenueSymbol(new InstrumentId(OkxApi.VENUE, base.get(), quote.get()),
                instrument.path("instId").asText(), Json.decimal(instrument.path("tickSz")),
                Json.decimal(instrument.path("lotSz")), Option.none(), status));
    }

    @Override
    public Set<Timeframe> timeframes() {
        return BARS.keySet();
    }

    @Override
    public int maxCandlesPerPage() {
        return OkxLimits.MAX_HISTORY_CANDLES;
    }

    /**
     * Get candlesticks history pages backwards: newest first, {@code after} = "records earlier than" (exclusive),
     * {@code before} = "records newer than" (exclusive). To return the oldest candles from {@code fromOpenTime}, the
     * request covers only the {@code limit} candle slots after it. When those are empty (before a listing, across a
     * long outage) one request asks whether the range holds anything at all, and if so a binary search with
     * one-candle requests finds where the data starts, so an empty answer always means an empty range. Candles with
     * {@code confirm} 0 (still open) are dropped.
     */
    @Override
    public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                          long fromOpenTime, long toOpenTime, int limit) {
        if (!instrument.venue().equals(OkxApi.VENUE)) {
            return Either.left(new VenueFailure.Rejected(400, "wrong_venue", instrument + " is not on OKX"));
        }
        if (!BARS.containsKey(timeframe)) {
            return Either.left(new VenueFailure.Rejected(400, "timeframe_not_served", "OKX has no UTC-aligned "
                    + timeframe.code() + " candles; resample finer ones"));
        }
        if (fromOpenTime >= toOpenTime || limit < 1) {
            return Either.right(List.empty());
        }
        int n = Math.min(limit, OkxLimits.MAX_HISTORY_CANDLES);
        long windowEnd = Math.min(toOpenTime, advance(timeframe, fromOpenTime, n));
        Either<VenueFailure, List<JsonNode>> first = rows(instrument, timeframe, fromOpenTime, windowEnd, n);
        if (first.isLeft() || !first.get().isEmpty() || windowEnd >= toOpenTime) {
            return first.map(OkxMarketData::confirmed);
        }
        Either<VenueFailure, List<JsonNode>> newest = rows(instrument, timeframe, windowEnd, toOpenTime, 1);
        if (newest.isLeft() || newest.get().isEmpty()) {
            return newest.map(OkxMarketData::confirmed);
        }
        long lo = windowEnd;
        long hi = openTime(newest.get().head());
        while (hi >= advance(timeframe, lo, n)) {
            long mid = Math.max(timeframe.floor(lo + (hi - lo) / 2), timeframe.next(lo));
            Either<VenueFailure, List<JsonNode>> probe = rows(instrument, timeframe, lo, mid, 1);
            if (probe.isLeft()) {
                return Either.left(probe.getLeft());
            }
            if (probe.get().isEmpty()) {
                lo = mid;
            } else {
                hi = openTime(probe.get().head());
            }
        }
        long end = Math.min(toOpenTime, advance(timeframe, lo, n));
        Either<VenueFailure, List<JsonNode>> found = rows(instrument, timeframe, lo, end, n);
        if (found.isLeft() || found.get().isEmpty() || end >= toOpenTime) {
            return found.map(OkxMarketData::confirmed);
        }
        // the data starts inside this window: a full page from its first candle
        long start = openTime(found.get().last());
        return rows(instrument, timeframe, start, Math.min(toOpenTime, advance(timeframe, start, n)), n)
                .map(OkxMarketData::confirmed);
    }

    /** Rows opening in [from, to), newest first, at most {@code limit}. */
    private Either<VenueFailure, List<JsonNode>> rows(InstrumentId instrument, Timeframe timeframe, long from, long to,
                                                      int limit) {
        String query = "?instId=" + instId(instrument) + "&bar=" + BARS.get(timeframe) + "&before=" + (from - 1)
                + "&after=" + to + "&limit=" + limit;
        return api.get(OkxLimits.HISTORY_CANDLES, query).map(answer -> List.ofAll(answer.body().path("data"))
                .filter(row -> openTime(row) >= from && openTime(row) < to));
    }

    private static List<VenueCandle> confirmed(List<JsonNode> newestFirst) {
        return newestFirst.reverse().filter(row -> "1".equals(row.path(8).asText()))
                .map(row -> new VenueCandle(openTime(row), Json.decimal(row.path(1)), Json.decimal(row.path(2)),
                        Json.decimal(row.path(3)), Json.decimal(row.path(4)), Json.decimal(row.path(5))));
    }

    private static long openTime(JsonNode row) {
        return Json.epochMillis(row.path(0));
    }

    /** The open time {@code n} candles after {@code openTime}, saturating instead of overflowing. */
    static long advance(Timeframe timeframe, long openTime, int n) {
        if (timeframe == Timeframe.MO1) {
            long time = openTime;
            for (int i = 0; i < n; i++) {
                time = timeframe.next(time);
            }
            return time;
        }
        long span = timeframe.nominalLength().toMillis() * n;
        return openTime > Long.MAX_VALUE - span ? Long.MAX_VALUE : openTime + span;
    }

    @Override
    public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
        if (!BARS.containsKey(timeframe)) {
            throw new IllegalArgumentException("OKX does not stream " + timeframe.code() + " candles");
        }
        OkxCandleStream stream = new OkxCandleStream(api, instId(instrument), "candle" + BARS.get(timeframe), listener);
        CandleStream handle = new CandleStream() {
            @Override
            public void close() {
                open.remove(this);
                stream.close();
            }
        };
        open.add(handle);
        stream.start();
        return handle;
    }

    static String instId(InstrumentId instrument) {
        return instrument.base().code() + "-" + instrument.quote().code();
    }

    @Override
    public void close() {
        for (CandleStream stream : List.ofAll(open)) {
            stream.close();
        }
    }
}
