package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.PriceBand;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binance spot's public market data (rest-api.md "General endpoints", "Kline/Candlestick data";
 * web-socket-streams.md "Kline/Candlestick Streams for UTC"): server time, exchange information as
 * {@link VenueSymbol}s, closed klines by page, and one raw kline stream per instrument and timeframe.
 */
public final class BinanceMarketData implements VenueMarketData, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BinanceMarketData.class.getName());
    private final BinanceApi api;
    private final Set<CandleStream> open = ConcurrentHashMap.newKeySet();

    public BinanceMarketData(BinanceApi api) {
        this.api = api;
    }

    @Override
    public Venue venue() {
        return BinanceApi.VENUE;
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
     * GET /api/v3/exchangeInfo: every listed symbol with PRICE_FILTER {@code tickSize}, LOT_SIZE {@code stepSize} and
     * NOTIONAL (or the older MIN_NOTIONAL) {@code minNotional} (filters.md), a disabled filter (0) falling back to
     * the asset precision. Status TRADING trades; HALT, BREAK, END_OF_DAY and the auction states do not (Binance
     * keeps delisted symbols listed in BREAK; a symbol gone from the list is the caller's to mark delisted). The
     * REQUEST_WEIGHT limit published in {@code rateLimits} replaces the configured one.
     */
    @Override
    public Either<VenueFailure, List<VenueSymbol>> symbols() {
        return api.get(BinanceLimits.exchangeInfo(), "/api/v3/exchangeInfo", Map.of()).map(answer -> {
            adoptPublishedWeightLimit(answer.body().path("rateLimits"));
            List<VenueSymbol> symbols = List.empty();
            int skipped = 0;
            for (JsonNode symbol : answer.body().path("symbols")) {
                Option<VenueSymbol> parsed = symbol(symbol);
                if (parsed.isDefined()) {
                    symbols = symbols.append(parsed.get());
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                LOG.log(Level.FINE, "BINANCE: {0} symbols skipped (assets the platform cannot name)", skipped);
            }
            return symbols;
        });
    }

    private void adoptPublishedWeightLimit(JsonNode rateLimits) {
        for (JsonNode limit : rateLimits) {
            if ("REQUEST_WEIGHT".equals(limit.path("rateLimitType").asText())
                    && "MINUTE".equals(limit.path("interval").asText()) && limit.path("intervalNum").asInt() == 1) {
                api.limiter().adoptLimit(BinanceLimits.REQUEST_WEIGHT, limit.path("limit").asLong());
            }
        }
    }

    private Option<VenueSymbol> symbol(JsonNode symbol) {
        Either<String, Asset> base = Asset.parse(symbol.path("baseAsset").asText(null));
        Either<String, Asset> quote = Asset.parse(symbol.path("quoteAsset").asText(null));
        if (base.isLeft() || quote.isLeft() || base.get().equals(quote.get())) {
            return Option.none();
        }
        Map<String, JsonNode> filters = new LinkedHashMap<>();
        symbol.path("filters").forEach(filter -> filters.put(filter.path("filterType").asText(), filter));
        BigDecimal tick = positiveOr(filters, "PRICE_FILTER", "tickSize",
                precision(symbol.path("quoteAssetPrecision"), symbol.path("quotePrecision")));
        BigDecimal step = positiveOr(filters, "LOT_SIZE", "stepSize", precision(symbol.path("baseAssetPrecision"),
                symbol.path("baseCommissionPrecision")));
        Option<BigDecimal> minNotional = Option.of(filters.get("NOTIONAL")).orElse(Option.of(filters.get("MIN_NOTIONAL")))
                .map(filter -> Json.decimal(filter.path("minNotional"))).filter(value -> value.signum() > 0);
        Option<PriceBand> band = band(filters);
        boolean spot = !symbol.has("isSpotTradingAllowed") || symbol.path("isSpotTradingAllowed").asBoolean();
        VenueSymbol.Status status = "TRADING".equals(symbol.path("status").asText()) && spot
                ? VenueSymbol.Status.TRADING : VenueSymbol.Status.HALTED;
        return Option.some(new VenueSymbol(new InstrumentId(BinanceApi.VENUE, base.get(), quote.get()),
                symbol.path("symbol").asText(), tick, step, minNotional, band, status));
    }

    /**
     * PERCENT_PRICE_BY_SIDE (bid/ask multipliers up and down), else PERCENT_PRICE (one pair for both sides), with
     * their {@code avgPriceMins} (filters.md); none when the symbol has neither, or states one no price could meet
     * (a multiplier up of 0: the venue's own check is then left to the venue).
     */
    private static Option<PriceBand> band(Map<String, JsonNode> filters) {
        return io.vavr.control.Try.of(() -> bandOrNull(filters)).filter(java.util.Objects::nonNull).toOption();
    }

    private static PriceBand bandOrNull(Map<String, JsonNode> filters) {
        JsonNode bySide = filters.get("PERCENT_PRICE_BY_SIDE");
        if (bySide != null) {
            return new PriceBand(Json.decimal(bySide.path("bidMultiplierUp")),
                    Json.decimal(bySide.path("bidMultiplierDown")), Json.decimal(bySide.path("askMultiplierUp")),
                    Json.decimal(bySide.path("askMultiplierDown")), bySide.path("avgPriceMins").asInt());
        }
        JsonNode both = filters.get("PERCENT_PRICE");
        return both == null ? null : PriceBand.bothSides(Json.decimal(both.path("multiplierUp")),
                Json.decimal(both.path("multiplierDown")), both.path("avgPriceMins").asInt());
    }

    private static BigDecimal positiveOr(Map<String, JsonNode> filters, String filter, String field,
                                         BigDecimal fallback) {
        BigDecimal value = Option.of(filters.get(filter)).map(f -> Json.decimal(f.path(field))).getOrElse(BigDecimal.ZERO);
        return value.signum() > 0 ? value : fallback;
    }

    private static BigDecimal precision(JsonNode preferred, JsonNode fallback) {
        int digits = preferred.isInt() ? preferred.asInt() : fallback.asInt(8);
        return BigDecimal.ONE.movePointLeft(digits);
    }

    /** Binance serves every timeframe the platform names (it names them after Binance). */
    @Override
    public Set<Timeframe> timeframes() {
        return EnumSet.allOf(Timeframe.class);
    }

    @Override
    public int maxCandlesPerPage() {
        return BinanceLimits.MAX_KLINES;
    }

    /**
     * GET /api/v3/klines with {@code startTime} and {@code endTime} ("With both, behaves like startTime but does not
     * exceed endTime": the oldest klines from the start). The kline still open is dropped: any kline followed by
     * another has closed, and the last one has closed when its close time is before the venue's clock.
     */
    @Override
    public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                          long fromOpenTime, long toOpenTime, int limit) {
        if (!instrument.venue().equals(BinanceApi.VENUE)) {
            return Either.left(new VenueFailure.Rejected(400, "wrong_venue", instrument + " is not on BINANCE"));
        }
        if (fromOpenTime >= toOpenTime || limit < 1) {
            return Either.right(List.empty());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbolOf(instrument));
        parameters.put("interval", timeframe.code());
        parameters.put("startTime", Long.toString(fromOpenTime));
        parameters.put("endTime", Long.toString(toOpenTime - 1));
        parameters.put("limit", Integer.toString(Math.min(limit, BinanceLimits.MAX_KLINES)));
        return api.get(BinanceLimits.klines(), "/api/v3/klines", parameters).map(answer -> {
            JsonNode rows = answer.body();
            List<VenueCandle> candles = List.empty();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                long openTime = row.get(0).asLong();
                boolean closed = i < rows.size() - 1 || hasClosed(row.get(6).asLong());
                if (closed && openTime >= fromOpenTime && openTime < toOpenTime) {
                    candles = candles.append(new VenueCandle(openTime, Json.decimal(row.get(1)), Json.decimal(row.get(2)),
                            Json.decimal(row.get(3)), Json.decimal(row.get(4)), Json.decimal(row.get(5))));
                }
            }
            return candles;
        });
    }

    /**
     * Whether a kline closing at {@code closeTime} has closed on the venue: long past by our clock (beyond any
     * plausible skew) it has, without asking; near now it is judged by the venue's clock.
     */
    private boolean hasClosed(long closeTime) {
        if (closeTime < api.clock().now().minus(BinanceApi.PLAUSIBLE_SKEW).toEpochMilli()) {
            return true;
        }
        return closeTime < api.venueNow().toEpochMilli();
    }

    /** {@code <ws-url>/ws/<symbol>@kline_<interval>}, the symbol in lower case. */
    @Override
    public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
        String name = symbolOf(instrument).toLowerCase(Locale.ROOT) + "@kline_" + timeframe.code();
        String base = api.config().wsUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/ws/" + name);
        BinanceKlineStream stream = new BinanceKlineStream(api, uri, symbolOf(instrument), timeframe, listener);
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

    static String symbolOf(InstrumentId instrument) {
        return instrument.base().code() + instrument.quote().code();
    }

    /** Ends every stream still open (the application is stopping). */
    @Override
    public void close() {
        for (CandleStream stream : List.ofAll(open)) {
            stream.close();
        }
    }
}
