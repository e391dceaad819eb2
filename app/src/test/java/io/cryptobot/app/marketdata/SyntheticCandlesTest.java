package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyntheticCandlesTest {
    private final TestUser trader = TestUsers.create("trader");

    @Test
    void generates_a_seeded_series_through_an_import_job_and_the_same_seed_adds_nothing() {
        String base = MarketData.newInstrument(trader);
        Map<String, Object> request = request(base, 42);

        JsonPath job = generate(request);
        JsonPath again = generate(request);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("inserted")).isEqualTo(1_440);
        assertThat(again.getLong("inserted")).isZero();
        assertThat(again.getLong("duplicates")).isEqualTo(1_440);
        given().header("Authorization", trader.bearer()).queryParam("timeframe", "1m")
                .queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2024-01-02T00:00:00Z")
                .get(MarketData.candlesPath(base) + "/gaps")
                .then().statusCode(200).body("missing", equalTo(0));
    }

    @Test
    void the_same_seed_on_two_instruments_gives_identical_candles() {
        String first = MarketData.newInstrument(trader);
        String second = MarketData.newInstrument(trader);

        generate(request(first, 7));
        generate(request(second, 7));

        assertThat(candles(second)).isEqualTo(candles(first)).hasSize(1_000);
    }

    @Test
    void invalid_generator_settings_are_listed() {
        String base = MarketData.newInstrument(trader);
        Map<String, Object> request = request(base, 1);
        request.put("from", "2024-01-01T00:00:30Z");
        request.put("count", 0);
        request.put("startPrice", "100.001");
        request.put("volatility", 3);

        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/marketdata/synthetic")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("startPrice"));
        request.put("startPrice", "100");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/marketdata/synthetic")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("from", "count", "volatility"));
    }

    @Test
    void decimals_are_strings_as_everywhere_and_json_numbers_are_accepted_too() {
        String asNumbers = MarketData.newInstrument(trader);
        String asStrings = MarketData.newInstrument(trader);
        generate(request(asNumbers, 7));
        Map<String, Object> strings = request(asStrings, 7);
        strings.put("volatility", "0.001");
        strings.put("drift", "0");
        generate(strings);
        assertThat(candles(asStrings)).isEqualTo(candles(asNumbers)).hasSize(1_000);

        strings.put("volatility", "1e-3");
        strings.put("drift", "a little");
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(strings)
                .post("/api/marketdata/synthetic")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("volatility", "drift"));
    }

    private Map<String, Object> request(String base, long seed) {
        Map<String, Object> request = new HashMap<>();
        request.put("instrument", MarketData.instrument(base));
        request.put("timeframe", "1m");
        request.put("from", "2024-01-01T00:00:00Z");
        request.put("count", seed == 7 ? 1_000 : 1_440);
        request.put("seed", seed);
        request.put("startPrice", "42000.00");
        request.put("volatility", 0.001);
        return request;
    }

    private JsonPath generate(Map<String, Object> request) {
        String id = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/marketdata/synthetic")
                .then().statusCode(202).extract().path("id");
        return MarketData.awaitJob(trader, id);
    }

    private List<Map<String, Object>> candles(String base) {
        return given().header("Authorization", trader.bearer()).queryParam("timeframe", "1m")
                .queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2024-01-02T00:00:00Z")
                .queryParam("limit", 10_000)
                .get(MarketData.candlesPath(base))
                .then().statusCode(200).extract().jsonPath().getList("candles");
    }
}
