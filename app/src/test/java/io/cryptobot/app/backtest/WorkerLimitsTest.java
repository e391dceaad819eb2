package io.cryptobot.app.backtest;

import static io.cryptobot.app.backtest.BacktestApiTest.awaitFinished;
import static io.cryptobot.app.backtest.BacktestApiTest.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.backtest.StoringGate.Holding;
import io.cryptobot.app.support.SmallUserLimits;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.application.port.out.SweepStorePort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.backtest.domain.sweep.ParameterSpace;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.backtest.domain.sweep.SweepSpec;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared backtest workers under per-user limits ({@link SmallUserLimits}): sweeps too large or too many are
 * refused naming the limit, with nothing stored, active backtests are bounded, and the workers are taken round
 * robin between users, so one user's queue does not hold back another user's run.
 */
@QuarkusTest
@TestProfile(SmallUserLimits.class)
class WorkerLimitsTest {
    private final TestUser trader = TestUsers.create("trader");
    private final TestUser other = TestUsers.create("trader");
    private String instrument;

    @Inject
    SweepStorePort sweeps;

    @Inject
    BacktestStorePort runs;

    @Inject
    StoringGate gate;

    @BeforeEach
    void candles() {
        instrument = BacktestApiTest.newInstrumentWithCandles(trader, 4_320);
        // uploads are private: the other user runs over candles of their own
        io.cryptobot.app.support.TradingFixtures.generateCandles(other, instrument, BacktestApiTest.FROM, 4_320);
    }

    @Test
    void a_sweep_of_more_backtests_than_one_sweep_may_run_is_413_and_stores_nothing() {
        // 7 points, one more than points-per-sweep
        Map<String, Object> request = grid(List.of(3, 4, 5, 6, 7, 8, 9), List.of(30));

        SweepApiTest.start(trader, request).then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("sweep.too_many_points"))
                .body("limit", equalTo("points-per-sweep"))
                .body("max", equalTo(SmallUserLimits.POINTS_PER_SWEEP))
                .body("detail", org.hamcrest.Matchers.containsString("7 backtests"));
        get(trader, "/api/backtests/sweeps").then().statusCode(200).body("total", equalTo(0));

        // a walk-forward counts its windows: 2 points × 4 windows, each run once more out of sample = 12
        Map<String, Object> walk = grid(List.of(5, 10), List.of(30));
        walk.put("kind", "walk_forward");
        walk.put("walkForward", Map.of("inSample", "PT12H", "outOfSample", "PT12H"));
        SweepApiTest.start(trader, walk).then().statusCode(413).body("code", equalTo("sweep.too_many_points"))
                .body("detail", org.hamcrest.Matchers.containsString("12 backtests"));
        get(trader, "/api/backtests/sweeps").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void a_user_with_as_many_sweeps_going_as_allowed_is_asked_to_wait_and_others_are_not() {
        SweepRun running = SweepRun.queue(SweepId.random(), new UserId(trader.id()), spec(), Instant.now())
                .start(2, Instant.now());
        sweeps.insert(running);

        SweepApiTest.start(trader, grid(List.of(5, 10), List.of(30))).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("code", equalTo("sweep.too_many_active"))
                .body("limit", equalTo("sweeps-active-per-user"))
                .body("max", equalTo(SmallUserLimits.SWEEPS_ACTIVE));
        get(trader, "/api/backtests/sweeps").then().statusCode(200).body("total", equalTo(1));
        // another user's sweep is not affected
        String theirs = SweepApiTest.start(other, grid(List.of(5, 10), List.of(30))).then().statusCode(202)
                .extract().path("id");

        // once the sweep has ended, the next is taken
        sweeps.update(running.fail("test over", Instant.now()), BacktestStatus.RUNNING);
        String mine = SweepApiTest.start(trader, grid(List.of(5, 10), List.of(30))).then().statusCode(202)
                .extract().path("id");
        assertThat(SweepApiTest.awaitSweep(trader, mine).getString("status")).isEqualTo("completed");
        assertThat(SweepApiTest.awaitSweep(other, theirs).getString("status")).isEqualTo("completed");
    }

    @Test
    void a_resumed_sweep_counts_against_the_same_limit() {
        SweepRun failed = SweepRun.queue(SweepId.random(), new UserId(trader.id()), spec(), Instant.now())
                .start(2, Instant.now()).fail("test", Instant.now());
        sweeps.insert(failed);
        SweepRun running = SweepRun.queue(SweepId.random(), new UserId(trader.id()), spec(), Instant.now())
                .start(2, Instant.now());
        sweeps.insert(running);

        given().header("Authorization", trader.bearer()).post("/api/backtests/sweeps/" + failed.id() + "/resume")
                .then().statusCode(429).body("code", equalTo("sweep.too_many_active"))
                .body("limit", equalTo("sweeps-active-per-user"));
        get(trader, "/api/backtests/sweeps/" + failed.id()).then().body("status", equalTo("failed"));
        sweeps.update(running.fail("test over", Instant.now()), BacktestStatus.RUNNING);
    }

