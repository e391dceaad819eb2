package io.cryptobot.app.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.backtest.StoringGate.Hold;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A run between its engine's end and its results' commit: seen as {@code storing} with its row counts on
 * {@code GET} and on the event stream, refusing what needs a finished run, and finished at the moment its results
 * became visible. {@link StoringGate} holds the run after its first stored-rows report, so every observation is
 * made while it is certainly storing.
 */
@QuarkusTest
class StoringObservedTest {
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    StoringGate gate;

    @Test
    void a_run_storing_its_results_reports_its_rows_and_finishes_when_they_are_visible() throws Exception {
        String instrument = BacktestApiTest.newInstrumentWithCandles(trader, 4_320);
        Hold hold = gate.holdNextStoreOf(new UserId(trader.id()));
        java.util.Map<String, Object> request = request(instrument);
        String id = BacktestApiTest.start(trader, request).then().statusCode(202).extract().path("id");
        assertThat(hold.awaitStoring(120)).as("run %s reached storing", id).isTrue();
        assertThat(hold.run().toString()).isEqualTo(id);

        JsonPath storing = BacktestApiTest.get(trader, "/api/backtests/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(storing.getString("status")).isEqualTo("storing");
        // the report and the equity curve are the first two rows written
        assertThat(hold.rows()).isEqualTo(2);
        assertThat(storing.getLong("rowsStored")).isEqualTo(2);
        long rowsTotal = storing.getLong("rowsTotal");
        assertThat(rowsTotal).isGreaterThan(2);
        assertThat(storing.getLong("candlesProcessed")).isEqualTo(4_320);
        assertThat(storing.getString("finishedAt")).isNull();
        assertThat(storing.getString("etaSeconds")).isNull();

        // no results before they are all visible; no cancel of computed results; no delete of an unfinished run
        for (String path : java.util.List.of("/report", "/trades", "/orders", "/fills", "/equity")) {
            BacktestApiTest.get(trader, "/api/backtests/" + id + path).then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("backtest.no_results"));
        }
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/cancel").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("backtest.storing"));
        given().header("Authorization", trader.bearer()).delete("/api/backtests/" + id).then()
                .statusCode(409).body("code", equalTo("backtest.not_finished"));
        given().header("Authorization", trader.bearer()).post("/api/backtests/" + id + "/resume").then()
                .statusCode(409).body("code", equalTo("backtest.not_resumable"));

        // the event stream shows the storing run, then its completion
        BlockingQueue<String> events = stream("/api/backtests/" + id + "/events");
        String event = next(events, "\"status\":\"storing\"");
        assertThat(event).contains("\"rowsStored\":2").contains("\"rowsTotal\":" + rowsTotal);
        Instant released = hold.release();
        String last = next(events, "\"status\":\"completed\"");
        assertThat(last).contains("\"rowsStored\":" + rowsTotal);

        JsonPath done = BacktestApiTest.get(trader, "/api/backtests/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getLong("rowsStored")).isEqualTo(rowsTotal);
        Instant finishedAt = Instant.parse(done.getString("finishedAt"));
        assertThat(finishedAt).isAfterOrEqualTo(released);
        JsonPath report = BacktestApiTest.get(trader, "/api/backtests/" + id + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(rowsTotal).isEqualTo(2L + report.getInt("trades") + report.getInt("orders")
                + report.getInt("fills"));
    }

    private static java.util.Map<String, Object> request(String instrument) {
        java.util.Map<String, Object> request = new java.util.HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", java.util.Map.of("fast", 5, "slow", 20));
        request.put("instruments", java.util.List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", BacktestApiTest.FROM);
        request.put("to", BacktestApiTest.TO);
        request.put("startingCash", "10000");
        return request;
    }

    /** The {@code data:} lines of a server-sent-event stream, read on their own thread. */
    private BlockingQueue<String> stream(String path) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", trader.bearer()).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(lines::add));
        return lines;
    }

    private static String next(BlockingQueue<String> events, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.contains(containing)) {
                return event;
            }
        }
        throw new AssertionError("no event with " + containing + " within 60 s");
    }
}
