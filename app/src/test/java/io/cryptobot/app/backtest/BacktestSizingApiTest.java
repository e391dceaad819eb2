package io.cryptobot.app.backtest;

import static io.cryptobot.app.backtest.BacktestApiTest.awaitFinished;
import static io.cryptobot.app.backtest.BacktestApiTest.get;
import static io.cryptobot.app.backtest.BacktestApiTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sizing a backtest's strategy buys with, shown by each run's first buy (instrument of tick 0.01, step 0.00001,
 * prices near 42,000, taker fee 0.1 %, no slippage; the buy is sized at the signal candle's close and fills at the
 * next open, so its cost is the budget give or take that candle's move), and the amounts an instrument's scales
 * can hold.
 */
@QuarkusTest
class BacktestSizingApiTest {
    private final TestUser trader = TestUsers.create("trader");
    private String instrument;

    @BeforeEach
    void candles() {
        instrument = TradingFixtures.newInstrumentWithCandles(trader, BacktestApiTest.FROM, 600);
    }

    @Test
    void left_out_the_strategy_buys_all_in_as_before_and_the_run_says_so() {
        JsonPath run = finished(request(instrument));
        assertThat(run.getString("sizing.kind")).isEqualTo("all_in");
        assertThat(firstBuyCost(run)).isCloseTo(new BigDecimal("10000"), percent(1));
    }

    @Test
    void a_fixed_quantity_buys_exactly_that_quantity() {
        Map<String, Object> request = request(instrument);
        request.put("sizing", Map.of("kind", "fixed_quantity", "quantity", "0.01"));
        JsonPath run = finished(request);
        assertThat(run.getMap("sizing")).isEqualTo(Map.of("kind", "fixed_quantity", "quantity", "0.01"));
        assertThat(firstBuy(run).quantity()).isEqualByComparingTo("0.01");
    }

    @Test
    void a_quote_amount_spends_that_amount_per_entry() {
        Map<String, Object> request = request(instrument);
        request.put("sizing", Map.of("kind", "quote_amount", "amount", 1000));
        JsonPath run = finished(request);
        assertThat(run.getMap("sizing")).isEqualTo(Map.of("kind", "quote_amount", "amount", "1000"));
        assertThat(firstBuyCost(run)).isCloseTo(new BigDecimal("1000"), percent(1));
    }

    @Test
    void a_percent_of_equity_spends_that_share_of_equity() {
        Map<String, Object> request = request(instrument);
        request.put("sizing", Map.of("kind", "percent_of_equity", "percent", "25"));
        JsonPath run = finished(request);
        assertThat(run.getMap("sizing")).isEqualTo(Map.of("kind", "percent_of_equity", "percent", "25"));
        // the first buy: 25 % of 10,000 equity
        assertThat(firstBuyCost(run)).isCloseTo(new BigDecimal("2500"), percent(1));
    }

    @Test
    void dca_buys_with_the_sizing_instead_of_its_amount_and_shows_its_own_amount_when_left_out() {
        Map<String, Object> request = request(instrument);
        request.put("strategy", "dca");
        request.put("parameters", Map.of("interval", 30));
        JsonPath own = finished(request);
        assertThat(own.getMap("sizing")).isEqualTo(Map.of("kind", "quote_amount", "amount", "100"));
        request.put("sizing", Map.of("kind", "fixed_quantity", "quantity", "0.002"));
        JsonPath sized = finished(request);
        assertThat(firstBuy(sized).quantity()).isEqualByComparingTo("0.002");
    }

    @Test
    void sizing_problems_are_400s_naming_each_field_with_the_rest_of_the_request() {
        Map<String, Object> request = request(instrument);
        request.put("sizing", Map.of("kind", "percent_of_equity", "percent", "150", "amount", "5"));
        request.put("timeframe", "7m");
        start(trader, request).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("backtest.invalid_input"))
                .body("errors.field", containsInAnyOrder("sizing.percent", "sizing.amount", "timeframe"));
        request = request(instrument);
        request.put("sizing", Map.of("kind", "moon"));
        start(trader, request).then().statusCode(400).body("errors.field", containsInAnyOrder("sizing.kind"));
        request.put("sizing", Map.of("kind", "fixed_quantity"));
        start(trader, request).then().statusCode(400).body("errors.field", containsInAnyOrder("sizing.quantity"));
        // the instrument's step is 0.00001
        request.put("sizing", Map.of("kind", "fixed_quantity", "quantity", "0.000015"));
        start(trader, request).then().statusCode(400).body("errors.field", containsInAnyOrder("sizing.quantity"))
                .body("errors.reason", hasItem(org.hamcrest.Matchers.containsString("step 0.00001")));
        request = request(instrument);
        request.put("strategy", "dca");
        request.put("parameters", Map.of("amount", "50"));
        request.put("sizing", Map.of("kind", "all_in"));
        start(trader, request).then().statusCode(400).body("errors.field", containsInAnyOrder("sizing.kind", "sizing"));
        request.put("strategy", "manual");
        request.put("parameters", Map.of());
        start(trader, request).then().statusCode(400).body("errors.field", containsInAnyOrder("sizing"));
    }

    @Test
    void starting_cash_the_quote_scale_cannot_hold_is_refused_naming_the_largest_accepted_value() {
        // tick 0.01 and step 0.00000001: amounts at 10 decimals, a long holds 922,337,203.6854775807 of them, and
        // the starting cash keeps room to grow 100 times: at most floor(Long.MAX_VALUE / 100) units
        String fine = TradingFixtures.newInstrumentWithCandles(trader, BacktestApiTest.FROM, 600, "0.01",
                "0.00000001");
        Map<String, Object> request = request(fine);
        request.put("startingCash", "1000000000");
        start(trader, request).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("startingCash"))
                .body("errors[0].reason", org.hamcrest.Matchers.endsWith("the largest accepted is 9223372.0368547758"));
        request.put("startingCash", "9223372.0368547758");
        assertThat(finished(request).getString("status")).isEqualTo("completed");
    }

    private JsonPath finished(Map<String, Object> request) {
        String id = start(trader, request).then().statusCode(202).extract().path("id");
        JsonPath run = awaitFinished(trader, id);
        assertThat(run.getString("status")).as("%s", run.getString("failure")).isEqualTo("completed");
        return run;
    }

    private record Fill(BigDecimal quantity, BigDecimal price) {
    }

    private Fill firstBuy(JsonPath run) {
        JsonPath fills = get(trader, "/api/backtests/" + run.getString("id") + "/fills?limit=1").then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(fills.getString("items[0].side")).isEqualTo("buy");
        return new Fill(new BigDecimal(fills.getString("items[0].quantity")),
                new BigDecimal(fills.getString("items[0].price")));
    }

    private BigDecimal firstBuyCost(JsonPath run) {
        Fill buy = firstBuy(run);
        return buy.quantity().multiply(buy.price());
    }

    private static org.assertj.core.data.Percentage percent(double value) {
        return org.assertj.core.data.Percentage.withPercentage(value);
    }

    static Map<String, Object> request(String instrument) {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 5, "slow", 20));
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", BacktestApiTest.FROM);
        request.put("to", "2024-01-01T10:00:00Z");
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        return request;
    }
}
