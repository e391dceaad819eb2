package io.cryptobot.app.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

/** Candles computed from stored finer ones, compared with the test venue's own coarse candles. */
@QuarkusTest
class ResampledCandlesTest {
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    ScriptedTestVenue venue;

    @Test
    void hours_and_a_day_computed_from_downloaded_minutes_equal_the_venues_own() {
        InstrumentId id = venue.list(DownloadApiTest.newBase(), DownloadApiTest.START, 24 * 60);
        DownloadApiTest.await(trader, DownloadApiTest.post(trader, DownloadApiTest.body(id, "1m",
                "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", false)).then().statusCode(202).extract().path("id"));

        JsonPath hours = resampled(id, "1h", "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")
                .body("count", equalTo(24)).body("next", nullValue())
                .body("from", equalTo("2024-01-01T00:00:00Z")).body("to", equalTo("2024-01-02T00:00:00Z"))
                .extract().jsonPath();
        JsonPath day = resampled(id, "1d", "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")
                .body("count", equalTo(1)).extract().jsonPath();

        assertEqual(hours.getList("candles"), venue.own(id, Timeframe.H1));
        assertEqual(day.getList("candles"), venue.own(id, Timeframe.D1));
        assertThat(hours.getList("incomplete")).isEmpty();
    }

    @Test
    void a_page_names_the_time_the_next_one_starts_from() {
        InstrumentId id = venue.list(DownloadApiTest.newBase(), DownloadApiTest.START, 24 * 60);
        DownloadApiTest.await(trader, DownloadApiTest.post(trader, DownloadApiTest.body(id, "1m",
                "2024-01-01T00:00:00Z", "2024-01-01T06:00:00Z", false)).then().statusCode(202).extract().path("id"));

        String next = given().header("Authorization", trader.bearer())
                .queryParam("timeframe", "1h").queryParam("source", "1m").queryParam("limit", 2)
                .queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2024-01-01T06:00:00Z")
                .get("/api/marketdata/candles/SCRIPTED/" + id.base().code() + "/USDT/resampled")
                .then().statusCode(200).body("count", equalTo(2))
                .body("candles[1].openTime", equalTo("2024-01-01T01:00:00Z"))
                .body("next", equalTo("2024-01-01T02:00:00Z")).extract().path("next");

        resampled(id, "1h", "1m", next, "2024-01-01T06:00:00Z")
                .body("count", equalTo(4)).body("candles[0].openTime", equalTo(next)).body("next", nullValue());
    }

    @Test
    void a_bucket_missing_stored_minutes_is_left_out_and_listed() {
        InstrumentId id = venue.list(DownloadApiTest.newBase(), DownloadApiTest.START, 24 * 60);
        DownloadApiTest.await(trader, DownloadApiTest.post(trader, DownloadApiTest.body(id, "1m",
                "2024-01-01T00:00:00Z", "2024-01-01T01:30:00Z", false)).then().statusCode(202).extract().path("id"));

        resampled(id, "1h", "1m", "2024-01-01T00:00:00Z", "2024-01-01T03:00:00Z")
                .body("count", equalTo(1))
                .body("candles[0].openTime", equalTo("2024-01-01T00:00:00Z"))
                .body("incomplete.size()", equalTo(1))
                .body("incomplete[0].openTime", equalTo("2024-01-01T01:00:00Z"))
                .body("incomplete[0].present", equalTo(30))
                .body("incomplete[0].expected", equalTo(60));
    }

    @Test
    void a_timeframe_that_cannot_be_made_exactly_from_the_source_is_refused() {
        InstrumentId id = venue.list(DownloadApiTest.newBase(), DownloadApiTest.START, 10);

        given().header("Authorization", trader.bearer())
                .queryParam("timeframe", "5m").queryParam("source", "3m")
                .queryParam("from", "2024-01-01T00:00:00Z").queryParam("to", "2024-01-02T00:00:00Z")
                .get("/api/marketdata/candles/SCRIPTED/" + id.base().code() + "/USDT/resampled")
                .then().statusCode(400).body("code", equalTo("marketdata.invalid_input"))
                .body("errors[0].field", equalTo("source"));
    }

    private io.restassured.response.ValidatableResponse resampled(InstrumentId id, String timeframe, String source,
                                                                  String from, String to) {
        return given().header("Authorization", trader.bearer())
                .queryParam("timeframe", timeframe).queryParam("source", source)
                .queryParam("from", from).queryParam("to", to)
                .get("/api/marketdata/candles/SCRIPTED/" + id.base().code() + "/USDT/resampled")
                .then().statusCode(200).body("source", equalTo(source));
    }

    private static void assertEqual(List<Map<String, Object>> candles, NavigableMap<Long, VenueCandle> expected) {
        assertThat(candles).isNotEmpty();
        for (Map<String, Object> candle : candles) {
            VenueCandle own = expected.get(Instant.parse((String) candle.get("openTime")).toEpochMilli());
            assertThat(new BigDecimal((String) candle.get("open"))).isEqualByComparingTo(own.open());
            assertThat(new BigDecimal((String) candle.get("high"))).isEqualByComparingTo(own.high());
            assertThat(new BigDecimal((String) candle.get("low"))).isEqualByComparingTo(own.low());
            assertThat(new BigDecimal((String) candle.get("close"))).isEqualByComparingTo(own.close());
            assertThat(new BigDecimal((String) candle.get("volume"))).isEqualByComparingTo(own.volume());
        }
    }
}
