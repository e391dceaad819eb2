package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper bots over the API, end to end on stored candles: the parity promise (a bot replaying candles trades
 * exactly as a backtest of the same strategy over the same candles), its lifecycle, a rebuild from its checkpoint
 * as after a restart, and the rules of ownership and validation.
 */
@QuarkusTest
class BotApiTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-02T00:00:00Z";
    private static final long MAX_SPEED = 10_000_000L;
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");
    private final TestUser viewer = TestUsers.create("viewer");
    private String instrument;
    private String account;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @BeforeEach
    void candlesAndAccount() {
        instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 1_440);
        account = TradingFixtures.paperAccount(trader, "10000");
    }

    @Test
    void a_paper_replay_trades_exactly_as_the_backtest_of_the_same_strategy_and_candles() {
        String backtest = startBacktest();
        String bot = createBot(botRequest(MAX_SPEED)).then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + bot + "/start", null).then().statusCode(200).body("status", equalTo("running"));
        JsonPath done = awaitBot(bot, b -> !b.getString("status").equals("running"));
        assertThat(done.getString("status")).isEqualTo("completed");

        List<Map<String, Object>> expected = backtestTrades(backtest);
        List<Map<String, Object>> actual = botTrades(bot);
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(actual).isEqualTo(expected);

        JsonPath report = get(trader, "/api/backtests/" + backtest + "/report").then().statusCode(200)
                .extract().jsonPath();
        JsonPath orders = get(trader, "/api/orders?bot=" + bot + "&limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(orders.getLong("total")).isEqualTo(report.getLong("orders"));
        JsonPath fills = get(trader, "/api/fills?bot=" + bot + "&limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(fills.getLong("total")).isEqualTo(report.getLong("fills"));
        JsonPath portfolio = get(trader, "/api/bots/" + bot + "/portfolio").then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(portfolio.getString("pnl.equity")))
                .isEqualByComparingTo(new BigDecimal(report.getString("finalEquity")));
        assertThat(new BigDecimal(portfolio.getString("fees.USDT")))
                .isEqualByComparingTo(new BigDecimal(report.getString("feesPaid.USDT")));

        // the same metrics, by the same definitions over the same equity samples
        JsonPath performance = get(trader, "/api/bots/" + bot + "/performance?points=100").then().statusCode(200)
                .extract().jsonPath();
        JsonPath expectedMetrics = get(trader, "/api/backtests/" + backtest + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(expectedMetrics.getString("metrics.totalReturn"))).isNotZero();
        assertThat(performance.getMap("metrics").keySet()).isEqualTo(expectedMetrics.getMap("metrics").keySet());
        for (String metric : List.of("totalReturn", "sharpe", "sortino", "maxDrawdown", "winRate", "profitFactor",
                "exposure", "var95", "annualisedMeaningful", "annualisedNote")) {
            Object expectedValue = expectedMetrics.get("metrics." + metric);
            assertThat((Object) performance.get("metrics." + metric)).as(metric).isEqualTo(expectedValue);
        }
        assertThat(performance.getInt("metrics.tradeCount")).isEqualTo(expected.size());
        assertThat(performance.getInt("samples")).isEqualTo(get(trader, "/api/backtests/" + backtest + "/equity")
                .then().extract().jsonPath().getInt("samples"));
        assertThat(performance.getList("curve")).hasSizeLessThanOrEqualTo(100);
        BigDecimal byDay = performance.getMap("pnlByDay").values().stream().map(v -> new BigDecimal((String) v))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byTrades = actual.stream().map(t -> (BigDecimal) t.get("netPnl")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(byDay).isEqualByComparingTo(byTrades);
        assertThat(performance.getInt("distribution.wins") + performance.getInt("distribution.losses")
                + performance.getInt("distribution.even")).isEqualTo(expected.size());
        assertThat(performance.getMap("exposure")).containsKey("USDT");

        // the user's summary over every bot: this one is their only bot with trades
        JsonPath summary = get(trader, "/api/portfolio/summary").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getString("currencies[0].currency")).isEqualTo("USDT");
        assertThat(new BigDecimal(summary.getString("currencies[0].equity")))
                .isEqualByComparingTo(new BigDecimal(report.getString("finalEquity")));
        assertThat(summary.getInt("currencies[0].trades")).isEqualTo(expected.size());
        assertThat(summary.getList("currencies[0].bots.botId", String.class)).containsExactly(bot);
        assertThat(new BigDecimal(summary.getString("currencies[0].pnlByInstrument['" + instrument + "']")))
                .isEqualByComparingTo(byTrades);
        get(stranger, "/api/portfolio/summary").then().statusCode(200).body("currencies", org.hamcrest.Matchers.empty());
        given().get("/api/portfolio/summary").then().statusCode(401);
    }

    @Test
    void an_order_of_a_bot_keeps_every_event_and_its_fills_in_the_journal() {
        String bot = createBot(botRequest(MAX_SPEED)).then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + bot + "/start", null).then().statusCode(200);
        awaitBot(bot, b -> b.getString("status").equals("completed"));
        JsonPath page = get(trader, "/api/orders?bot=" + bot + "&status=filled&limit=5").then().statusCode(200)
                .extract().jsonPath();
        String order = page.getString("items[0].id");
        assertThat(page.getString("items[0].botId")).isEqualTo(bot);
        assertThat(page.getString("items[0].accountId")).isEqualTo(account);
        JsonPath details = get(trader, "/api/orders/" + order).then().statusCode(200).extract().jsonPath();
        assertThat(details.getList("events.type", String.class))
                .containsExactly("initialized", "submitted", "accepted", "filled");
        assertThat(details.getList("fills")).hasSize(1);
        assertThat(details.getString("fills[0].feeAsset")).isEqualTo("USDT");
        assertThat(new BigDecimal(details.getString("fills[0].quantity")))
                .isEqualByComparingTo(new BigDecimal(details.getString("order.filledQuantity")));
        get(stranger, "/api/orders/" + order).then().statusCode(404).contentType("application/problem+json");
        JsonPath chain = get(trader, "/api/audit/" + page.getString("items[0].correlationId")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(chain.getString("origin.kind")).isEqualTo("signal");
        assertThat(chain.getString("origin.tag")).isEqualTo(page.getString("items[0].tag"));
        assertThat(chain.getList("riskChecks.outcome", String.class)).containsExactly("passed");
        assertThat(chain.getList("positionChanges")).hasSize(details.getList("fills").size());
        get(stranger, "/api/orders?bot=" + bot).then().statusCode(200).body("total", equalTo(0));
        get(trader, "/api/orders?status=nonsense&from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"))
                .body("errors.field", hasItem("from"));
    }

    @Test
    void a_bot_rebuilt_from_its_checkpoint_after_losing_its_session_ends_with_the_same_trades() {
        String backtest = startBacktest();
        // 100 candles a second: slow enough to drop the session mid-way, fast enough to finish in seconds
        String bot = createBot(botRequest(6_000)).then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + bot + "/start", null).then().statusCode(200);
        awaitBot(bot, b -> b.getLong("steps") > 200);
        runner.release(new BotId(UUID.fromString(bot)));   // as a crash would: nothing stored changes
        assertThat(runner.isRunningHere(new BotId(UUID.fromString(bot)))).isFalse();
        resume.resumeLiveBots();
        assertThat(runner.isRunningHere(new BotId(UUID.fromString(bot)))).isTrue();
        JsonPath done = awaitBot(bot, b -> !b.getString("status").equals("running"));
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(botTrades(bot)).isEqualTo(backtestTrades(backtest));
        JsonPath report = get(trader, "/api/backtests/" + backtest + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(get(trader, "/api/orders?bot=" + bot + "&limit=1").then().extract().jsonPath().getLong("total"))
                .isEqualTo(report.getLong("orders"));
        List<String> kinds = get(trader, "/api/bots/" + bot + "/events").then().statusCode(200).extract()
                .jsonPath().getList("items.kind", String.class);
        assertThat(kinds).containsSubsequence("created", "started", "recovered", "completed");
    }

    @Test
    void a_bot_is_paused_resumed_and_stopped_and_each_change_is_recorded() {
        String bot = createBot(botRequest(60)).then().statusCode(201).body("status", equalTo("created"))
                .extract().path("id");
        post(trader, "/api/bots/" + bot + "/pause", Map.of("reason", "x")).then().statusCode(409)
                .body("code", equalTo("bot.illegal_transition"));
        post(trader, "/api/bots/" + bot + "/start", null).then().statusCode(200).body("status", equalTo("running"));
        post(trader, "/api/bots/" + bot + "/start", null).then().statusCode(409);
        post(trader, "/api/bots/" + bot + "/pause", Map.of("reason", "news ahead")).then().statusCode(200)
                .body("status", equalTo("paused")).body("statusReason", equalTo("news ahead"));
        post(trader, "/api/bots/" + bot + "/resume", null).then().statusCode(200).body("status", equalTo("running"));
        post(trader, "/api/bots/" + bot + "/stop", Map.of("reason", "done testing")).then().statusCode(200)
                .body("status", equalTo("stopped"));
        post(trader, "/api/bots/" + bot + "/resume", null).then().statusCode(409);
        assertThat(get(trader, "/api/bots/" + bot + "/events").then().statusCode(200).extract().jsonPath()
                .getList("items.kind", String.class)).containsExactly("created", "started", "paused", "resumed", "stopped");
        assertThat(get(trader, "/api/orders?bot=" + bot + "&status=accepted,submitted,partially_filled").then()
                .extract().jsonPath().getLong("total")).isZero();
        JsonPath listed = get(trader, "/api/bots").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.id", String.class)).contains(bot);
        assertThat(listed.getString("items.find { it.id == '" + bot + "' }.pnl.equity")).isNotNull();
    }

    @Test
    void a_start_beyond_the_running_bots_limit_leaves_the_bot_created_to_be_started_later() {
        // each user may run 20 bots at once (bots-running-per-user, default 20); the 21st is refused, unchanged
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> request = botRequest(1);
            request.put("accountId", TradingFixtures.paperAccount(trader, "1000"));
            String id = createBot(request).then().statusCode(201).extract().path("id");
            post(trader, "/api/bots/" + id + "/start", null).then().statusCode(200);
            started.add(id);
        }
        String last = createBot(botRequest(1)).then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + last + "/start", null).then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("bot.too_many_running"))
                .body("limit", equalTo("bots-running-per-user")).body("max", equalTo(20));
        get(trader, "/api/bots/" + last).then().body("status", equalTo("created"));
        assertThat(get(trader, "/api/bots/" + last + "/events").then().extract().jsonPath().getList("items.kind", String.class))
                .containsExactly("created");
        post(trader, "/api/bots/" + started.get(0) + "/stop", null).then().statusCode(200);
        post(trader, "/api/bots/" + last + "/start", null).then().statusCode(200).body("status", equalTo("running"));
        for (String id : started.subList(1, started.size())) {
            post(trader, "/api/bots/" + id + "/stop", null).then().statusCode(200);
        }
        post(trader, "/api/bots/" + last + "/stop", null).then().statusCode(200);
    }

    @Test
    void one_live_bot_per_paper_account() {
        String first = createBot(botRequest(60)).then().statusCode(201).extract().path("id");
        Map<String, Object> second = botRequest(60);
        second.put("name", "second " + UUID.randomUUID());
        String other = createBot(second).then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + first + "/start", null).then().statusCode(200);
        post(trader, "/api/bots/" + other + "/start", null).then().statusCode(409)
                .body("code", equalTo("bot.account_busy"));
        post(trader, "/api/bots/" + first + "/stop", null).then().statusCode(200);
        post(trader, "/api/bots/" + other + "/start", null).then().statusCode(200);
        post(trader, "/api/bots/" + other + "/stop", null).then().statusCode(200);
    }

    @Test
    void invalid_requests_list_every_problem_and_create_nothing() {
        long before = get(trader, "/api/bots").then().statusCode(200).extract().jsonPath().getLong("total");
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("strategy", "martingale");
        bad.put("instrument", "nonsense");
        bad.put("timeframe", "7m");
        bad.put("accountId", UUID.randomUUID().toString());
        bad.put("feed", Map.of("from", "2024-01-02T00:00:00Z", "to", "2024-01-01T00:00:00Z", "speed", "0"));
        bad.put("takerFee", "0.5");
        JsonPath problem = createBot(bad).then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).contains("name", "strategy", "instrument",
                "timeframe", "to", "speed", "takerFee", "accountId");
        Map<String, Object> strangers = botRequest(60);
        strangers.put("accountId", TradingFixtures.paperAccount(stranger, "500"));
        createBot(strangers).then().statusCode(400).body("errors.field", hasItem("accountId"));
        Map<String, Object> wrongParameters = botRequest(60);
        wrongParameters.put("parameters", Map.of("fast", "30", "slow", "10"));
        createBot(wrongParameters).then().statusCode(400);
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body("{\"name\":")
                .post("/api/bots").then().statusCode(400).contentType("application/problem+json");
        assertThat(get(trader, "/api/bots").then().statusCode(200).extract().jsonPath().getLong("total"))
                .isEqualTo(before);
    }

    @Test
    void every_bot_endpoint_needs_a_token_a_trader_to_act_and_the_owner_to_see() {
        String bot = createBot(botRequest(60)).then().statusCode(201).extract().path("id");
        given().get("/api/bots").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/bots/" + bot).then().statusCode(401);
        given().contentType(ContentType.JSON).body(botRequest(60)).post("/api/bots").then().statusCode(401);
        given().post("/api/bots/" + bot + "/start").then().statusCode(401);
        given().get("/api/orders").then().statusCode(401);
        given().get("/api/fills").then().statusCode(401);

        given().header("Authorization", viewer.bearer()).contentType(ContentType.JSON).body(botRequest(60))
                .post("/api/bots").then().statusCode(403).contentType("application/problem+json");
        for (String action : List.of("start", "pause", "resume", "stop")) {
            post(viewer, "/api/bots/" + bot + "/" + action, null).then().statusCode(403);
        }
        get(viewer, "/api/orders").then().statusCode(200);

        for (String path : List.of("", "/events", "/portfolio", "/trades", "/performance")) {
            get(stranger, "/api/bots/" + bot + path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("bot.not_found"));
        }
        for (String action : List.of("start", "pause", "resume", "stop")) {
            post(stranger, "/api/bots/" + bot + "/" + action, null).then().statusCode(404);
        }
        get(trader, "/api/bots/not-a-uuid").then().statusCode(404);
        get(stranger, "/api/bots").then().statusCode(200).body("total", equalTo(0));
        get(trader, "/api/bots/" + bot).then().statusCode(200).body("status", equalTo("created"));
    }

    // ---- helpers ----

    private Map<String, Object> botRequest(long speed) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "sma " + UUID.randomUUID());
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", "5", "slow", "20"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "replay", "from", FROM, "to", TO, "speed", String.valueOf(speed)));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        return request;
    }

    private String startBacktest() {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 5, "slow", 20));
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", FROM);
        request.put("to", TO);
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
            sleep();
        }
    }

    /** A backtest's trades, the same shape as a bot's: times compared as instants, decimals by value. */
    private List<Map<String, Object>> backtestTrades(String backtest) {
        JsonPath page = get(trader, "/api/backtests/" + backtest + "/trades?limit=10000").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> trades = new ArrayList<>();
        for (Map<String, Object> t : page.<Map<String, Object>>getList("items")) {
            trades.add(trade(t));
        }
        return trades;
    }

    private List<Map<String, Object>> botTrades(String bot) {
        List<Map<String, Object>> trades = new ArrayList<>();
        for (Map<String, Object> t : get(trader, "/api/bots/" + bot + "/trades?limit=10000").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items")) {
            trades.add(trade(t));
        }
        return trades;
    }

    private static Map<String, Object> trade(Map<String, Object> t) {
        Map<String, Object> trade = new HashMap<>();
        trade.put("entryTime", Instant.parse((String) t.get("entryTime")));
        trade.put("exitTime", Instant.parse((String) t.get("exitTime")));
        trade.put("seq", t.get("seq"));
        trade.put("durationSeconds", t.get("durationSeconds"));
        for (String field : List.of("quantity", "entryPrice", "exitPrice", "grossPnl", "fees", "netPnl")) {
            trade.put(field, new BigDecimal(String.valueOf(t.get(field))).stripTrailingZeros());
        }
        trade.put("instrument", t.get("instrument"));
        return trade;
    }

    private Response createBot(Map<String, Object> request) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots");
    }

    private JsonPath awaitBot(String id, Predicate<JsonPath> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            JsonPath bot = get(trader, "/api/bots/" + id).then().statusCode(200).extract().jsonPath();
            if (until.test(bot)) {
                return bot;
            }
            assertThat(bot.getString("status")).as("bot %s", id).isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("bot %s still %s", id, bot.getString("status")).isLessThan(deadline);
            sleep();
        }
    }

    private static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }

    private static Response post(TestUser user, String path, Object body) {
        var request = given().header("Authorization", user.bearer());
        return body == null ? request.post(path) : request.contentType(ContentType.JSON).body(body).post(path);
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
