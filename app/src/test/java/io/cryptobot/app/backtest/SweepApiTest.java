package io.cryptobot.app.backtest;

import static io.cryptobot.app.backtest.BacktestApiTest.awaitFinished;
import static io.cryptobot.app.backtest.BacktestApiTest.get;
import static io.cryptobot.app.backtest.BacktestApiTest.newInstrumentWithCandles;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.backtest.application.port.in.ControlSweepUseCase;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.sweep.ParameterSpace;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.kernel.domain.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sweeps over the API, end to end, on 3 days of synthetic minutes: a grid whose best point is the same backtest
 * as a normal run of its parameters, a random search, a walk-forward reporting out-of-sample apart, and the
 * rules of ownership and validation.
 */
@QuarkusTest
class SweepApiTest {
    @Inject
    SweepStorePort sweeps;

    @Inject
    ControlSweepUseCase control;

    /** An hour after the first candle, so every point has its warm-up candles before the range. */
    static final String FROM = "2024-01-01T01:00:00Z";
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser stranger = TestUsers.create("trader");
    private final TestUser viewer = TestUsers.create("viewer");
    private String instrument;

    @BeforeEach
    void candles() {
        instrument = newInstrumentWithCandles(trader, 4_320);
    }

    @Test
    void a_grid_sweep_ranks_four_points_and_its_best_is_the_same_backtest_as_a_normal_run() {
        io.restassured.response.Response accepted = start(trader, grid());
        accepted.then().statusCode(202).body("status", equalTo("queued")).body("kind", equalTo("grid"));
        assertThat(accepted.header("Location")).endsWith("/api/backtests/sweeps/" + accepted.path("id"));
        String stream = io.restassured.RestAssured.given().header("Authorization", trader.bearer())
                .accept("text/event-stream").get("/api/backtests/sweeps/" + accepted.path("id") + "/events")
                .then().statusCode(200).extract().asString();
        assertThat(stream).contains("data:").contains("\"status\":\"completed\"");
        JsonPath sweep = awaitSweep(trader, accepted.path("id"));
        assertThat(sweep.getString("status")).isEqualTo("completed");
        assertThat(sweep.getInt("pointsDone")).isEqualTo(4);
        assertThat(sweep.getInt("pointsTotal")).isEqualTo(4);
        JsonPath results = get(trader, "/api/backtests/sweeps/" + sweep.getString("id") + "/results").then()
                .statusCode(200).extract().jsonPath();
        assertThat(results.getString("objective")).isEqualTo("totalReturn");
        assertThat(results.getList("ranked.rank", Integer.class)).containsExactly(1, 2, 3, 4);
        assertThat(results.getList("ranked.index", Integer.class)).containsExactlyInAnyOrder(0, 1, 2, 3);
        List<BigDecimal> objectives = results.getList("ranked.objective", String.class).stream()
                .map(BigDecimal::new).toList();
        assertThat(objectives).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Map<String, String> best = results.getMap("ranked[0].parameters");

        Map<String, Object> single = backtest();
        single.put("parameters", best);
        String run = BacktestApiTest.start(trader, single).then().statusCode(202).extract().path("id");
        assertThat(awaitFinished(trader, run).getString("status")).isEqualTo("completed");
        JsonPath report = get(trader, "/api/backtests/" + run + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(results.getString("ranked[0].report.finalEquity")))
                .isEqualByComparingTo(new BigDecimal(report.getString("finalEquity")));
        assertThat(results.getInt("ranked[0].report.trades")).isEqualTo(report.getInt("trades"));
    }