    @Test
    void active_backtests_are_limited_per_user_and_the_refusal_names_the_limit() {
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover", Map.of(),
                List.of(instrument), "1m", BacktestApiTest.FROM, BacktestApiTest.TO, null, null, null, null, null,
                null, null, null, null)).get();
        List<BacktestRun> held = new ArrayList<>();
        for (int i = 0; i < SmallUserLimits.BACKTESTS_ACTIVE; i++) {
            BacktestRun run = BacktestRun.queue(BacktestId.random(), new UserId(trader.id()), config, Instant.now())
                    .start(4_320, Instant.now());
            runs.insert(run);
            held.add(run);
        }
        long before = get(trader, "/api/backtests").then().extract().jsonPath().getLong("total");

        BacktestApiTest.start(trader, backtest()).then().statusCode(429).header("Retry-After", "5")
                .body("code", equalTo("backtest.too_many_unfinished"))
                .body("limit", equalTo("backtests-active-per-user"))
                .body("max", equalTo(SmallUserLimits.BACKTESTS_ACTIVE));
        assertThat(get(trader, "/api/backtests").then().extract().jsonPath().getLong("total")).isEqualTo(before);
        held.forEach(run -> runs.update(run.fail("test over", Instant.now()), BacktestStatus.RUNNING));
    }

    /**
     * Every worker is held by one of user A's runs (each held once storing, by {@link StoringGate}), two more of
     * A's runs are queued, then B queues one. When one worker frees up it goes to B, whose run starts before A's
     * later runs although those were queued first.
     */
    @Test
    void another_users_backtest_starts_before_the_rest_of_a_long_queue() throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        Holding hold = gate.holdEveryStoreOf(new UserId(trader.id()));
        try {
            List<String> first = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                first.add(BacktestApiTest.start(trader, backtest()).then().statusCode(202).extract().path("id"));
            }
            List<BacktestId> holding = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                BacktestId run = hold.nextHeld(120);
                assertThat(run).as("run %d of %d holds a worker", i + 1, workers).isNotNull();
                holding.add(run);
            }
            List<String> later = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                later.add(BacktestApiTest.start(trader, backtest()).then().statusCode(202).extract().path("id"));
            }
            String b = BacktestApiTest.start(other, backtest()).then().statusCode(202).extract().path("id");
            for (String id : later) {
                get(trader, "/api/backtests/" + id).then().body("status", equalTo("queued"));
            }
            get(other, "/api/backtests/" + b).then().body("status", equalTo("queued"));

            hold.release(holding.get(0));
            // the freed worker takes B's run, then (B's done) A's next, which is held in its turn
            assertThat(hold.nextHeld(120)).as("a later run of A reached storing").isNotNull();
            hold.releaseAll();

            Instant bStarted = Instant.parse(awaitFinished(other, b).getString("startedAt"));
            for (String id : later) {
                Instant started = Instant.parse(awaitFinished(trader, id).getString("startedAt"));
                assertThat(bStarted).as("B's run started before A's run %s queued before it", id)
                        .isBefore(started);
            }
            for (String id : first) {
                assertThat(awaitFinished(trader, id).getString("status")).isEqualTo("completed");
            }
        } finally {
            hold.releaseAll();
        }
    }

    private SweepSpec spec() {
        BacktestConfig.Raw base = new BacktestConfig.Raw("sma_crossover", Map.of(), List.of(instrument), "1m",
                SweepApiTest.FROM, BacktestApiTest.TO, "10000", null, "0.001", null, null, null, null, null, null);
        return SweepSpec.checked(new SweepSpec.Raw("grid", base, Map.of(
                "fast", new ParameterSpace.Raw(List.of("5", "10"), null, null, null),
                "slow", new ParameterSpace.Raw(List.of("20"), null, null, null)), null, null, null, null)).get();
    }

    private Map<String, Object> backtest() {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 5, "slow", 20));
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", BacktestApiTest.FROM);
        request.put("to", BacktestApiTest.TO);
        request.put("startingCash", "10000");
        return request;
    }

    private Map<String, Object> grid(List<Integer> fast, List<Integer> slow) {
        Map<String, Object> base = backtest();
        base.remove("parameters");
        base.put("from", SweepApiTest.FROM);
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "grid");
        request.put("backtest", base);
        request.put("space", Map.of("fast", Map.of("values", fast), "slow", Map.of("values", slow)));
        return request;
    }
}
