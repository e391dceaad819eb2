package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.CandleImportTest.lines;
import static io.cryptobot.app.marketdata.MarketData.kline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CandleQueryTest {
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final long MIN = 60_000;
    private final TestUser admin = TestUsers.create("admin");
    private final TestUser viewer = TestUsers.create("viewer");

    /** Shared data (an admin's import): minutes 0..9 except 3, 4 and 7 (seven candles, two gaps). */
    private String instrumentWithHoles() {
        String base = MarketData.newInstrument(admin);
        List<String> rows = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            if (m != 3 && m != 4 && m != 7) {
                String price = (100 + m) + ".00";
                rows.add(kline(T0 + m * MIN, price, (101 + m) + ".5", (99 + m) + ".25", price, m + ".5"));
            }
        }
        JsonPath job = MarketData.importSharedAndWait(admin, base, "1m", "binance", "holes.csv",
                lines(rows.toArray(String[]::new)));
        assertThat(job.getString("status")).isEqualTo("completed");
        return base;
    }

    @Test
    void reads_a_half_open_range_in_pages_following_next() {
        String base = instrumentWithHoles();

        JsonPath first = given().header("Authorization", viewer.bearer())
                .queryParam("timeframe", "1m").queryParam("from", T0 + MIN).queryParam("to", T0 + 9 * MIN)
                .queryParam("limit", 3)
                .get(MarketData.candlesPath(base))
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("candles.openTime", contains(iso(T0 + MIN), iso(T0 + 2 * MIN), iso(T0 + 5 * MIN)))
                .body("candles[0].high", equalTo("102.50"))
                .body("from", equalTo(iso(T0 + MIN))).body("to", equalTo(iso(T0 + 9 * MIN)))
                .body("next", equalTo(iso(T0 + 6 * MIN)))
                .extract().jsonPath();

        given().header("Authorization", viewer.bearer())
                .queryParam("timeframe", "1m").queryParam("from", first.getString("next"))
                .queryParam("to", "2024-01-01T00:09:00Z").queryParam("limit", 3)
                .get(MarketData.candlesPath(base))
                .then().statusCode(200)
                .body("candles.openTime", contains(iso(T0 + 6 * MIN), iso(T0 + 8 * MIN)))
                .body("next", nullValue());
    }

    @Test
    void returns_the_latest_candle() {
        String base = instrumentWithHoles();

        given().header("Authorization", viewer.bearer()).queryParam("timeframe", "1m")
                .get(MarketData.candlesPath(base) + "/latest")
                .then().statusCode(200)
                .body("price", equalTo("109.00"))
                .body("candle.openTime", equalTo("2024-01-01T00:09:00Z"))
                .body("candle.volume", equalTo("9.50000"));
        given().header("Authorization", viewer.bearer()).queryParam("timeframe", "1h")
                .get(MarketData.candlesPath(base) + "/latest")
                .then().statusCode(404).body("code", equalTo("marketdata.candles.none"));
    }

    @Test
    void reports_the_gaps_of_a_range_with_their_missing_counts() {
        String base = instrumentWithHoles();

        given().header("Authorization", viewer.bearer())
                .queryParam("timeframe", "1m").queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2024-01-01T00:12:00Z")
                .get(MarketData.candlesPath(base) + "/gaps")
                .then().statusCode(200)
                .body("missing", equalTo(5))
                .body("gaps.start", contains("2024-01-01T00:03:00Z", "2024-01-01T00:07:00Z",
                        "2024-01-01T00:10:00Z"))
                .body("gaps.end", contains("2024-01-01T00:05:00Z", "2024-01-01T00:08:00Z",
                        "2024-01-01T00:12:00Z"))
                .body("gaps.missing", contains(2, 1, 2));
    }

    @Test
    void malformed_queries_are_bad_requests_listing_each_problem() {
        String base = instrumentWithHoles();

        given().header("Authorization", viewer.bearer())
                .queryParam("timeframe", "2m").queryParam("from", "yesterday").queryParam("to", T0)
                .queryParam("limit", 10_001)
                .get(MarketData.candlesPath(base))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("timeframe", "from", "limit"));
        given().header("Authorization", viewer.bearer())
                .queryParam("timeframe", "1m").queryParam("from", T0 + MIN).queryParam("to", T0)
                .get(MarketData.candlesPath(base) + "/gaps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("to"));
        given().header("Authorization", viewer.bearer())
                .queryParam("timeframe", "1m").queryParam("from", T0).queryParam("to", T0 + MIN)
                .get("/api/marketdata/candles/" + MarketData.VENUE + "/bad-asset!/USDT")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("instrument"));
    }

    @Test
    void candles_need_a_token() {
        given().queryParam("timeframe", "1m").queryParam("from", T0).queryParam("to", T0 + MIN)
                .get("/api/marketdata/candles/BINANCE/BTC/USDT")
                .then().statusCode(401);
    }

    /** Times are ISO-8601 UTC instants in every response (queries accept epoch milliseconds too). */
    private static String iso(long epochMillis) {
        return java.time.Instant.ofEpochMilli(epochMillis).toString();
    }
}
