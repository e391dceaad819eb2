package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.domain.TimeRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper bots on the live candles of the built-in simulated venue {@code SIM} (600 times faster in tests: a 1m candle
 * every 100 ms), warmed up on its stored history: the promise of one code path, live. A paper bot on a live feed and
 * a backtest over the same recorded candles, same strategy, parameters and costs, give identical trades; also when
 * the bot's session is lost mid-run (as in a crash) and it catches up on what closed meanwhile.
 */
@QuarkusTest
class BotLiveSimTest {
    static final String BTC = "SIM:BTC/USDT";
    private static final Map<String, String> SMA = Map.of("fast", "5", "slow", "20");
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    SeedSyntheticDataUseCase seed;

    @Inject
    LoadCandlesQuery candles;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @BeforeEach
    void simHistory() {
        // SIM:BTC/USDT with its last 30 days of 1m candles stored, as the demo has it
        seed.seed();
    }

    @Test
    void a_paper_bot_on_a_live_feed_trades_exactly_as_a_backtest_over_the_same_recorded_candles() {
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startLiveBot(account);
        JsonPath running = awaitBot(bot, b -> candlesTraded(b) >= 250);
        assertThat(running.getString("status")).isEqualTo("running");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);

        JsonPath done = get("/api/bots/" + bot).then().extract().jsonPath();
        Instant from = Instant.parse(done.getString("feed.from"));
        Instant last = Instant.parse(done.getString("lastStep"));
        List<String> kinds = kinds(bot);
        assertThat(kinds).contains("warmed_up").doesNotContain("warm_up_short", "candles_missed", "incident");
        // every step once: the warm-up (20 candles for a 20-period average) and each candle from its start
        assertThat(done.getLong("steps")).isEqualTo(20 + Duration.between(from, last).toMinutes() + 1);

        List<Map<String, Object>> expected = backtestTrades(trader, backtestOnceStored(from, last));
        assertThat(expected).as("trades of the backtest").hasSizeGreaterThan(2);
        assertThat(botTrades(trader, bot)).isEqualTo(expected);
    }

    @Test
    void a_live_bot_that_lost_its_session_mid_run_catches_up_and_still_trades_as_the_backtest() throws Exception {
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startLiveBot(account);
        awaitBot(bot, b -> candlesTraded(b) >= 100);
        runner.release(new BotId(UUID.fromString(bot)));   // as a crash would: nothing stored changes
        Thread.sleep(1_500);                               // about 15 candles close meanwhile
        resume.resumeLiveBots();
        awaitBot(bot, b -> candlesTraded(b) >= 200);
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);

        JsonPath done = get("/api/bots/" + bot).then().extract().jsonPath();
        Instant from = Instant.parse(done.getString("feed.from"));
        Instant last = Instant.parse(done.getString("lastStep"));
        List<String> kinds = kinds(bot);
        assertThat(kinds).containsSubsequence("warmed_up", "recovered", "late_candles")
                .doesNotContain("candles_missed", "incident");
        assertThat(done.getLong("steps")).as("no candle missed or played twice")
                .isEqualTo(20 + Duration.between(from, last).toMinutes() + 1);
        List<Map<String, Object>> expected = backtestTrades(trader, backtestOnceStored(from, last));
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(botTrades(trader, bot)).isEqualTo(expected);
    }

    private String startLiveBot(String account) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "sma live " + UUID.randomUUID());
        request.put("strategy", "sma_crossover");
        request.put("parameters", SMA);
        request.put("instrument", BTC);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200)
                .body("status", equalTo("running"));
        return bot;
    }

    /** The backtest of [from, last] once the feed has stored those candles (and their warm-up). */
    private String backtestOnceStored(Instant from, Instant last) {
        InstrumentId btc = InstrumentId.parse(BTC).get();
        long count = Duration.between(from, last).toMinutes() + 1;
        long warmUpFrom = from.minus(Duration.ofMinutes(20)).toEpochMilli();
        await(() -> candles.load(new io.cryptobot.kernel.domain.UserId(java.util.UUID.randomUUID()), btc, Timeframe.M1, new TimeRange(warmUpFrom, last.toEpochMilli() + 60_000),
                10_000).get().candles().size() == count + 20, "the candles traded stored");
        return backtest(trader, BTC, SMA, from, last.plusSeconds(60));
    }

    private static long candlesTraded(JsonPath bot) {
        String from = bot.getString("feed.from");
        String last = bot.getString("lastStep");
        return from == null || last == null ? 0
                : Duration.between(Instant.parse(from), Instant.parse(last)).toMinutes() + 1;
    }

    /** A completed backtest of sma_crossover at the bots' costs over [from, to), 10,000 USDT. */
    static String backtest(TestUser trader, String instrument, Map<String, String> parameters, Instant from,
                           Instant to) {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
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
            String status = given().header("Authorization", trader.bearer()).get("/api/backtests/" + id).then()
                    .statusCode(200).extract().path("status");
            if ("completed".equals(status)) {
                return id;
            }
            assertThat(status).isIn("queued", "running", "storing");
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleep();
        }
    }

    /** A backtest's trades, the same shape as a bot's: times compared as instants, decimals by value. */
    static List<Map<String, Object>> backtestTrades(TestUser trader, String backtest) {
        return trades(given().header("Authorization", trader.bearer())
                .get("/api/backtests/" + backtest + "/trades?limit=10000"));
    }

    static List<Map<String, Object>> botTrades(TestUser trader, String bot) {
        return trades(given().header("Authorization", trader.bearer()).get("/api/bots/" + bot + "/trades?limit=10000"));
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

    private List<String> kinds(String bot) {
        return get("/api/bots/" + bot + "/events?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.kind", String.class);
    }

    private JsonPath awaitBot(String id, Predicate<JsonPath> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath bot = get("/api/bots/" + id).then().statusCode(200).extract().jsonPath();
            if (until.test(bot)) {
                return bot;
            }
            assertThat(bot.getString("status")).as("bot %s: %s", id, bot.getString("statusReason"))
                    .isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("bot %s at %s", id, bot.getString("lastStep")).isLessThan(deadline);
            sleep();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            sleep();
        }
    }

    private Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
