package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.domain.TimeRange;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Paper bots on the live candles of the built-in simulated venue {@code SIM} and the backtests they are compared
 * with, through the API: a bot and its backtest trade at the same costs (0.1 % taker fee, 2 bps slippage), and their
 * trades and fills are read back in one shape from both.
 */
final class LiveSimBots {
    static final String BTC = "SIM:BTC/USDT";

    private LiveSimBots() {
    }

    /** A running paper bot on {@code SIM:BTC/USDT} 1m, live, on a new account of the trader with 10,000 USDT. */
    static String startLiveBot(TestUser trader, String name, String strategy, Map<String, String> parameters) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", name + " " + UUID.randomUUID());
        request.put("strategy", strategy);
        request.put("parameters", parameters);
        request.put("instrument", BTC);
        request.put("timeframe", "1m");
        request.put("accountId", TradingFixtures.paperAccount(trader, "10000"));
        request.put("feed", Map.of("kind", "live"));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200)
                .body("status", equalTo("running"));
        return bot;
    }

    /** The bot once {@code until} holds (within 120 s); fails at once when the bot failed. */
    static JsonPath awaitBot(TestUser trader, String id, Predicate<JsonPath> until, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath bot = get(trader, "/api/bots/" + id).then().statusCode(200).extract().jsonPath();
            if (until.test(bot)) {
                return bot;
            }
            assertThat(bot.getString("status")).as("%s: %s", what, bot.getString("statusReason"))
                    .isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("%s at %s", what, bot.getString("lastStep")).isLessThan(deadline);
            sleepMillis(100);
        }
    }

    /** The candles a live bot traded on: from its feed's start to its last step (0 before its first step). */
    static long candlesTraded(JsonPath bot) {
        String from = bot.getString("feed.from");
        String last = bot.getString("lastStep");
        return from == null || last == null ? 0
                : Duration.between(Instant.parse(from), Instant.parse(last)).toMinutes() + 1;
    }

    /** Waits until every 1m candle of {@code SIM:BTC/USDT} in [from, last] is stored (the feed stores them later). */
    static void awaitStored(LoadCandlesQuery candles, Instant from, Instant last) {
        InstrumentId btc = InstrumentId.parse(BTC).get();
        long count = Duration.between(from, last).toMinutes() + 1;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (candles.load(new UserId(UUID.randomUUID()), btc, Timeframe.M1,
                new TimeRange(from.toEpochMilli(), last.toEpochMilli() + 60_000), 10_000).get().candles().size()
                != count) {
            assertThat(System.nanoTime()).as("candles up to %s stored", last).isLessThan(deadline);
            sleepMillis(100);
        }
    }

    /** A completed 1m backtest at the bots' costs over [from, to), 10,000 USDT; its id. */
    static String backtest(TestUser trader, String strategy, String instrument, Map<String, String> parameters,
                           Instant from, Instant to) {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", strategy);
        request.put("parameters", parameters);
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", from.toString());
        request.put("to", to.toString());
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String id = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/backtests").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            String status = get(trader, "/api/backtests/" + id).then().statusCode(200).extract().path("status");
            if ("completed".equals(status)) {
                return id;
            }
            assertThat(status).isIn("queued", "running", "storing");
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleepMillis(100);
        }
    }

    /** A backtest's trades, the same shape as a bot's: times compared as instants, decimals by value. */
    static List<Map<String, Object>> backtestTrades(TestUser trader, String backtest) {
        return trades(get(trader, "/api/backtests/" + backtest + "/trades?limit=10000"));
    }

    static List<Map<String, Object>> botTrades(TestUser trader, String bot) {
        return trades(get(trader, "/api/bots/" + bot + "/trades?limit=10000"));
    }

    private static List<Map<String, Object>> trades(Response page) {
        List<Map<String, Object>> trades = new ArrayList<>();
        for (Map<String, Object> t : page.then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items")) {
            Map<String, Object> trade = new HashMap<>();
            trade.put("entryTime", Instant.parse((String) t.get("entryTime")));
            trade.put("exitTime", Instant.parse((String) t.get("exitTime")));
            trade.put("seq", t.get("seq"));
            for (String field : List.of("quantity", "entryPrice", "exitPrice", "grossPnl", "fees", "netPnl")) {
                trade.put(field, new BigDecimal(String.valueOf(t.get(field))).stripTrailingZeros());
            }
            trade.put("instrument", t.get("instrument"));
            trades.add(trade);
        }
        return trades;
    }

    /** Fills as side, candle time, price, quantity and fee (decimals by value), in time order. */
    static List<Map<String, Object>> fills(TestUser trader, String path, String timeField) {
        List<Map<String, Object>> fills = new ArrayList<>();
        for (Map<String, Object> f : get(trader, path).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items")) {
            Map<String, Object> fill = new HashMap<>();
            fill.put("side", f.get("side").toString().toLowerCase(java.util.Locale.ROOT));
            fill.put("time", Instant.parse((String) f.get(timeField)));
            for (String field : List.of("price", "quantity", "fee")) {
                fill.put(field, new BigDecimal(String.valueOf(f.get(field))).stripTrailingZeros());
            }
            fills.add(fill);
        }
        fills.sort(Comparator.comparing((Map<String, Object> f) -> (Instant) f.get("time"))
                .thenComparing(f -> (String) f.get("side")));
        return fills;
    }

    /** The kinds of the bot's first 100 events, as the API lists them. */
    static List<String> kinds(TestUser trader, String bot) {
        return get(trader, "/api/bots/" + bot + "/events?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.kind", String.class);
    }

    static Response get(TestUser trader, String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
