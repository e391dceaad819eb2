package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.CandleImportTest.lines;
import static io.cryptobot.app.marketdata.MarketData.kline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alternative bulk writer (unnest arrays on the reactive client) keeps the same import guarantees. */
@QuarkusTest
@TestProfile(UnnestBulkInsertTest.Unnest.class)
class UnnestBulkInsertTest {
    private static final long T0 = 1_704_067_200_000L;
    private final TestUser trader = TestUsers.create("trader");

    public static class Unnest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryptobot.marketdata.bulk-insert", "unnest");
        }
    }

    @Test
    void stores_new_candles_once_and_counts_the_ones_already_present() {
        String base = MarketData.newInstrument(trader);
        byte[] first = lines(kline(T0, "10", "11", "9", "10.5", "1"), kline(T0 + 60_000, "10.5", "12", "10", "11", "2"));
        byte[] second = lines(kline(T0 + 60_000, "10.5", "12", "10", "11", "2"),
                kline(T0 + 120_000, "11", "12", "10", "11.5", "3"), kline(T0 + 120_000, "11", "12", "10", "11.5", "3"));

        JsonPath a = MarketData.importAndWait(trader, base, "1m", "binance", "a.csv", first);
        JsonPath b = MarketData.importAndWait(trader, base, "1m", "binance", "b.csv", second);

        assertThat(a.getLong("inserted")).isEqualTo(2);
        assertThat(b.getLong("inserted")).isEqualTo(1);
        assertThat(b.getLong("duplicates")).isEqualTo(2);
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isEqualTo(3);
    }

    @Test
    void a_private_import_that_would_pass_the_stored_limit_stores_nothing_and_the_counters_stay() {
        String base = MarketData.newInstrument(trader);
        MarketData.setStored(trader, 4_999_999);

        JsonPath over = MarketData.importAndWait(trader, base, "1m", "binance", "a.csv",
                lines(kline(T0, "10", "11", "9", "10.5", "1"), kline(T0 + 60_000, "10.5", "12", "10", "11", "2")));
        JsonPath fits = MarketData.importAndWait(trader, base, "1m", "binance", "b.csv",
                lines(kline(T0, "10", "11", "9", "10.5", "1")));

        assertThat(over.getString("status")).isEqualTo("failed");
        assertThat(over.getString("failure")).contains("5000001 candles")
                .contains("stored-candles-per-user = 5000000");
        assertThat(fits.getString("status")).isEqualTo("completed");
        assertThat(MarketData.storedCandles(trader, base, "1m", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))
                .isEqualTo(1);
        given().header("Authorization", trader.bearer()).get("/api/marketdata/datasets").then().statusCode(200)
                .body("stored", equalTo(5_000_000)).body("datasets[0].candles", equalTo(1));
    }
}