    @Test
    void a_random_sweep_runs_the_sampled_points_and_skips_those_the_strategy_refuses() {
        Map<String, Object> request = grid();
        request.put("kind", "random");
        request.put("space", Map.of("fast", Map.of("min", 5, "max", 40, "step", 5),
                "slow", Map.of("values", List.of(20, 30))));
        request.put("samples", 5);
        request.put("seed", 3);
        request.put("objective", "maxDrawdown");
        String id = start(trader, request).then().statusCode(202).extract().path("id");
        JsonPath sweep = awaitSweep(trader, id);
        assertThat(sweep.getString("status")).isEqualTo("completed");
        JsonPath results = get(trader, "/api/backtests/sweeps/" + id + "/results").then().statusCode(200)
                .extract().jsonPath();
        assertThat(results.getBoolean("maximize")).isFalse();
        // grid index = 2 × fast position + slow position over 8 × 2 points; SplittableRandom(3) draws 0, 1, 6, 10,
        // 12: (5, 20), (5, 30) run; (20, 20), (30, 20), (35, 20) break fast < slow and are skipped
        assertThat(results.getList("ranked.index", Integer.class)).containsExactlyInAnyOrder(0, 1);
        assertThat(results.getInt("skipped")).isEqualTo(3);
        assertThat(results.getList("ranked.objective", String.class).stream().map(BigDecimal::new).toList())
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        // the same seed draws the same points
        String again = start(trader, request).then().statusCode(202).extract().path("id");
        awaitSweep(trader, again);
        assertThat(get(trader, "/api/backtests/sweeps/" + again + "/results").then().extract().jsonPath()
                .getList("ranked.index")).isEqualTo(results.getList("ranked.index"));
    }

