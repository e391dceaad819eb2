package io.cryptobot.exchange.fakevenue;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Binance spot venue for tests, speaking the documented formats of binance-spot-api-docs (rest-api.md,
 * web-socket-streams.md, errors.md, filters.md); the section each part follows is named where it is served.
 * Scripted: symbols, candle series per symbol and interval (an interval given none is built from the 1m klines, as
 * Binance builds every interval from the same trades: {@link #coarse}), API keys with their permissions and balances,
 * the clock offset, the weight limit, the testnet's missing {@code /sapi} endpoints, refusals, held requests and
 * stream disconnections.
 */
public final class FakeBinance extends FakeVenueServer {
    /** Intervals built from the 1m klines when a test gave them none of their own ({@link #coarse}). */
    private static final Set<String> BUILT = Set.of("3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h",
            "1d", "1w", "1M");
    private static final Pattern STREAM = Pattern.compile("/ws/([a-z0-9]+)@kline_([0-9]+[smhdwM])");
    private final Map<String, JsonObject> symbols = new ConcurrentHashMap<>();
    private final Map<String, CandleSeries> series = new ConcurrentHashMap<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final List<String> pongs = new CopyOnWriteArrayList<>();
    private volatile long weightLimit = 6000;
    private volatile boolean testnet;
    private volatile long weightWindow = -1;
    private volatile long weightUsed;
    private volatile Duration pingInterval = Duration.ofSeconds(20);
    private volatile Duration pongTimeout = Duration.ofMinutes(1);
    private volatile Duration pushDelay = Duration.ZERO;
    private final FakeSpotEngine engine = new FakeSpotEngine(symbols::get, () -> now().toEpochMilli());
    /** Account reads by API key, and the faults every account read of a key meets. */
    private final Map<String, Integer> accountReads = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Fault> accountFaults = new java.util.concurrent.ConcurrentHashMap<>();
    /** Guarded by itself: scripted faults of the next calls to one "METHOD path". */
    private final Map<String, java.util.ArrayDeque<Fault>> faults = new java.util.HashMap<>();
    /** User-data subscribers by API key: the socket and its subscription id. */
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger subscriptionIds = new java.util.concurrent.atomic.AtomicInteger();
    /** Guarded by this: stream faults for the next reports. */
    private int duplicateReports;
    private int reverseReports;
    private final List<String[]> reversing = new ArrayList<>();
    /** Keys whose reports are lost ({@link #dropReports}), and how many were. */
    private final Set<String> silenced = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> dropped = new ConcurrentHashMap<>();

    private record Subscriber(io.vertx.core.http.ServerWebSocket socket, int subscriptionId) {
    }

    /**
     * A scripted fault of one trading call: answer {@code status} (with Retry-After when given) instead of the real
     * answer, or no answer at all ({@code status} 0); {@code processFirst}: the venue acts on the request before
     * (as when a 5xx or a lost answer follows a matching engine that did its work); {@code drop}: no answer, the
     * connection cut right after the request was read (after the engine acted when {@code processFirst}). A fault of
     * "POST /api/v3/order" meets the next placement whichever way it comes, REST or the WebSocket API's
     * {@code order.place} (and "DELETE /api/v3/order" the next cancel, {@code order.cancel}): the venue's matching
     * engine is one.
     */
    public record Fault(int status, Integer retryAfterSeconds, boolean processFirst, boolean drop) {
        public Fault(int status, Integer retryAfterSeconds, boolean processFirst) {
            this(status, retryAfterSeconds, processFirst, false);
        }

        /** The request reaches the book, and its answer never comes (the client times out). */
        public static Fault processedWithoutAnswer() {
            return new Fault(0, null, true);
        }

        /** The connection is cut right after the request was read, the engine having acted on it or not. */
        public static Fault dropAfterReading(boolean processFirst) {
            return new Fault(0, null, processFirst, true);
        }

        public static Fault serverError(int status, boolean processFirst) {
            return new Fault(status, null, processFirst);
        }

        /** 429 with Retry-After, the request not processed (rest-api.md "IP Limits"). */
        public static Fault tooMany(int retryAfterSeconds) {
            return new Fault(429, retryAfterSeconds, false);
        }
    }

    /**
     * An API key as Binance knows it: its secret, what the account may do ({@code canTrade}, {@code canWithdraw}) and
     * what the key may do (API restrictions), and the account's balances (asset to free, locked).
     */
    public record Key(String apiKey, String secret, boolean canTrade, boolean canWithdraw, boolean enableTrading,
                      boolean enableWithdrawals, Map<String, BigDecimal[]> balances) {
        public static Key readAndTrade(String apiKey, String secret) {
            return new Key(apiKey, secret, true, true, true, false, Map.of(
                    "USDT", new BigDecimal[] {new BigDecimal("1250.50000000"), new BigDecimal("0E-8")},
                    "BTC", new BigDecimal[] {new BigDecimal("0.01000000"), new BigDecimal("0.00500000")},
                    "ETH", new BigDecimal[] {new BigDecimal("0E-8"), new BigDecimal("0E-8")}));
        }

        public Key withWithdrawals() {
            return new Key(apiKey, secret, canTrade, true, enableTrading, true, balances);
        }

        public Key readOnly() {
            return new Key(apiKey, secret, canTrade, canWithdraw, false, false, balances);
        }
    }

    private FakeBinance() {
        vertx.setPeriodic(50, id -> pingStreams());
    }

    public static FakeBinance start() {
        return new FakeBinance();
    }

    /** The stream base, to which the adapter appends {@code /ws/<stream>}. */
    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /**
     * Lists a symbol in the exchange information (rest-api.md "Exchange information"): status TRADING, HALT,
     * BREAK...; PRICE_FILTER tickSize, LOT_SIZE stepSize, NOTIONAL minNotional (null: no such filter).
     */
    public FakeBinance symbol(String base, String quote, String status, String tickSize, String stepSize,
                              String minNotional) {
        JsonArray filters = new JsonArray()
                .add(new JsonObject().put("filterType", "PRICE_FILTER").put("minPrice", tickSize)
                        .put("maxPrice", "1000000.00000000").put("tickSize", tickSize))
                .add(new JsonObject().put("filterType", "LOT_SIZE").put("minQty", stepSize)
                        .put("maxQty", "9000.00000000").put("stepSize", stepSize));
        if (minNotional != null) {
            filters.add(new JsonObject().put("filterType", "NOTIONAL").put("minNotional", minNotional)
                    .put("applyMinToMarket", true).put("maxNotional", "9000000.00000000")
                    .put("applyMaxToMarket", false).put("avgPriceMins", 5));
        }
        symbols.put(base + quote, new JsonObject().put("symbol", base + quote).put("status", status)
                .put("baseAsset", base).put("baseAssetPrecision", 8).put("quoteAsset", quote)
                .put("quotePrecision", 8).put("quoteAssetPrecision", 8)
                .put("orderTypes", new JsonArray().add("LIMIT").add("MARKET"))
                .put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false)
                .put("filters", filters).put("permissions", new JsonArray())
                .put("permissionSets", new JsonArray().add(new JsonArray().add("SPOT"))));
        return this;
    }

    /**
     * Adds a PERCENT_PRICE_BY_SIDE filter (filters.md) to a listed symbol (e.g. BTCUSDT): a buy's price within
     * [avg * bidDown, avg * bidUp], a sell's within [avg * askDown, avg * askUp] of the engine's average price.
     */
    public FakeBinance percentPriceBySide(String symbol, String bidUp, String bidDown, String askUp, String askDown,
                                          int avgPriceMins) {
        symbols.get(symbol).getJsonArray("filters").add(new JsonObject().put("filterType", "PERCENT_PRICE_BY_SIDE")
                .put("bidMultiplierUp", bidUp).put("bidMultiplierDown", bidDown).put("askMultiplierUp", askUp)
                .put("askMultiplierDown", askDown).put("avgPriceMins", avgPriceMins));
        return this;
    }

    /** Takes a symbol out of the exchange information (its klines stay), as a pair removed from the venue. */
    public FakeBinance unlist(String symbol) {
        symbols.remove(symbol);
        return this;
    }

    /** A symbol as it is listed, for tests that need a filter the builder above does not write (MIN_NOTIONAL). */
    public FakeBinance rawSymbol(JsonObject symbol) {
        symbols.put(symbol.getString("symbol"), symbol);
        return this;
    }

    /** The candles of {@code symbol} (e.g. BTCUSDT) at {@code timeframe}, created empty on first use. */
    public CandleSeries klines(String symbol, Timeframe timeframe) {
        return series.computeIfAbsent(symbol + "|" + timeframe.code(), k -> new CandleSeries(timeframe));
    }

    public FakeBinance key(Key key) {
        keys.put(key.apiKey(), key);
        engine.account(key.apiKey(), key.balances());
        return this;
    }

    /** The matching engine: prices, trade prints, fees, balances and orders of every key. */
    public FakeSpotEngine engine() {
        return engine;
    }

    /** The WebSocket API base (web-socket-api.md "General API Information"), where user-data streams subscribe. */
    public URI wsApiUrl() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws-api/v3");
    }

    /**
     * The next call of {@code method} {@code path} (e.g. "POST", "/api/v3/order") meets {@code fault}; a placement's
     * or a cancel's also when it comes by the WebSocket API ({@link Fault}).
     */
    public FakeBinance failNext(String method, String path, Fault fault) {
        synchronized (faults) {
            faults.computeIfAbsent(method + " " + path, k -> new java.util.ArrayDeque<>()).addLast(fault);
        }
        return this;
    }

    /** The next {@code count} executionReports are each sent twice. */
    public synchronized FakeBinance duplicateNextReports(int count) {
        duplicateReports = count;
        return this;
    }

    /** The next {@code count} executionReports are held and then sent in reverse order. */
    public synchronized FakeBinance reverseNextReports(int count) {
        reverseReports = count;
        return this;
    }

    /**
     * From now on every executionReport of {@code apiKey} is lost on its way to the user-data stream (counted by
     * {@link #droppedReports}), until {@link #resumeReports}: the venue acts (books, balances, trade history) and its
     * client hears nothing, as when a report is lost, or when the client dies before it could journal it. Lost
     * reports are not sent again when the stream resumes (user-data-stream.md: events are never replayed).
     */
    public FakeBinance dropReports(String apiKey) {
        silenced.add(apiKey);
        return this;
    }

    /** Reports of {@code apiKey} reach its stream again (those dropped meanwhile stay lost). */
    public FakeBinance resumeReports(String apiKey) {
        silenced.remove(apiKey);
        return this;
    }

    /** How many executionReports of {@code apiKey} {@link #dropReports} lost. */
    public int droppedReports(String apiKey) {
        java.util.concurrent.atomic.AtomicInteger count = dropped.get(apiKey);
        return count == null ? 0 : count.get();
    }

    /** Open user-data subscriptions of {@code apiKey}. */
    public int subscriptions(String apiKey) {
        return (int) subscribers.getOrDefault(apiKey, List.of()).stream().filter(s -> !s.socket().isClosed()).count();
    }

    /** The REQUEST_WEIGHT per minute this venue allows (and publishes in its exchange information). */
    public FakeBinance weightLimit(long limit) {
        weightLimit = limit;
        return this;
    }

    /** Like the spot testnet: no {@code /sapi} endpoints. */
    public FakeBinance testnet() {
        testnet = true;
        return this;
    }

    public FakeBinance pings(Duration interval, Duration timeout) {
        pingInterval = interval;
        pongTimeout = timeout;
        return this;
    }

    /**
     * A new stream connection gets kline events only from this long after its handshake: what closes meanwhile is
     * not pushed to it, as with a venue that registers a subscription a moment after the connection is open.
     */
    public FakeBinance pushDelay(Duration delay) {
        pushDelay = delay;
        return this;
    }

    /** Payloads of the pong frames received, in order. */
    public List<String> pongs() {
        return List.copyOf(pongs);
    }

    /** Weight spent in the current minute, as X-MBX-USED-WEIGHT-1M reports it. */
    public synchronized long usedWeight() {
        roll();
        return weightUsed;
    }

    /** Spends weight as other clients on the same address would (it shows in X-MBX-USED-WEIGHT-1M). */
    public synchronized void spendWeight(long weight) {
        roll();
        weightUsed += weight;
    }

    /** Sends the documented {@code serverShutdown} event on every open stream. */
    public void announceShutdown() {
        for (Stream stream : streams()) {
            stream.socket.writeTextMessage(new JsonObject().put("e", "serverShutdown")
                    .put("E", now().toEpochMilli()).encode());
        }
    }

    @Override
    protected String refusalBody(int status) {
        return status == 418
                ? error(-1003, "Way too much request weight used; IP banned until " + now().plusSeconds(120)
                .toEpochMilli() + ". Please use WebSocket Streams for live updates to avoid bans.")
                : error(-1003, "Too much request weight used; current limit is " + weightLimit
                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling "
                + "the API.");
    }

    @Override
    protected boolean isStreamPath(String path) {
        return path.startsWith("/ws/") || path.equals("/ws-api/v3");
    }

    @Override
    protected void serve(HttpServerRequest request) {
        String path = request.path();
        String method = request.method().name();
        int weight = switch (path) {
            case "/api/v3/ping", "/api/v3/time", "/sapi/v1/account/apiRestrictions" -> 1;
            case "/api/v3/klines", "/api/v3/avgPrice" -> 2;
            case "/api/v3/exchangeInfo", "/api/v3/account" -> 20;
            case "/api/v3/order" -> method.equals("GET") ? 4 : 1;
            case "/api/v3/openOrders" -> request.getParam("symbol") == null ? 80 : 6;
            case "/api/v3/myTrades" -> request.getParam("orderId") == null ? 20 : 5;
            default -> 1;
        };
        // rest-api.md "IP Limits": every answer carries the weight used; over the limit, 429 with Retry-After
        long used;
        long retryAfter;
        synchronized (this) {
            roll();
            weightUsed += weight;
            used = weightUsed;
            retryAfter = Math.max(1, (60_000 - Math.floorMod(now().toEpochMilli(), 60_000L) + 999) / 1000);
        }
        request.response().putHeader("X-MBX-USED-WEIGHT-1M", Long.toString(used));
        if (used > weightLimit) {
            request.response().putHeader("Retry-After", Long.toString(retryAfter));
            json(request, 429, refusalBody(429));
            return;
        }
        switch (path) {
            case "/api/v3/ping" -> json(request, 200, "{}");
            case "/api/v3/time" -> json(request, 200, new JsonObject().put("serverTime", now().toEpochMilli()).encode());
            case "/api/v3/exchangeInfo" -> exchangeInfo(request);
            case "/api/v3/klines" -> klines(request);
            case "/api/v3/avgPrice" -> avgPrice(request);
            case "/api/v3/account" -> signed(request, this::account);
            case "/api/v3/order" -> signed(request, (r, key) -> trading(r, key, switch (method) {
                case "POST" -> engine::place;
                case "DELETE" -> engine::cancel;
                default -> engine::query;
            }));
            case "/api/v3/openOrders" -> signed(request, (r, key) -> trading(r, key, engine::openOrders));
            case "/api/v3/myTrades" -> signed(request, (r, key) -> trading(r, key, engine::myTrades));
            case "/sapi/v1/account/apiRestrictions" -> {
                if (testnet) {
                    request.response().setStatusCode(404).end();
                } else {
                    signed(request, this::apiRestrictions);
                }
            }
            default -> request.response().setStatusCode(404).end();
        }
    }

    private void roll() {
        long window = Math.floorDiv(now().toEpochMilli(), 60_000L);
        if (window != weightWindow) {
            weightWindow = window;
            weightUsed = 0;
        }
    }

    /**
     * market-data-endpoints.md "Current average price": {@code mins} (the symbol's percent-price window, 5 without
     * one), {@code price} (the engine's average price: scripted, else the last) and {@code closeTime}. -1121 for a
     * symbol not listed.
     */
    private void avgPrice(HttpServerRequest request) {
        JsonObject symbol = request.getParam("symbol") == null ? null : symbols.get(request.getParam("symbol"));
        if (symbol == null) {
            json(request, 400, error(-1121, "Invalid symbol."));
            return;
        }
        int mins = 5;
        for (Object item : symbol.getJsonArray("filters")) {
            JsonObject f = (JsonObject) item;
            if (f.getString("filterType").startsWith("PERCENT_PRICE")) {
                mins = f.getInteger("avgPriceMins", mins);
            }
        }
        BigDecimal average = engine.averagePrice(symbol.getString("symbol"));
        json(request, 200, new JsonObject().put("mins", mins)
                .put("price", average == null ? "0.00000000" : average.setScale(8, java.math.RoundingMode.HALF_EVEN)
                        .toPlainString())
                .put("closeTime", now().toEpochMilli()).encode());
    }

    /** rest-api.md "Exchange information": rateLimits, then every symbol (or the one asked for). */
    private void exchangeInfo(HttpServerRequest request) {
        String only = request.getParam("symbol");
        JsonArray listed = new JsonArray();
        if (only != null) {
            JsonObject symbol = symbols.get(only);
            if (symbol == null) {
                json(request, 400, error(-1121, "Invalid symbol."));
                return;
            }
            listed.add(symbol);
        } else {
            symbols.values().forEach(listed::add);
        }
        JsonObject body = new JsonObject().put("timezone", "UTC").put("serverTime", now().toEpochMilli())
                .put("rateLimits", new JsonArray()
                        .add(new JsonObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE")
                                .put("intervalNum", 1).put("limit", weightLimit))
                        .add(new JsonObject().put("rateLimitType", "RAW_REQUESTS").put("interval", "MINUTE")
                                .put("intervalNum", 5).put("limit", 61000)))
                .put("exchangeFilters", new JsonArray()).put("symbols", listed);
        json(request, 200, body.encode());
    }

    /**
     * rest-api.md "Kline/Candlestick data": limit default 500, at most 1000; with startTime the oldest from it, with
     * only endTime the most recent up to it, with neither the most recent; the open kline is served like the others.
     */
    private void klines(HttpServerRequest request) {
        String symbol = request.getParam("symbol");
        if (symbol == null || symbol.isBlank()) {
            json(request, 400, error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
            return;
        }
        var interval = Timeframe.parse(request.getParam("interval"));
        if (interval.isEmpty()) {
            json(request, 400, error(-1120, "Invalid interval."));
            return;
        }
        CandleSeries candles = series.get(symbol + "|" + interval.get().code());
        if (candles == null && !symbols.containsKey(symbol)) {
            json(request, 400, error(-1121, "Invalid symbol."));
            return;
        }
        int limit = request.getParam("limit") == null ? 500 : Integer.parseInt(request.getParam("limit"));
        if (limit < 1 || limit > 1000) {
            json(request, 400, error(-1130, "Data sent for parameter 'limit' is not valid."));
            return;
        }
        Long start = request.getParam("startTime") == null ? null : Long.parseLong(request.getParam("startTime"));
        Long end = request.getParam("endTime") == null ? null : Long.parseLong(request.getParam("endTime"));
        List<VenueCandle> all = candles == null ? List.of() : candles.all();
        LongUnaryOperator closeTime = open -> candles.closeTime(open);
        CandleSeries minutes = series.get(symbol + "|1m");
        if (all.isEmpty() && BUILT.contains(interval.get().code()) && minutes != null) {
            String code = interval.get().code();
            all = coarse(minutes.all(), code);
            closeTime = open -> bucketEnd(open, code) - 1;
        }
        List<VenueCandle> inRange = all.stream().filter(c -> (start == null || c.openTime() >= start)
                && (end == null || c.openTime() <= end)).toList();
        List<VenueCandle> page = start != null
                ? inRange.subList(0, Math.min(limit, inRange.size()))
                : inRange.subList(Math.max(0, inRange.size() - limit), inRange.size());
        JsonArray rows = new JsonArray();
        for (VenueCandle c : page) {
            rows.add(new JsonArray().add(c.openTime()).add(c.open().toPlainString()).add(c.high().toPlainString())
                    .add(c.low().toPlainString()).add(c.close().toPlainString()).add(c.volume().toPlainString())
                    .add(closeTime.applyAsLong(c.openTime())).add(c.close().multiply(c.volume()).toPlainString())
                    .add(42).add("0").add("0").add("0"));
        }
        json(request, 200, rows.encode());
    }

    /**
     * Binance makes every interval's klines from the same trades (rest-api.md "Kline/Candlestick data": "Klines are
     * uniquely identified by their open time", intervals in UTC unless {@code timeZone} says otherwise). The fake's
     * trades are its 1m klines: an interval a test gave no candles of its own is built from them here, with its own
     * arithmetic rather than the platform's resampler: UTC buckets of the interval's length (a week from Monday
     * 00:00, a month from its 1st), the first minute's open, the highest high, the lowest low, the last minute's
     * close and the summed volume. A bucket the minutes do not fill is served with what it has, as Binance serves
     * the kline still open or one across an outage. 3d klines (Binance's alignment of them is not documented) are not
     * built.
     */
    static List<VenueCandle> coarse(List<VenueCandle> minutes, String interval) {
        Map<Long, VenueCandle> buckets = new TreeMap<>();
        for (VenueCandle minute : minutes) {
            long start = bucketStart(minute.openTime(), interval);
            VenueCandle so = buckets.get(start);
            buckets.put(start, so == null
                    ? new VenueCandle(start, minute.open(), minute.high(), minute.low(), minute.close(), minute.volume())
                    : new VenueCandle(start, so.open(), so.high().max(minute.high()), so.low().min(minute.low()),
                    minute.close(), so.volume().add(minute.volume())));
        }
        return List.copyOf(buckets.values());
    }

    static long bucketStart(long epochMillis, String interval) {
        LocalDate day = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
        return switch (interval) {
            case "1w" -> startOfDay(day.minusDays(day.getDayOfWeek().getValue() - 1L));
            case "1M" -> startOfDay(day.withDayOfMonth(1));
            default -> epochMillis - Math.floorMod(epochMillis, fixedLength(interval));
        };
    }

    static long bucketEnd(long start, String interval) {
        LocalDate day = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
        return switch (interval) {
            case "1w" -> startOfDay(day.plusWeeks(1));
            case "1M" -> startOfDay(day.plusMonths(1));
            default -> start + fixedLength(interval);
        };
    }

    private static long startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The intervals of rest-api.md "ENUM definitions" that divide a UTC day. */
    private static long fixedLength(String interval) {
        long minutes = switch (interval) {
            case "1m" -> 1;
            case "3m" -> 3;
            case "5m" -> 5;
            case "15m" -> 15;
            case "30m" -> 30;
            case "1h" -> 60;
            case "2h" -> 120;
            case "4h" -> 240;
            case "6h" -> 360;
            case "8h" -> 480;
            case "12h" -> 720;
            case "1d" -> 1440;
            default -> throw new IllegalArgumentException("no fixed length for " + interval);
        };
        return minutes * 60_000L;
    }

    /**
     * rest-api.md "SIGNED Endpoint security" and "Timing security": the key in X-MBX-APIKEY (-2014 when missing,
     * -2015 when unknown), HMAC-SHA256 of the query string without {@code signature} (-1022 when wrong, compared
     * ignoring case), {@code timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow} (-1021), recvWindow
     * at most 60000.
     */
    private void signed(HttpServerRequest request, java.util.function.BiConsumer<HttpServerRequest, Key> handler) {
        String apiKey = request.getHeader("X-MBX-APIKEY");
        if (apiKey == null || apiKey.isBlank()) {
            json(request, 401, error(-2014, "API-key format invalid."));
            return;
        }
        Key key = keys.get(apiKey);
        if (key == null) {
            json(request, 401, error(-2015, "Invalid API-key, IP, or permissions for action."));
            return;
        }
        String query = request.query() == null ? "" : request.query();
        Matcher signature = Pattern.compile("(^|&)signature=([^&]*)").matcher(query);
        if (!signature.find()) {
            json(request, 400, error(-1102, "Mandatory parameter 'signature' was not sent, was empty/null, or "
                    + "malformed."));
            return;
        }
        String payload = (query.substring(0, signature.start()) + query.substring(signature.end())).replaceAll("^&", "");
        if (!hmacHex(key.secret(), payload).equalsIgnoreCase(signature.group(2))) {
            json(request, 400, error(-1022, "Signature for this request is not valid."));
            return;
        }
        String timestamp = request.getParam("timestamp");
        if (timestamp == null) {
            json(request, 400, error(-1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or "
                    + "malformed."));
            return;
        }
        long recvWindow = request.getParam("recvWindow") == null ? 5000
                : (long) Double.parseDouble(request.getParam("recvWindow"));
        if (recvWindow > 60_000) {
            json(request, 400, error(-1131, "recvWindow must be less than 60000"));
            return;
        }
        long serverTime = now().toEpochMilli();
        long stamped = Long.parseLong(timestamp);
        if (stamped >= serverTime + 1000) {
            json(request, 400, error(-1021, "Timestamp for this request was 1000ms ahead of the server's time."));
            return;
        }
        if (serverTime - stamped > recvWindow) {
            json(request, 400, error(-1021, "Timestamp for this request is outside of the recvWindow."));
            return;
        }
        handler.accept(request, key);
    }

    /**
     * From now on every account read (GET /api/v3/account) of {@code apiKey} meets {@code fault}, none to end it:
     * the venue down for that key only, so the other tests' bots sharing this fake are not touched. A 5xx is
     * Binance's own "the issue is on Binance's side" (rest-api.md "HTTP Return Codes").
     */
    public FakeBinance failAccountReads(String apiKey, Fault fault) {
        if (fault == null) {
            accountFaults.remove(apiKey);
        } else {
            accountFaults.put(apiKey, fault);
        }
        return this;
    }

    /** How many account reads (GET /api/v3/account) {@code apiKey}'s signed requests made, failed ones included. */
    public int accountReads(String apiKey) {
        return accountReads.getOrDefault(apiKey, 0);
    }

    /** rest-api.md "Account information (USER_DATA)", with omitZeroBalances. */
    private void account(HttpServerRequest request, Key key) {
        accountReads.merge(key.apiKey(), 1, Integer::sum);
        Fault fault = accountFaults.get(key.apiKey());
        if (fault != null) {
            scriptedAnswer(request, fault);
            return;
        }
        boolean omitZero = "true".equalsIgnoreCase(request.getParam("omitZeroBalances"));
        JsonArray balances = engine.balances(key.apiKey(), omitZero);
        json(request, 200, new JsonObject().put("makerCommission", 10).put("takerCommission", 10)
                .put("buyerCommission", 0).put("sellerCommission", 0)
                .put("commissionRates", new JsonObject().put("maker", "0.00100000").put("taker", "0.00100000")
                        .put("buyer", "0.00000000").put("seller", "0.00000000"))
                .put("canTrade", key.canTrade()).put("canWithdraw", key.canWithdraw()).put("canDeposit", true)
                .put("brokered", false).put("requireSelfTradePrevention", false).put("preventSor", false)
                .put("updateTime", now().toEpochMilli()).put("accountType", "SPOT").put("balances", balances)
                .put("permissions", new JsonArray().add("SPOT")).put("uid", 354937868).encode());
    }

    /**
     * A trading call (rest-api.md "Trading endpoints", "Account endpoints"), parameters from the query string, with
     * the scripted fault of its "METHOD path" if any: answered as scripted, or not at all, before or after the engine
     * acted. A successful placement carries X-MBX-ORDER-COUNT-10S / -1D ("Unfilled Order Count"), counted here
     * from the placements of the last 10 seconds and day of every key.
     */
    private void trading(HttpServerRequest request, Key key,
                         java.util.function.BiFunction<String, Map<String, String>, FakeSpotEngine.Reply> call) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        request.params().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        Fault fault = nextFault(request.method().name() + " " + request.path());
        if (fault != null && !fault.processFirst()) {
            scriptedAnswer(request, fault);
            return;
        }
        FakeSpotEngine.Reply reply = call.apply(key.apiKey(), params);
        if (fault != null) {
            scriptedAnswer(request, fault);
            return;
        }
        if (reply.status() == 200 && request.method().name().equals("POST")) {
            long[] counts = countPlacement();
            request.response().putHeader("X-MBX-ORDER-COUNT-10S", Long.toString(counts[0]));
            request.response().putHeader("X-MBX-ORDER-COUNT-1D", Long.toString(counts[1]));
        }
        json(request, reply.status(), reply.body());
    }

    private final List<Long> placements = new ArrayList<>();

    private Fault nextFault(String call) {
        synchronized (faults) {
            var queue = faults.get(call);
            return queue == null ? null : queue.pollFirst();
        }
    }

    /** A placement taken: the unfilled order counts of the last 10 s and day (rest-api.md "Unfilled Order Count"). */
    private long[] countPlacement() {
        long now = now().toEpochMilli();
        synchronized (placements) {
            placements.add(now);
            placements.removeIf(t -> t < now - 86_400_000L);
            return new long[] {placements.stream().filter(t -> t >= now - 10_000).count(), placements.size()};
        }
    }

    private void scriptedAnswer(HttpServerRequest request, Fault fault) {
        if (fault.drop()) {
            request.connection().close();
            return;
        }
        if (fault.status() == 0) {
            return; // no answer: the client's timeout decides
        }
        if (fault.retryAfterSeconds() != null) {
            request.response().putHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
        }
        json(request, fault.status(), fault.status() == 429 ? refusalBody(429)
                : error(-1000, "An unknown error occurred while processing the request."));
    }

    /** Binance wallet API "Get API Key Permission" (GET /sapi/v1/account/apiRestrictions). */
    private void apiRestrictions(HttpServerRequest request, Key key) {
        json(request, 200, new JsonObject().put("ipRestrict", false).put("createTime", 1623840271000L)
                .put("enableInternalTransfer", false).put("enableFutures", false)
                .put("enablePortfolioMarginTrading", false).put("enableVanillaOptions", false)
                .put("permitsUniversalTransfer", false).put("enableReading", true)
                .put("enableSpotAndMarginTrading", key.enableTrading()).put("enableWithdrawals", key.enableWithdrawals())
                .put("enableMargin", false).encode());
    }

    /** web-socket-streams.md: raw stream {@code /ws/<symbol>@kline_<interval>}; kline events every update. */
    @Override
    protected void streamOpened(Stream stream, String path) {
        if (path.equals("/ws-api/v3")) {
            webSocketApi(stream);
            return;
        }
        Matcher matcher = STREAM.matcher(path);
        if (!matcher.matches()) {
            stream.socket.close((short) 1008, "unknown stream");
            return;
        }
        String symbol = matcher.group(1).toUpperCase(Locale.ROOT);
        var timeframe = Timeframe.parse(matcher.group(2));
        if (timeframe.isEmpty()) {
            stream.socket.close((short) 1008, "unknown interval");
            return;
        }
        CandleSeries candles = klines(symbol, timeframe.get());
        Consumer<CandleSeries.Update> push = update -> {
            if (!stream.socket.isClosed()) {
                stream.socket.writeTextMessage(klineEvent(symbol, candles, update));
            }
        };
        long delay = pushDelay.toMillis();
        if (delay > 0) {
            // runs on the connection's own context, as the close handler below: no race between the two
            vertx.setTimer(delay, id -> {
                if (!stream.socket.isClosed()) {
                    candles.watch(push);
                }
            });
        } else {
            candles.watch(push);
        }
        stream.socket.closeHandler(v -> {
            candles.unwatch(push);
            streams().remove(stream);
        });
        stream.socket.pongHandler(payload -> {
            pongs.add(payload.toString(StandardCharsets.UTF_8));
            stream.lastHeard = Instant.now();
        });
        stream.subscription = symbol;
    }

    /**
     * web-socket-api.md: requests {@code {"id", "method", "params"}} in text frames, answers {@code {"id", "status",
     * "result" | "error", "rateLimits"}} ("Request format", "Response format"). Served:
     * {@code userDataStream.subscribe.signature} ("Subscribe to User Data Stream through signature subscription"):
     * then the key's events go to this connection as {@code {"subscriptionId", "event"}} (user-data-stream.md);
     * {@code order.place} ("Place new order (TRADE)", weight 1, the engine's REST answer as {@code result}) and
     * {@code order.cancel} ("Cancel order (TRADE)"), logged in {@link #requests()} as method "WS", path the method,
     * the parameters as the query. Signed requests are checked as "SIGNED request security" and "Timing security"
     * say: the key (-2015), the HMAC over every parameter but {@code signature} sorted by name (-1022), the timestamp
     * within the receive window and less than 1 s ahead (-1021), recvWindow at most 60000 (-1131). The weight is the
     * address's, shared with REST ("IP limits"): over the limit, 429 with -1003 and {@code error.data.retryAfter}
     * (ms, when the minute ends).
     */
    private void webSocketApi(Stream stream) {
        stream.socket.pongHandler(payload -> {
            pongs.add(payload.toString(StandardCharsets.UTF_8));
            stream.lastHeard = Instant.now();
        });
        stream.socket.textMessageHandler(text -> {
            long nanos = System.nanoTime();
            Instant at = Instant.now();
            JsonObject request = new JsonObject(text);
            Object id = request.getValue("id");
            String method = request.getString("method", "");
            JsonObject params = request.getJsonObject("params", new JsonObject());
            switch (method) {
                case "userDataStream.subscribe.signature" -> subscribe(stream, id, params);
                case "order.place", "order.cancel" -> {
                    log(new Request("WS", method, query(params), Map.of(), at, nanos));
                    wsTrading(stream, id, method, params);
                }
                default -> stream.socket.writeTextMessage(wsError(id, 400, -1100, "Unknown method."));
            }
        });
        stream.socket.closeHandler(v -> {
            streams().remove(stream);
            subscribers.values().forEach(list -> list.removeIf(s -> s.socket() == stream.socket));
        });
        stream.subscription = "user data";
    }

    private void subscribe(Stream stream, Object id, JsonObject params) {
        Key key = wsSigned(stream, id, params);
        if (key == null) {
            return;
        }
        Subscriber subscriber = new Subscriber(stream.socket, subscriptionIds.getAndIncrement());
        subscribers.computeIfAbsent(key.apiKey(), k -> new CopyOnWriteArrayList<>()).add(subscriber);
        engine.publisher(key.apiKey(), event -> publish(key.apiKey(), event));
        stream.socket.writeTextMessage(new JsonObject().put("id", id).put("status", 200)
                .put("result", new JsonObject().put("subscriptionId", subscriber.subscriptionId()))
                .put("rateLimits", new JsonArray()).encode());
    }

    /** The key of a signed WebSocket API request, or null once its refusal is written. */
    private Key wsSigned(Stream stream, Object id, JsonObject params) {
        Key key = keys.get(params.getString("apiKey", ""));
        if (key == null) {
            stream.socket.writeTextMessage(wsError(id, 401, -2015, "Invalid API-key, IP, or permissions for action."));
            return null;
        }
        String payload = new TreeMap<>(params.getMap()).entrySet().stream()
                .filter(e -> !e.getKey().equals("signature")).map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("&"));
        if (!hmacHex(key.secret(), payload).equalsIgnoreCase(params.getString("signature", ""))) {
            stream.socket.writeTextMessage(wsError(id, 400, -1022, "Signature for this request is not valid."));
            return null;
        }
        double recvWindow = Double.parseDouble(String.valueOf(params.getValue("recvWindow", 5000)));
        if (recvWindow > 60_000) {
            stream.socket.writeTextMessage(wsError(id, 400, -1131, "recvWindow must be less than 60000"));
            return null;
        }
        long stamped = Long.parseLong(String.valueOf(params.getValue("timestamp", 0)));
        long serverTime = now().toEpochMilli();
        if (stamped >= serverTime + 1000 || serverTime - stamped > recvWindow) {
            stream.socket.writeTextMessage(wsError(id, 400, -1021, "Timestamp for this request is outside of "
                    + "the recvWindow."));
            return null;
        }
        return key;
    }

    /**
     * {@code order.place} / {@code order.cancel}: the weight, then the scripted fault of the matching REST call
     * ({@link Fault}), then the engine; the answer carries {@code rateLimits}: REQUEST_WEIGHT, and for a placement the
     * ORDERS counts of 10 s and a day (web-socket-api.md "Unfilled Order Count").
     */
    private void wsTrading(Stream stream, Object id, String method, JsonObject params) {
        Key key = wsSigned(stream, id, params);
        if (key == null) {
            return;
        }
        long used;
        long minuteEnds;
        synchronized (this) {
            roll();
            weightUsed += 1;
            used = weightUsed;
            minuteEnds = Math.floorDiv(now().toEpochMilli(), 60_000L) * 60_000L + 60_000L;
        }
        JsonArray limits = new JsonArray().add(rateLimit("REQUEST_WEIGHT", "MINUTE", 1, weightLimit, used));
        if (used > weightLimit) {
            wsAnswer(stream, new JsonObject().put("id", id).put("status", 429).put("error", new JsonObject()
                    .put("code", -1003).put("msg", "Too much request weight used; current limit is " + weightLimit
                            + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid "
                            + "polling the API.")
                    .put("data", new JsonObject().put("serverTime", now().toEpochMilli()).put("retryAfter",
                            minuteEnds))).put("rateLimits", limits).encode());
            return;
        }
        boolean placing = method.equals("order.place");
        Fault fault = nextFault(placing ? "POST /api/v3/order" : "DELETE /api/v3/order");
        if (fault != null && !fault.processFirst()) {
            wsScripted(stream, id, fault);
            return;
        }
        Map<String, String> call = new java.util.LinkedHashMap<>();
        params.forEach(e -> call.put(e.getKey(), String.valueOf(e.getValue())));
        FakeSpotEngine.Reply reply = placing ? engine.place(key.apiKey(), call) : engine.cancel(key.apiKey(), call);
        if (fault != null) {
            wsScripted(stream, id, fault);
            return;
        }
        if (placing && reply.status() == 200) {
            long[] counts = countPlacement();
            limits.add(rateLimit("ORDERS", "SECOND", 10, 50, counts[0]))
                    .add(rateLimit("ORDERS", "DAY", 1, 160_000, counts[1]));
        }
        JsonObject answer = new JsonObject().put("id", id).put("status", reply.status());
        JsonObject body = new JsonObject(reply.body());
        if (reply.status() == 200) {
            answer.put("result", body);
        } else {
            answer.put("error", body);
        }
        wsAnswer(stream, answer.put("rateLimits", limits).encode());
    }

    private void wsScripted(Stream stream, Object id, Fault fault) {
        if (fault.drop()) {
            drop(stream);
            return;
        }
        if (fault.status() == 0) {
            return; // no answer: the client's timeout decides
        }
        if (fault.status() == 429 || fault.status() == 418) {
            long now = now().toEpochMilli();
            JsonObject error = new JsonObject(refusalBody(fault.status())).put("data", new JsonObject()
                    .put("serverTime", now).put("retryAfter", now + 1000L * (fault.retryAfterSeconds() == null ? 0
                            : fault.retryAfterSeconds())));
            wsAnswer(stream, new JsonObject().put("id", id).put("status", fault.status()).put("error", error)
                    .encode());
            return;
        }
        wsAnswer(stream, wsError(id, fault.status(), -1000, "An unknown error occurred while processing the request."));
    }

    /** Guarded by this: answers held to be sent in reverse ({@link #reverseNextAnswers}). */
    private int reverseAnswers;
    private final List<String> reversingAnswers = new ArrayList<>();

    /**
     * The next {@code count} answers to WebSocket API trading requests are held and then sent in reverse order (on
     * the connection of the last one): the documentation promises no order between answers, only the echoed id
     * (web-socket-api.md "Request format").
     */
    public synchronized FakeBinance reverseNextAnswers(int count) {
        reverseAnswers = count;
        return this;
    }

    private void wsAnswer(Stream stream, String text) {
        List<String> out = new ArrayList<>();
        synchronized (this) {
            if (reverseAnswers > 0) {
                reversingAnswers.add(text);
                reverseAnswers--;
                if (reverseAnswers == 0) {
                    for (int i = reversingAnswers.size() - 1; i >= 0; i--) {
                        out.add(reversingAnswers.get(i));
                    }
                    reversingAnswers.clear();
                }
            } else {
                out.add(text);
            }
        }
        for (String answer : out) {
            if (!stream.socket.isClosed()) {
                stream.socket.writeTextMessage(answer);
            }
        }
    }

    private static JsonObject rateLimit(String type, String interval, int intervalNum, long limit, long count) {
        return new JsonObject().put("rateLimitType", type).put("interval", interval).put("intervalNum", intervalNum)
                .put("limit", limit).put("count", count);
    }

    /** A WebSocket API request's parameters as a query string, in the order sent, for {@link Request#param}. */
    private static String query(JsonObject params) {
        StringBuilder query = new StringBuilder();
        params.forEach(e -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(e.getKey()).append('=').append(java.net.URLEncoder.encode(String.valueOf(e.getValue()),
                    StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    /** Every placement the venue read, by REST or by the WebSocket API, in order. */
    public List<Request> placements() {
        return requests().stream().filter(r -> (r.method().equals("POST") && r.path().equals("/api/v3/order"))
                || (r.method().equals("WS") && r.path().equals("order.place"))).toList();
    }

    /** The cancels read, over REST ({@code DELETE /api/v3/order}) or the WebSocket API ({@code order.cancel}). */
    public List<Request> cancels() {
        return requests().stream().filter(r -> (r.method().equals("DELETE") && r.path().equals("/api/v3/order"))
                || (r.method().equals("WS") && r.path().equals("order.cancel"))).toList();
    }

    /**
     * Sends an event to the key's subscribers, through the scripted stream faults (lost, duplicated, reversed).
     */
    private void publish(String apiKey, JsonObject event) {
        if (silenced.contains(apiKey)) {
            dropped.computeIfAbsent(apiKey, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            return;
        }
        List<String[]> out = new ArrayList<>();
        synchronized (this) {
            String encoded = event.encode();
            if (reverseReports > 0) {
                reversing.add(new String[] {apiKey, encoded});
                reverseReports--;
                if (reverseReports == 0) {
                    for (int i = reversing.size() - 1; i >= 0; i--) {
                        out.add(reversing.get(i));
                    }
                    reversing.clear();
                }
            } else {
                out.add(new String[] {apiKey, encoded});
                if (duplicateReports > 0) {
                    duplicateReports--;
                    out.add(new String[] {apiKey, encoded});
                }
            }
        }
        for (String[] item : out) {
            for (Subscriber subscriber : subscribers.getOrDefault(item[0], List.of())) {
                if (!subscriber.socket().isClosed()) {
                    subscriber.socket().writeTextMessage("{\"subscriptionId\":" + subscriber.subscriptionId()
                            + ",\"event\":" + item[1] + "}");
                }
            }
        }
    }

    private static String wsError(Object id, int status, int code, String message) {
        return new JsonObject().put("id", id).put("status", status)
                .put("error", new JsonObject().put("code", code).put("msg", message)).encode();
    }

    private String klineEvent(String symbol, CandleSeries candles, CandleSeries.Update update) {
        VenueCandle c = update.candle();
        JsonObject kline = new JsonObject().put("t", c.openTime()).put("T", candles.closeTime(c.openTime()))
                .put("s", symbol).put("i", candles.timeframe().code()).put("f", 100).put("L", 200)
                .put("o", c.open().toPlainString()).put("c", c.close().toPlainString())
                .put("h", c.high().toPlainString()).put("l", c.low().toPlainString())
                .put("v", c.volume().toPlainString()).put("n", 100).put("x", update.closed())
                .put("q", "1.0000").put("V", "500").put("Q", "0.500").put("B", "123456");
        return new JsonObject().put("e", "kline").put("E", now().toEpochMilli()).put("s", symbol).put("k", kline)
                .encode();
    }

    /**
     * web-socket-streams.md "General WSS information": a ping frame every 20 s; without a pong within a minute the
     * connection is closed (both intervals settable for tests).
     */
    private void pingStreams() {
        Instant now = Instant.now();
        for (Stream stream : streams()) {
            if (stream.socket.isClosed()) {
                continue;
            }
            if (Duration.between(stream.lastHeard, now).compareTo(pongTimeout) > 0) {
                stream.socket.close((short) 1008, "pong timeout");
                continue;
            }
            Instant lastPing = lastPings.getOrDefault(stream, Instant.EPOCH);
            if (Duration.between(lastPing, now).compareTo(pingInterval) >= 0) {
                stream.socket.writePing(Buffer.buffer("ping-" + now.toEpochMilli()));
                lastPings.put(stream, now);
            }
        }
        lastPings.keySet().removeIf(stream -> stream.socket.isClosed());
    }

    private final Map<Stream, Instant> lastPings = new ConcurrentHashMap<>();

    private static String error(int code, String message) {
        return new JsonObject().put("code", code).put("msg", message).encode();
    }

    static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every candle the fake has for a symbol and interval, closed ones first (for assertions). */
    public List<VenueCandle> closedKlines(String symbol, Timeframe timeframe) {
        return new ArrayList<>(klines(symbol, timeframe).closedCandles());
    }
}
