package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeVenueServer;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.bot.application.service.LiveStepProbe;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveFeedStatusQuery;
import java.util.concurrent.ConcurrentHashMap;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Closed candle to order on the wire, not a test: excluded from the normal run by its name, run with {@code -Pbench}
 * (docs/benchmarks.md). A live bot (strategy {@code dca}, a market buy every candle) on the fake Binance inside the
 * application: from just before the fake pushes a closed kline on its stream to the moment the fake receives the
 * bot's placement: {@code order.place} on the WebSocket API connection of the account's user-data stream (the default
 * transport), or {@code POST /api/v3/order} with {@code -Dbench.live.transport=rest} (whichever the fake read:
 * {@link FakeBinance#placements}). Both ends are in this JVM, so the span covers the kline WebSocket, the live feed,
 * the session's step, the venue checks and the signed request. A second figure starts where the issue's
 * "closed candle" is the platform's: when the adapter's kline stream hands the closed candle to the live feed
 * ({@link LiveCandle#receivedNanos}, reported by {@link LiveStepProbe}); it leaves out the fake's push and the
 * WebSocket. Both end when the fake has read the request ({@link FakeVenueServer.Request#nanos}, stamped before the
 * fake copies the headers). The benchmark waits for each order on the fake's request listener; until 2026-12-06 20:00
 * it polled the fake's whole request log every 10 ms (a copy of the log and a parse of every query each time), load
 * of its own inside the measure.
 * {@code bench.live.candles} candles counted (600 by default) after {@code bench.live.warm-up} not counted (200: the
 * JIT compiles the path meanwhile), one every {@code bench.live.gap.ms} (150 ms) after the previous order reached the
 * fake: time for that order's reports to be journaled and applied, as a bot on 1m candles has, so that a step
 * rarely waits behind them for the session's lock. That is far beyond Binance's 50 orders per 10 s, so the
 * {@link Profile} raises the adapter's order-count budget (and the per-user orders per minute) for this benchmark
 * only; the production defaults stay Binance's published limits. The fake venue enforces no order count of its own (it reports its counts in
 * {@code X-MBX-ORDER-COUNT-*}, which the adapter adopts against the raised budget).
 */
@QuarkusTest
@TestProfile(LiveOrderLatencyBench.Profile.class)
class LiveOrderLatencyBench {
    private static final int COUNTED = Integer.getInteger("bench.live.candles", 600);
    private static final int WARM_UP = Integer.getInteger("bench.live.warm-up", 200);
    private static final int CANDLES = WARM_UP + COUNTED;
    private static final long GAP_MS = Long.getLong("bench.live.gap.ms", 150);

    /** Budgets out of the way of a candle every 150 ms: what is measured is latency, not the limits. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryptobot.venues.binance.trading.orders-per10-seconds", "1000000",
                    "cryptobot.venues.binance.trading.orders-per-day", "100000000",
                    "cryptobot.limits.orders-per-minute-per-user", "1000000",
                    // -Dbench.live.transport=rest for the REST placement (an A/B on one build)
                    "cryptobot.venues.binance.trading.order-transport",
                    System.getProperty("bench.live.transport", "websocket"));
        }
    }

    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();

    @Inject
    LiveFeedStatusQuery feeds;

    @Test
    void closed_candle_to_order_on_the_wire() {
        String base = "B" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase()
                .substring(0, 10);
        String symbol = base + "USDT";
        InstrumentId instrument = InstrumentId.parse("BINANCE:" + base + "/USDT").get();
        String apiKey = random64();
        String secret = random64();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        binance.key(new FakeBinance.Key(apiKey, secret, true, false, true, false, Map.of(
                "USDT", new BigDecimal[] {new BigDecimal("1000000.00000000"), BigDecimal.ZERO})));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BINANCE", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        List<VenueCandle> walk = CandleSeries.walk(Timeframe.M1, first - 10 * 60_000L, 10 + CANDLES, 5);
        CandleSeries series = binance.klines(symbol, Timeframe.M1);
        series.history(walk.subList(0, 10));
        series.open(walk.get(10));
        binance.engine().lastPrice(symbol, walk.get(9).close().toPlainString());
        String account = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "bench " + UUID.randomUUID(), "venue", "BINANCE", "apiKey", apiKey,
                        "secret", secret))
                .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
        Map<String, Object> request = new HashMap<>();
        request.put("name", "bench " + UUID.randomUUID());
        request.put("strategy", "dca");
        request.put("parameters", Map.of("interval", "1", "amount", "10", "max_buys", "10000",
                "take_profit", "10"));
        request.put("instrument", instrument.toString());
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("limits", Map.of("maxOrderNotional", "100", "maxDailyLoss",
                System.getProperty("bench.live.max-daily-loss", "1000")));
        request.put("budget", "100000");
        request.put("confirmLive", true);
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200);
        try {
            Eventually.until(Duration.ofSeconds(30), "the bot on its feed, the account reconciled",
                    () -> feeds.status(instrument, Timeframe.M1).exists(s -> s.subscribers() >= 1 && s.connected())
                            && series.watchers() >= 1 && given().header("Authorization", trader.bearer())
                            .get("/api/bots/" + bot + "/reconciliation").then().extract().jsonPath()
                            .getBoolean("reconciled"));
            List<Long> micros = new ArrayList<>();
            List<Long> fromReceipt = new ArrayList<>();
            List<Long> feedLeg = new ArrayList<>();
            List<Long> stepLeg = new ArrayList<>();
            List<Long> venueLeg = new ArrayList<>();
            Map<Long, long[]> received = new ConcurrentHashMap<>();
            java.util.concurrent.LinkedBlockingQueue<FakeVenueServer.Request> placed =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            binance.onRequest(r -> {
                if (isOrder(r, symbol)) {
                    placed.add(r);
                }
            });
            LiveStepProbe.listen((candle, passedOn, decided, done) -> {
                if (candle.instrument().equals(instrument)) {
                    received.put(candle.openTime(), new long[] {candle.receivedNanos(), passedOn, decided});
                }
            });
            for (int i = 0; i < CANDLES; i++) {
                VenueCandle candle = walk.get(10 + i);
                binance.engine().lastPrice(symbol, candle.close().toPlainString());
                int sent = i;
                long closed = System.nanoTime();
                series.close(candle);
                if (11 + i < walk.size()) {
                    series.open(walk.get(11 + i));
                }
                FakeVenueServer.Request order = take(placed);
                if (order == null) {
                    throw new AssertionError("order " + (i + 1) + " not on the wire within 10 s; the bot: "
                            + given().header("Authorization", trader.bearer()).get("/api/bots/" + bot).asString()
                            + "; its events: " + given().header("Authorization", trader.bearer())
                            .get("/api/bots/" + bot + "/events?limit=5&offset=" + Math.max(0, 2 * sent))
                            .asString());
                }
                long wire = order.nanos();
                Eventually.until(Duration.ofSeconds(10), "the step on candle " + (i + 1) + " reported",
                        () -> received.containsKey(candle.openTime()));
                if (i >= WARM_UP) {
                    long[] step = received.get(candle.openTime());
                    micros.add((wire - closed) / 1_000);
                    fromReceipt.add((wire - step[0]) / 1_000);
                    feedLeg.add((step[1] - step[0]) / 1_000);
                    stepLeg.add((step[2] - step[1]) / 1_000);
                    venueLeg.add((wire - step[2]) / 1_000);
                }
                pause(GAP_MS);
            }
            for (List<Long> figures : List.of(micros, fromReceipt, feedLeg, stepLeg, venueLeg)) {
                figures.sort(Long::compare);
            }
            System.out.printf("LIVE-ORDER-LATENCY transport=%s candles=%d counted=%d gap=%dms load=%s; push->wire %s; "
                    + "received->wire %s; of which received->passed on to the bot %s; passed on->step done (the "
                    + "send started inside it) %s; step done->the fake has read the order %s; requests the fake "
                    + "received %s%n", System.getProperty("bench.live.transport", "websocket"), CANDLES, micros.size(), GAP_MS, loadAverage(), quantiles(micros),
                    quantiles(fromReceipt), quantiles(feedLeg), quantiles(stepLeg), quantiles(venueLeg),
                    binance.requests().stream().collect(java.util.stream.Collectors.groupingBy(
                            r -> r.method() + " " + r.path(), java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())));
            assertThat(micros).hasSize(COUNTED);
        } finally {
            LiveStepProbe.listen(null);
            binance.onRequest(null);
            given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop");
        }
    }

    /** A placement of {@code symbol}, by the WebSocket API or by REST ({@link FakeBinance#placements}). */
    private static boolean isOrder(FakeVenueServer.Request request, String symbol) {
        return (request.method().equals("WS") && request.path().equals("order.place")
                || request.method().equals("POST") && request.path().equals("/api/v3/order"))
                && symbol.equals(request.param("symbol"));
    }

    private static FakeVenueServer.Request take(java.util.concurrent.BlockingQueue<FakeVenueServer.Request> placed) {
        try {
            return placed.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quantiles(List<Long> sorted) {
        return String.format("p50=%.3fms p90=%.3fms p99=%.3fms p99.9=%.3fms max=%.3fms", at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999), sorted.getLast() / 1000.0);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String random64() {
        StringBuilder s = new StringBuilder();
        while (s.length() < 64) {
            s.append(Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36));
        }
        return s.substring(0, 64);
    }
}