    @Test
    void a_walk_forward_reports_each_window_and_the_out_of_sample_aggregate_apart() {
        Map<String, Object> request = grid();
        request.put("kind", "walk_forward");
        request.put("walkForward", Map.of("inSample", "PT12H", "outOfSample", "PT12H"));
        String id = start(trader, request).then().statusCode(202).extract().path("id");
        JsonPath sweep = awaitSweep(trader, id);
        assertThat(sweep.getString("status")).isEqualTo("completed");
        // 71 hours of range: windows start at 0, 12, 24 and 36 hours (start + 24 h <= 71 h); (4 + 1) runs each
        assertThat(sweep.getInt("pointsTotal")).isEqualTo(20);
        JsonPath results = get(trader, "/api/backtests/sweeps/" + id + "/results").then().statusCode(200)
                .extract().jsonPath();
        assertThat(results.getList("ranked")).isEmpty();
        assertThat(results.getList("windows")).hasSize(4);
        assertThat(results.getString("windows[0].inSampleFrom")).isEqualTo("2024-01-01T01:00:00Z");
        assertThat(results.getString("windows[0].outOfSampleFrom")).isEqualTo("2024-01-01T13:00:00Z");
        assertThat(results.getString("windows[1].outOfSampleFrom")).isEqualTo("2024-01-02T01:00:00Z");
        assertThat(results.getInt("outOfSample.windows")).isEqualTo(4);
        double growth = 1;
        int trades = 0;
        for (int w = 0; w < 4; w++) {
            growth *= 1 + Double.parseDouble(results.getString("windows[" + w + "].outOfSample.metrics.totalReturn"));
            trades += results.getInt("windows[" + w + "].outOfSample.trades");
        }
        assertThat(Double.parseDouble(results.getString("outOfSample.compoundedReturn")))
                .isCloseTo(growth - 1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(results.getInt("outOfSample.trades")).isEqualTo(trades);
    }

    @Test
    void sweeps_do_not_clash_with_backtest_ids_and_other_users_sweeps_do_not_exist_for_them() {
        String id = start(trader, grid()).then().statusCode(202).extract().path("id");
        awaitSweep(trader, id);
        // the literal segment is the sweeps resource, not a backtest id
        get(trader, "/api/backtests/sweeps").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
        for (String path : List.of("", "/results")) {
            given().header("Authorization", stranger.bearer()).get("/api/backtests/sweeps/" + id + path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("sweep.not_found"));
        }
        given().header("Authorization", stranger.bearer()).post("/api/backtests/sweeps/" + id + "/cancel")
                .then().statusCode(404);
        assertThat(get(stranger, "/api/backtests/sweeps?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).doesNotContain(id);
        get(trader, "/api/backtests/sweeps/not-a-uuid").then().statusCode(404);
        given().header("Authorization", trader.bearer()).post("/api/backtests/sweeps/" + id + "/cancel")
                .then().statusCode(409).body("code", equalTo("sweep.not_cancellable"));
    }

    @Test
    void no_token_is_401_a_viewer_cannot_start_and_invalid_requests_list_every_problem_and_create_nothing() {
        given().contentType(ContentType.JSON).body(grid()).post("/api/backtests/sweeps").then().statusCode(401);
        given().get("/api/backtests/sweeps").then().statusCode(401);
        start(viewer, grid()).then().statusCode(403);
        get(viewer, "/api/backtests/sweeps").then().statusCode(200);
        long before = get(trader, "/api/backtests/sweeps").then().extract().jsonPath().getLong("total");
        Map<String, Object> request = grid();
        Map<String, Object> base = backtest();
        base.put("timeframe", "7m");
        request.put("backtest", base);
        start(trader, request).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("sweep.invalid_input"))
                .body("errors.field", containsInAnyOrder("backtest.timeframe"));
        Map<String, Object> bad = grid();
        bad.put("kind", "annealing");
        bad.put("objective", "luck");
        bad.put("space", Map.of("fast", Map.of("min", 0, "max", 5, "step", 0), "bogus", Map.of("values", List.of(1))));
        start(trader, bad).then().statusCode(400).body("errors.field", containsInAnyOrder("kind", "space.fast",
                "space.fast", "space.bogus", "objective"));
        Map<String, Object> walk = grid();
        walk.put("kind", "walk_forward");
        walk.put("walkForward", Map.of("inSample", "P30D", "outOfSample", "PT1M"));
        start(trader, walk).then().statusCode(400).body("errors.field", containsInAnyOrder("walkForward.outOfSample"));
        assertThat(get(trader, "/api/backtests/sweeps").then().extract().jsonPath().getLong("total")).isEqualTo(before);
    }

    // ---- helpers ----

    @Test
    void a_sweep_left_running_by_a_dead_process_is_interrupted_and_can_be_resumed_to_completion() {
        BacktestConfig.Raw base = new BacktestConfig.Raw("sma_crossover", Map.of(), List.of(instrument), "1m", FROM,
                BacktestApiTest.TO, "10000", null, "0.001", null, null, null, null, null, null);
        SweepSpec spec = SweepSpec.checked(new SweepSpec.Raw("grid", base, Map.of(
                        "fast", new ParameterSpace.Raw(List.of("5", "10"), null, null, null),
                        "slow", new ParameterSpace.Raw(List.of("20"), null, null, null)), null, null, null, null))
                .get();
        SweepRun running = SweepRun.queue(SweepId.random(), new UserId(trader.id()), spec, Instant.now())
                .start(2, Instant.now());
        sweeps.insert(running);
        assertThat(control.interruptUnfinished()).isGreaterThanOrEqualTo(1);
        String id = running.id().toString();
        get(trader, "/api/backtests/sweeps/" + id).then().statusCode(200).body("status", equalTo("interrupted"));
        given().header("Authorization", stranger.bearer()).post("/api/backtests/sweeps/" + id + "/resume")
                .then().statusCode(404);
        given().header("Authorization", trader.bearer()).post("/api/backtests/sweeps/" + id + "/resume")
                .then().statusCode(202).body("status", equalTo("queued"));
        assertThat(awaitSweep(trader, id).getString("status")).isEqualTo("completed");
        get(trader, "/api/backtests/sweeps/" + id + "/results").then().statusCode(200)
                .body("ranked.size()", equalTo(2));
        given().header("Authorization", trader.bearer()).post("/api/backtests/sweeps/" + id + "/resume")
                .then().statusCode(409).body("code", equalTo("sweep.not_resumable"));
    }

    Map<String, Object> backtest() {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of());
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", FROM);
        request.put("to", BacktestApiTest.TO);
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        return request;
    }

    Map<String, Object> grid() {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "grid");
        request.put("backtest", backtest());
        request.put("space", Map.of("fast", Map.of("values", List.of(5, 10)), "slow", Map.of("values", List.of(20, 30))));
        return request;
    }

    static io.restassured.response.Response start(TestUser user, Map<String, Object> request) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/backtests/sweeps");
    }

    static JsonPath awaitSweep(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath sweep = get(user, "/api/backtests/sweeps/" + id).then().statusCode(200).extract().jsonPath();
            String status = sweep.getString("status");
            if (!"queued".equals(status) && !"running".equals(status)) {
                return sweep;
            }
            assertThat(System.nanoTime()).as("sweep %s still %s", id, status).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
