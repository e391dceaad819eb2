package io.cryptobot.app.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.backtest.application.port.in.ControlBacktestUseCase;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backtests over the API, end to end: synthetic candles stored through the market-data API, a run started,
 * followed, its results read, and every rule of ownership and validation.
 */
@QuarkusTest
class BacktestApiTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-04T00:00:00Z";
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");
    private final TestUser viewer = TestUsers.create("viewer");
    private String instrument;

    @Inject
    BacktestStorePort store;

    @Inject
    ControlBacktestUseCase control;

    @BeforeEach
    void candles() {
        instrument = newInstrumentWithCandles(trader, 4_320);
    }

    @Test
    void a_run_completes_and_its_report_trades_orders_fills_and_equity_agree() {
        io.restassured.response.Response accepted = start(trader, request());
        accepted.then().statusCode(202).body("status", equalTo("queued"));
        assertThat(accepted.header("Location")).endsWith("/api/backtests/" + accepted.path("id"));
        JsonPath run = awaitFinished(trader, accepted.path("id"));
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("progress")).isEqualTo("1"); // a decimal string, like every non-integer
        // 3 days of minutes plus the 20-candle warm-up of SMA(20) = 4,320 candles loaded (the series starts at FROM)
        assertThat(run.getLong("candlesProcessed")).isEqualTo(4_320);
        String id = run.getString("id");

        JsonPath report = get(trader, "/api/backtests/" + id + "/report").then().statusCode(200).extract().jsonPath();
        int trades = report.getInt("trades");
        assertThat(trades).isGreaterThan(5);
        assertThat(report.getInt("fills")).isBetween(2 * trades, 2 * trades + 1);
        BigDecimal netPnl = new BigDecimal(report.getString("netPnl"));
        assertThat(new BigDecimal(report.getString("finalEquity")))
                .isEqualByComparingTo(new BigDecimal("10000").add(netPnl));
        assertThat(Double.parseDouble(report.getString("metrics.totalReturn")))
                .isCloseTo(netPnl.doubleValue() / 10_000, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.getInt("metrics.tradeCount")).isEqualTo(trades);
        // three days extrapolated to a year: flagged, not hidden
        assertThat(report.getBoolean("metrics.annualisedMeaningful")).isFalse();
        assertThat(report.getString("metrics.annualisedNote")).contains("less than 30 days");

        JsonPath tradePage = get(trader, "/api/backtests/" + id + "/trades?limit=10000").then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(tradePage.getLong("total")).isEqualTo(trades);
        assertThat(tradePage.getLong("items[0].durationSeconds")).isEqualTo(Duration.between(
                Instant.parse(tradePage.getString("items[0].entryTime")),
                Instant.parse(tradePage.getString("items[0].exitTime"))).toSeconds());
        BigDecimal sumNet = tradePage.getList("items.netPnl", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (report.getMap("openPositions").isEmpty()) {
            // flat at the end: the books balance exactly, trade by trade
            assertThat(sumNet).isEqualByComparingTo(netPnl);
        }
        String csv = given().header("Authorization", trader.bearer()).get("/api/backtests/" + id + "/trades.csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize(trades + 1).first().asString().startsWith("seq,instrument,entry_time");

        JsonPath orders = get(trader, "/api/backtests/" + id + "/orders?limit=5").then().statusCode(200)
                .extract().jsonPath();
        assertThat(orders.getString("items[0].status")).isEqualTo("filled");
        assertThat(orders.getList("items[0].events.type", String.class))
                .containsExactly("initialized", "submitted", "accepted", "filled");
        get(trader, "/api/backtests/" + id + "/fills?limit=5").then().statusCode(200)
                .body("items[0].liquidity", equalTo("taker")).body("items[0].feeAsset", equalTo("USDT"));

        JsonPath equity = get(trader, "/api/backtests/" + id + "/equity?points=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(equity.getInt("samples")).isEqualTo(4_320);
        assertThat(equity.getInt("returned")).isLessThanOrEqualTo(100);
        Instant.parse(equity.getString("points[-1].time"));
        double lastEquity = Double.parseDouble(equity.getString("points[-1].equity"));
        assertThat(lastEquity).isCloseTo(new BigDecimal(report.getString("finalEquity")).doubleValue(),
                org.assertj.core.api.Assertions.within(1e-6));
        String equityCsv = given().header("Authorization", trader.bearer())
                .get("/api/backtests/" + id + "/equity.csv").then().statusCode(200).extract().asString();
        assertThat(equityCsv.lines()).hasSize(4_320 + 1);
    }

    @Test
    void the_same_request_gives_the_same_results() {
        String first = awaitFinished(trader, start(trader, request()).then().statusCode(202).extract().path("id"))
                .getString("id");
        String second = awaitFinished(trader, start(trader, request()).then().statusCode(202).extract().path("id"))
                .getString("id");
        JsonPath a = get(trader, "/api/backtests/" + first + "/report").then().statusCode(200).extract().jsonPath();
        JsonPath b = get(trader, "/api/backtests/" + second + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(b.getString("finalEquity")).isEqualTo(a.getString("finalEquity"));
        assertThat(b.getMap("metrics")).isEqualTo(a.getMap("metrics"));
        String tradesA = given().header("Authorization", trader.bearer()).get("/api/backtests/" + first + "/trades.csv")
                .asString();
        String tradesB = given().header("Authorization", trader.bearer()).get("/api/backtests/" + second + "/trades.csv")
                .asString();
        assertThat(tradesB).isEqualTo(tradesA);
    }

    @Test
    void several_instruments_trade_from_one_shared_cash_balance() {
        String second = newInstrumentWithCandles(trader, 4_320);
        Map<String, Object> request = request();
        request.put("instruments", List.of(instrument, second));
        String id = awaitFinished(trader, start(trader, request).then().statusCode(202).extract().path("id"))
                .getString("id");
        JsonPath run = get(trader, "/api/backtests/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getLong("candlesProcessed")).isEqualTo(2 * 4_320);
        JsonPath fills = get(trader, "/api/backtests/" + id + "/fills?limit=10000").then().statusCode(200)
                .extract().jsonPath();
        assertThat(fills.getList("items.instrument", String.class)).contains(instrument, second);
        // one equity sample per time step, not per candle: both series share their open times
        get(trader, "/api/backtests/" + id + "/equity?points=10").then().statusCode(200)
                .body("samples", equalTo(4_320));
    }

    @Test
    void progress_streams_as_server_sent_events_until_the_run_finishes() {
        String id = start(trader, request()).then().statusCode(202).extract().path("id");
        String stream = given().header("Authorization", trader.bearer()).accept("text/event-stream")
                .get("/api/backtests/" + id + "/events").then().statusCode(200).extract().asString();
        assertThat(stream).contains("data:").contains("\"status\":\"completed\"");
    }

    @Test
    void other_users_runs_do_not_exist_for_them() {
        String id = start(trader, request()).then().statusCode(202).extract().path("id");
        awaitFinished(trader, id);
        for (String path : List.of("", "/report", "/trades", "/trades.csv", "/orders", "/fills", "/equity",
                "/equity.csv", "/events")) {
            given().header("Authorization", stranger.bearer()).get("/api/backtests/" + id + path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("backtest.not_found"));
        }
        given().header("Authorization", stranger.bearer()).post("/api/backtests/" + id + "/cancel")
                .then().statusCode(404);
        given().header("Authorization", stranger.bearer()).post("/api/backtests/" + id + "/resume")
                .then().statusCode(404);
        JsonPath theirs = get(stranger, "/api/backtests?limit=100").then().statusCode(200).extract().jsonPath();
        assertThat(theirs.getList("items.id", String.class)).doesNotContain(id);
    }

    @Test
    void no_token_is_401_and_a_viewer_cannot_start_or_cancel() {
        given().contentType(ContentType.JSON).body(request()).post("/api/backtests").then().statusCode(401);
        given().get("/api/backtests").then().statusCode(401);
        start(viewer, request()).then().statusCode(403).contentType("application/problem+json");
        String id = start(trader, request()).then().statusCode(202).extract().path("id");
        given().header("Authorization", viewer.bearer()).post("/api/backtests/" + id + "/cancel")
                .then().statusCode(403);
        get(viewer, "/api/strategies").then().statusCode(200)
                .body("items.id", hasItems("sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_breakout",
                        "macd", "dca", "grid", "manual"));
    }

    @Test
    void invalid_requests_list_every_problem_and_create_nothing() {
        long before = get(trader, "/api/backtests").then().extract().jsonPath().getLong("total");
        Map<String, Object> request = request();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 0, "slow", 20, "bogus", 1));
        request.put("from", TO);
        request.put("to", FROM);
        request.put("timeframe", "7m");
        request.put("startingCash", "-5");
        request.put("takerFee", "0.5");
        start(trader, request).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("backtest.invalid_input"))
                .body("errors.field", containsInAnyOrder("parameters.bogus", "parameters.fast", "timeframe", "to",
                        "startingCash", "takerFee"));
        Map<String, Object> unknown = request();
        unknown.put("strategy", "moon");
        unknown.put("instruments", List.of("NOWHERE:XXX/USDT"));
        start(trader, unknown).then().statusCode(400).body("errors.field", containsInAnyOrder("strategy"));
        Map<String, Object> noData = request();
        noData.put("instruments", List.of("NOWHERE:XXX/USDT"));
        start(trader, noData).then().statusCode(400).body("errors.field", containsInAnyOrder("instruments"))
                .body("errors.reason", hasItems("unknown instrument NOWHERE:XXX/USDT"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body("{not json")
                .post("/api/backtests").then().statusCode(400).contentType("application/problem+json");
        get(trader, "/api/backtests/not-a-uuid").then().statusCode(404);
        assertThat(get(trader, "/api/backtests").then().extract().jsonPath().getLong("total")).isEqualTo(before);
    }

    @Test
    void a_user_with_ten_unfinished_runs_is_asked_to_wait() {
        TestUser busy = TestUsers.create("trader");
        // candles of the busy user's own: a run reads its owner's view, and the trader's uploads are the trader's
        Map<String, Object> busyRequest = request();
        busyRequest.put("instruments", List.of(newInstrumentWithCandles(busy, 60)));
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover", Map.of(),
                List.of(instrument), "1m", FROM, TO, null, null, null, null, null, null, null, null, null)).get();
        List<BacktestRun> held = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BacktestRun running = BacktestRun.queue(BacktestId.random(), new UserId(busy.id()), config, Instant.now())
                    .start(4_320, Instant.now());
            store.insert(running);
            held.add(running);
        }
        start(busy, busyRequest).then().statusCode(429).header("Retry-After", "5")
                .body("code", equalTo("backtest.too_many_unfinished"));
        // others are not affected
        start(trader, request()).then().statusCode(202);
        held.forEach(run -> store.update(run.fail("test over", Instant.now()), io.cryptobot.backtest.domain.BacktestStatus.RUNNING));
        start(busy, busyRequest).then().statusCode(202);
    }

    @Test
    void finished_runs_cannot_be_cancelled_and_completed_runs_cannot_be_resumed() {
        String id = start(trader, request()).then().statusCode(202).extract().path("id");
        awaitFinished(trader, id);
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/cancel")
                .then().statusCode(409).body("code", equalTo("backtest.not_cancellable"));
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/resume")
                .then().statusCode(409).body("code", equalTo("backtest.not_resumable"));
        // a finished run can be deleted with everything it stored, by its owner only
        given().header("Authorization", stranger.bearer()).delete("/api/backtests/" + id).then().statusCode(404);
        given().header("Authorization", viewer.bearer()).delete("/api/backtests/" + id).then().statusCode(403);
        given().header("Authorization", trader.bearer()).delete("/api/backtests/" + id).then().statusCode(204);
        get(trader, "/api/backtests/" + id).then().statusCode(404);
        get(trader, "/api/backtests/" + id + "/trades").then().statusCode(404);
        assertThat(store.equity(BacktestId.parse(id).get())).isEmpty();
        assertThat(store.report(BacktestId.parse(id).get())).isEmpty();
    }

    @Test
    void a_run_left_running_by_a_dead_process_is_interrupted_at_start_up_and_can_be_resumed() {
        Map<String, String> params = Map.of("fast", "5", "slow", "20");
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover", params,
                List.of(instrument), "1m", FROM, TO, "10000", null, null, null, null, null, null, null, null)).get();
        BacktestRun running = BacktestRun.queue(BacktestId.random(), new UserId(trader.id()), config, Instant.now())
                .start(4_320, Instant.now()).progress(1_000);
        store.insert(running);

        assertThat(control.interruptUnfinished()).isGreaterThanOrEqualTo(1);
        String id = running.id().toString();
        get(trader, "/api/backtests/" + id).then().statusCode(200).body("status", equalTo("interrupted"))
                .body("failure", org.hamcrest.Matchers.containsString("stopped"));
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/resume")
                .then().statusCode(202).body("status", equalTo("queued")).body("attempt", equalTo(2));
        assertThat(awaitFinished(trader, id).getString("status")).isEqualTo("completed");
        get(trader, "/api/backtests/" + id + "/report").then().statusCode(200);
    }

    @Test
    void a_run_left_storing_by_a_dead_process_is_interrupted_at_start_up_with_no_results_and_can_be_resumed() {
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover",
                Map.of("fast", "5", "slow", "20"), List.of(instrument), "1m", FROM, TO, "10000", null, null, null,
                null, null, null, null, null)).get();
        BacktestRun running = BacktestRun.queue(BacktestId.random(), new UserId(trader.id()), config, Instant.now())
                .start(4_320, Instant.now());
        store.insert(running);
        BacktestRun storing = running.storing(4_320, 1_000).get().stored(400);
        assertThat(store.update(storing, io.cryptobot.backtest.domain.BacktestStatus.RUNNING)).isTrue();

        assertThat(control.interruptUnfinished()).isGreaterThanOrEqualTo(1);
        String id = storing.id().toString();
        get(trader, "/api/backtests/" + id).then().statusCode(200).body("status", equalTo("interrupted"))
                .body("failure", org.hamcrest.Matchers.containsString("storing")).body("rowsStored", equalTo(0));
        get(trader, "/api/backtests/" + id + "/report").then().statusCode(409)
                .body("code", equalTo("backtest.no_results"));
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/resume")
                .then().statusCode(202).body("status", equalTo("queued")).body("attempt", equalTo(2));
        JsonPath done = awaitFinished(trader, id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("rowsStored")).isEqualTo(done.getLong("rowsTotal")).isGreaterThan(2);
        get(trader, "/api/backtests/" + id + "/report").then().statusCode(200);
    }

    @Test
    void a_cancel_while_queued_or_running_stops_the_run_and_leaves_no_results() {
        // a year of minutes keeps a worker busy long enough to be cancelled while queued or running
        String big = newInstrumentWithCandles(trader, 200_000);
        Map<String, Object> request = request();
        request.put("instruments", List.of(big));
        request.put("to", "2024-06-01T00:00:00Z");
        // both workers (one per core) busy with runs ahead of it, the third run is still queued when cancelled
        for (int busy = 0; busy < Runtime.getRuntime().availableProcessors(); busy++) {
            start(trader, request).then().statusCode(202);
        }
        String id = start(trader, request).then().statusCode(202).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        JsonPath finished = awaitFinished(trader, id);
        assertThat(finished.getString("status")).isEqualTo("cancelled");
        get(trader, "/api/backtests/" + id + "/report").then().statusCode(409)
                .body("code", equalTo("backtest.no_results"));
    }

    // ---- helpers ----

    Map<String, Object> request() {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 5, "slow", 20));
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", FROM);
        request.put("to", TO);
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        return request;
    }

    static io.restassured.response.Response start(TestUser user, Map<String, Object> request) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/backtests");
    }

    static io.restassured.response.Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }

    static JsonPath awaitFinished(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath run = get(user, "/api/backtests/" + id).then().statusCode(200).extract().jsonPath();
            String status = run.getString("status");
            if (!"queued".equals(status) && !"running".equals(status) && !"storing".equals(status)) {
                return run;
            }
            assertThat(System.nanoTime()).as("run %s still %s", id, status).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A fresh instrument (tick 0.01, step 0.00001) with {@code count} seeded synthetic 1m candles from FROM. */
    static String newInstrumentWithCandles(TestUser trader, int count) {
        return io.cryptobot.app.support.TradingFixtures.newInstrumentWithCandles(trader, FROM, count);
    }
}
