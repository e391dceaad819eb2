package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.VenueFixtures.at;
import static io.cryptobot.app.marketdata.VenueFixtures.awaitDownload;
import static io.cryptobot.app.marketdata.VenueFixtures.decimal;
import static io.cryptobot.app.marketdata.VenueFixtures.requests;
import static io.cryptobot.app.marketdata.VenueFixtures.startDownload;
import static io.cryptobot.app.marketdata.VenueFixtures.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.Timeframe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resampling checked against the venue's own coarse candles: minutes downloaded from the fake Binance are resampled by
 * the platform ({@code .../resampled}), and the same range of the venue's own 5m to 1d klines is downloaded as the
 * venue serves it. The fake builds its coarse klines from its minutes with its own code (FakeBinanceKlinesTest), as
 * Binance builds every interval from the same trades, so the two sides are computed independently.
 */
@QuarkusTest
class VenueResamplingTest {
    static final long START = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
    static final long END = START + 2 * 86_400_000L;
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();

    @Test
    void minutes_downloaded_from_binance_resample_exactly_to_its_own_5m_15m_1h_4h_and_1d_klines() {
        String base = DownloadApiTest.newBase();
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        binance.klines(base + "USDT", Timeframe.M1).randomWalk(START, 2 * 1440, 53);
        assertThat(awaitDownload(trader, startDownload(trader, "BINANCE:" + base + "/USDT", "1m", START, END))
                .getLong("inserted")).isEqualTo(2880);

        for (Timeframe timeframe : List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1)) {
            JsonPath own = awaitDownload(trader, startDownload(trader, "BINANCE:" + base + "/USDT", timeframe.code(),
                    START, END));
            assertThat(own.getString("fetchedTimeframe")).as("the venue's own %s klines", timeframe.code())
                    .isEqualTo(timeframe.code());
            assertThat(requests(binance, VenueDownloadTest.KLINES, "symbol", base + "USDT"))
                    .anyMatch(r -> timeframe.code().equals(r.param("interval")));
            long buckets = 2 * 86_400_000L / timeframe.nominalLength().toMillis();
            List<Map<String, Object>> venue = stored(trader, "BINANCE", base, timeframe.code(), START, END);
            assertThat(venue).hasSize((int) buckets);

            JsonPath resampled = given().header("Authorization", trader.bearer())
                    .queryParam("timeframe", timeframe.code()).queryParam("source", "1m")
                    .queryParam("from", at(START)).queryParam("to", at(END)).queryParam("limit", 10_000)
                    .get("/api/marketdata/candles/BINANCE/" + base + "/USDT/resampled")
                    .then().statusCode(200).extract().jsonPath();

            assertThat(resampled.getList("incomplete")).isEmpty();
            List<Map<String, Object>> computed = resampled.getList("candles");
            assertThat(computed).as("%s buckets", timeframe.code()).hasSize((int) buckets);
            for (int i = 0; i < buckets; i++) {
                Map<String, Object> mine = computed.get(i);
                Map<String, Object> theirs = venue.get(i);
                assertThat(mine.get("openTime")).isEqualTo(theirs.get("openTime"));
                for (String field : List.of("open", "high", "low", "close", "volume")) {
                    assertThat(decimal(mine, field)).as("%s %s at %s", timeframe.code(), field, mine.get("openTime"))
                            .isEqualByComparingTo(decimal(theirs, field));
                }
            }
        }
    }
}
