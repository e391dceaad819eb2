package io.cryptobot.exchange.fakevenue;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OKX v5 venue for tests, after the OKX API v5 documentation (sections named where served): public time,
 * SPOT instruments, candlestick history (newest first; {@code after}/{@code before} exclusive; limit at most 300),
 * account configuration and balance behind the OK-ACCESS-* signature checks, per-endpoint request limits answered
 * with HTTP 429 code 50011, and the business WebSocket's candle channels with subscribe, ping/pong and the 30 s
 * silence rule.
 */
public final class FakeOkx extends FakeVenueServer {
    private static final Map<String, Timeframe> BARS = Map.ofEntries(Map.entry("1m", Timeframe.M1),
            Map.entry("3m", Timeframe.M3), Map.entry("5m", Timeframe.M5), Map.entry("15m", Timeframe.M15),
            Map.entry("30m", Timeframe.M30), Map.entry("1H", Timeframe.H1), Map.entry("2H", Timeframe.H2),
            Map.entry("4H", Timeframe.H4), Map.entry("6Hutc", Timeframe.H6), Map.entry("12Hutc", Timeframe.H12),
            Map.entry("1Dutc", Timeframe.D1), Map.entry("1Wutc", Timeframe.W1), Map.entry("1Mutc", Timeframe.MO1));
    /** Per endpoint: requests allowed per 2 seconds (each endpoint's "Rate Limit"). */
    private static final Map<String, Integer> LIMITS = Map.of("/api/v5/public/time", 10,
            "/api/v5/public/instruments", 20, "/api/v5/market/history-candles", 20, "/api/v5/account/config", 5,
            "/api/v5/account/balance", 10);
    private final Map<String, JsonObject> instruments = new ConcurrentHashMap<>();
    private final Map<String, CandleSeries> series = new ConcurrentHashMap<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final Set<Stream> pinged = ConcurrentHashMap.newKeySet();
    private volatile Duration silenceLimit = Duration.ofSeconds(30);
    private volatile Duration pushDelay = Duration.ZERO;

    /** An API key: secret, passphrase, its {@code perm} ("read_only,trade") and balances (currency to avail, frozen). */
    public record Key(String apiKey, String secret, String passphrase, String perm, Map<String, BigDecimal[]> balances) {
        public static Key readAndTrade(String apiKey, String secret, String passphrase) {
            return new Key(apiKey, secret, passphrase, "read_only,trade", Map.of(
                    "USDT", new BigDecimal[] {new BigDecimal("980.5"), new BigDecimal("19.5")},
                    "BTC", new BigDecimal[] {new BigDecimal("0.02"), BigDecimal.ZERO}));
        }

        public Key withPerm(String newPerm) {
            return new Key(apiKey, secret, passphrase, newPerm, balances);
        }
    }

    private FakeOkx() {
        vertx.setPeriodic(50, id -> closeSilentStreams());
    }

    public static FakeOkx start() {
        return new FakeOkx();
    }

    /** The business WebSocket's full URL. */
    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws/v5/business");
    }

    /** Lists a SPOT instrument (Public data, "Get instruments"): state live, suspend, preopen or test. */
    public FakeOkx instrument(String base, String quote, String state, String tickSz, String lotSz) {
        instruments.put(base + "-" + quote, new JsonObject().put("instType", "SPOT").put("instId", base + "-" + quote)
                .put("uly", "").put("instFamily", "").put("baseCcy", base).put("quoteCcy", quote)
                .put("settleCcy", "").put("ctVal", "").put("ctMult", "").put("ctValCcy", "").put("listTime",
                        "1606468572000").put("expTime", "").put("lever", "10").put("tickSz", tickSz)
                .put("lotSz", lotSz).put("minSz", lotSz).put("ctType", "").put("state", state)
                .put("ruleType", "normal").put("maxLmtSz", "9999999999").put("maxMktSz", "1000000"));
        return this;
    }

    public CandleSeries candles(String instId, Timeframe timeframe) {
        return series.computeIfAbsent(instId + "|" + timeframe.code(), k -> new CandleSeries(timeframe));
    }

    public FakeOkx key(Key key) {
        keys.put(key.apiKey(), key);
        return this;
    }

    /** OKX cuts a connection with no data for 30 s (settable for tests). */
    public FakeOkx silenceLimit(Duration limit) {
        silenceLimit = limit;
        return this;
    }

    /**
     * A new subscription gets candle pushes only from this long after it is confirmed: what closes meanwhile is not
     * pushed to it, as with a venue that registers a subscription a moment after confirming it.
     */
    public FakeOkx pushDelay(Duration delay) {
        pushDelay = delay;
        return this;
    }

    /** Connections that sent 'ping' (and got 'pong'). */
    public int pingedStreams() {
        return pinged.size();
    }

    /** Sends the documented {@code notice} event (service upgrade, reconnect within 60 s) on every stream. */
    public void announceUpgrade() {
        for (Stream stream : streams()) {
            stream.socket.writeTextMessage(new JsonObject().put("event", "notice").put("code", "64008")
                    .put("msg", "The connection will soon be closed for a service upgrade. Please reconnect.")
                    .put("connId", "a4d3ae55").encode());
        }
    }

    @Override
    protected String refusalBody(int status) {
        return status == 429 ? error("50011", "Too Many Requests") : error("50001",
                "Service temporarily unavailable. Please try again later.");
    }

    @Override
    protected boolean isStreamPath(String path) {
        return path.startsWith("/ws/v5/");
    }

    @Override
    protected void serve(HttpServerRequest request) {
        String path = request.path();
        Integer limit = LIMITS.get(path);
        if (limit != null && !admitted(path, limit)) {
            json(request, 429, error("50011", "Too Many Requests"));
            return;
        }
        switch (path) {
            case "/api/v5/public/time" -> ok(request, new JsonArray().add(new JsonObject().put("ts",
                    Long.toString(now().toEpochMilli()))));
            case "/api/v5/public/instruments" -> instruments(request);
            case "/api/v5/market/history-candles" -> historyCandles(request);
            case "/api/v5/account/config" -> signed(request, this::accountConfig);
            case "/api/v5/account/balance" -> signed(request, this::balance);
            default -> json(request, 404, error("404", "Not Found"));
        }
    }

    /** A sliding two-second window per endpoint, as each endpoint's "N requests per 2 seconds". */
    private synchronized boolean admitted(String path, int limit) {
        long now = System.currentTimeMillis();
        Deque<Long> times = recent.computeIfAbsent(path, p -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - 2000) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private void instruments(HttpServerRequest request) {
        if (!"SPOT".equals(request.getParam("instType"))) {
            json(request, 400, error("51000", "Parameter instType error"));
            return;
        }
        JsonArray data = new JsonArray();
        String only = request.getParam("instId");
        instruments.forEach((id, instrument) -> {
            if (only == null || only.equals(id)) {
                data.add(instrument);
            }
        });
        ok(request, data);
    }

    /**
     * Market data, "Get candlesticks history": rows [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm], newest first;
     * {@code after}: records earlier than ts; {@code before}: records newer than ts (alone: the latest records);
     * limit default 100, at most 300.
     */
    private void historyCandles(HttpServerRequest request) {
        String instId = request.getParam("instId");
        Timeframe bar = BARS.get(request.getParam("bar") == null ? "1m" : request.getParam("bar"));
        if (instId == null || bar == null) {
            json(request, 400, error(instId == null ? "50014" : "51000", instId == null
                    ? "Parameter instId can not be empty." : "Parameter bar error"));
            return;
        }
        CandleSeries candles = series.get(instId + "|" + bar.code());
        if (candles == null && !instruments.containsKey(instId)) {
            json(request, 200, error("51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist."));
            return;
        }
        int limit = request.getParam("limit") == null ? 100 : Integer.parseInt(request.getParam("limit"));
        if (limit < 1 || limit > 300) {
            json(request, 400, error("51000", "Parameter limit error"));
            return;
        }
        Long after = request.getParam("after") == null ? null : Long.parseLong(request.getParam("after"));
        Long before = request.getParam("before") == null ? null : Long.parseLong(request.getParam("before"));
        List<VenueCandle> all = candles == null ? List.of() : candles.all();
        VenueCandle open = candles == null ? null : candles.openCandle().orElse(null);
        List<VenueCandle> newestFirst = all.stream()
                .filter(c -> (after == null || c.openTime() < after) && (before == null || c.openTime() > before))
                .sorted((a, b) -> Long.compare(b.openTime(), a.openTime())).limit(limit).toList();
        JsonArray rows = new JsonArray();
        for (VenueCandle c : newestFirst) {
            boolean confirmed = open == null || c.openTime() != open.openTime();
            rows.add(new JsonArray().add(Long.toString(c.openTime())).add(c.open().toPlainString())
                    .add(c.high().toPlainString()).add(c.low().toPlainString()).add(c.close().toPlainString())
                    .add(c.volume().toPlainString()).add(c.close().multiply(c.volume()).toPlainString())
                    .add(c.close().multiply(c.volume()).toPlainString()).add(confirmed ? "1" : "0"));
        }
        ok(request, rows);
    }

    /**
     * Overview, "REST Authentication": OK-ACCESS-KEY (50103 missing, 50111 invalid), OK-ACCESS-PASSPHRASE (50104
     * missing, 50105 incorrect), OK-ACCESS-TIMESTAMP (50112 invalid, 50102 "Timestamp request expired" beyond 30 s
     * of the server's time), OK-ACCESS-SIGN = Base64(HMAC-SHA256(timestamp + method + requestPath)) (50113).
     */
    private void signed(HttpServerRequest request, java.util.function.BiConsumer<HttpServerRequest, Key> handler) {
        String apiKey = request.getHeader("OK-ACCESS-KEY");
        if (apiKey == null || apiKey.isBlank()) {
            json(request, 401, error("50103", "Request header \"OK-ACCESS-KEY\" cannot be empty."));
            return;
        }
        Key key = keys.get(apiKey);
        if (key == null) {
            json(request, 401, error("50111", "Invalid OK-ACCESS-KEY."));
            return;
        }
        String passphrase = request.getHeader("OK-ACCESS-PASSPHRASE");
        if (passphrase == null || passphrase.isEmpty()) {
            json(request, 401, error("50104", "Request header \"OK-ACCESS-PASSPHRASE\" cannot be empty."));
            return;
        }
        if (!passphrase.equals(key.passphrase())) {
            json(request, 401, error("50105", "Request header \"OK-ACCESS-PASSPHRASE\" incorrect."));
            return;
        }
        String timestamp = request.getHeader("OK-ACCESS-TIMESTAMP");
        Instant stamped;
        try {
            stamped = Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            json(request, 401, error("50112", "Invalid OK-ACCESS-TIMESTAMP."));
            return;
        }
        String requestPath = request.path() + (request.query() == null ? "" : "?" + request.query());
        String expected = hmacBase64(key.secret(), timestamp + request.method().name() + requestPath);
        if (!expected.equals(request.getHeader("OK-ACCESS-SIGN"))) {
            json(request, 401, error("50113", "Invalid signature."));
            return;
        }
        if (Duration.between(stamped, now()).abs().compareTo(Duration.ofSeconds(30)) > 0) {
            json(request, 401, error("50102", "Timestamp request expired."));
            return;
        }
        handler.accept(request, key);
    }

    /** Trading account, "Get account configuration". */
    private void accountConfig(HttpServerRequest request, Key key) {
        ok(request, new JsonArray().add(new JsonObject().put("uid", "44705892343619584").put("mainUid",
                        "44705892343619584").put("acctLv", "1").put("posMode", "net_mode").put("autoLoan", false)
                .put("greeksType", "PA").put("level", "Lv1").put("levelTmp", "").put("ctIsoMode", "automatic")
                .put("mgnIsoMode", "automatic").put("spotOffsetType", "").put("roleType", "0")
                .put("traderInsts", new JsonArray()).put("opAuth", "0").put("kycLv", "3").put("label", "bot")
                .put("ip", "").put("perm", key.perm()).put("liquidationGear", "-1")));
    }

    /** Trading account, "Get balance": only currencies with a balance. */
    private void balance(HttpServerRequest request, Key key) {
        JsonArray details = new JsonArray();
        key.balances().forEach((ccy, amounts) -> {
            if (amounts[0].signum() != 0 || amounts[1].signum() != 0) {
                details.add(new JsonObject().put("ccy", ccy).put("eq", amounts[0].add(amounts[1]).toPlainString())
                        .put("cashBal", amounts[0].add(amounts[1]).toPlainString())
                        .put("availBal", amounts[0].toPlainString()).put("frozenBal", amounts[1].toPlainString())
                        .put("ordFrozen", amounts[1].toPlainString()).put("uTime", Long.toString(
                                now().toEpochMilli())));
            }
        });
        ok(request, new JsonArray().add(new JsonObject().put("uTime", Long.toString(now().toEpochMilli()))
                .put("totalEq", "1000").put("details", details)));
    }

    /**
     * Overview "WebSocket": subscribe ({@code subscribe} event, or {@code error} 60018 for an unknown channel), the
     * text 'ping' answered 'pong', and a connection on which nothing was pushed or sent for 30 s closed.
     */
    @Override
    protected void streamOpened(Stream stream, String path) {
        stream.socket.textMessageHandler(text -> {
            stream.lastHeard = Instant.now();
            if ("ping".equals(text)) {
                pinged.add(stream);
                stream.socket.writeTextMessage("pong");
                return;
            }
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (RuntimeException e) {
                stream.socket.writeTextMessage(new JsonObject().put("event", "error").put("code", "60012")
                        .put("msg", "Invalid request: " + text).put("connId", "a4d3ae55").encode());
                return;
            }
            if ("subscribe".equals(message.getString("op"))) {
                for (Object each : message.getJsonArray("args", new JsonArray())) {
                    subscribe(stream, (JsonObject) each);
                }
            }
        });
    }

    private void subscribe(Stream stream, JsonObject arg) {
        String channel = arg.getString("channel", "");
        String instId = arg.getString("instId", "");
        Timeframe bar = channel.startsWith("candle") ? BARS.get(channel.substring("candle".length())) : null;
        if (bar == null) {
            stream.socket.writeTextMessage(new JsonObject().put("event", "error").put("code", "60018")
                    .put("msg", "Wrong URL or channel:" + channel + ",instId:" + instId + " doesn't exist.")
                    .put("connId", "a4d3ae55").encode());
            return;
        }
        CandleSeries candles = candles(instId, bar);
        JsonObject echo = new JsonObject().put("channel", channel).put("instId", instId);
        Consumer<CandleSeries.Update> push = update -> {
            if (!stream.socket.isClosed()) {
                stream.lastHeard = Instant.now();
                VenueCandle c = update.candle();
                stream.socket.writeTextMessage(new JsonObject().put("arg", echo).put("data", new JsonArray()
                        .add(new JsonArray().add(Long.toString(c.openTime())).add(c.open().toPlainString())
                                .add(c.high().toPlainString()).add(c.low().toPlainString())
                                .add(c.close().toPlainString()).add(c.volume().toPlainString()).add("0").add("0")
                                .add(update.closed() ? "1" : "0"))).encode());
            }
        };
        stream.socket.writeTextMessage(new JsonObject().put("event", "subscribe").put("arg", echo)
                .put("connId", "a4d3ae55").encode());
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
            pinged.remove(stream);
        });
        stream.subscription = echo;
    }

    private void closeSilentStreams() {
        Instant now = Instant.now();
        for (Stream stream : streams()) {
            if (!stream.socket.isClosed() && Duration.between(stream.lastHeard, now).compareTo(silenceLimit) > 0) {
                stream.socket.close((short) 4004, "No data received in " + silenceLimit.toSeconds() + "s.");
            }
        }
    }

    private static void ok(HttpServerRequest request, JsonArray data) {
        json(request, 200, new JsonObject().put("code", "0").put("msg", "").put("data", data).encode());
    }

    private static String error(String code, String message) {
        return new JsonObject().put("code", code).put("msg", message).put("data", new JsonArray()).encode();
    }

    static String hmacBase64(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
