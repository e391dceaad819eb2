package io.cryptobot.exchange.fakevenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.vertx.core.json.JsonArray;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's coarse klines are its own: built from its 1m klines with its own arithmetic, so a test comparing the
 * platform's resampling with them compares two independent computations. Expected values here are worked out by
 * hand.
 */
class FakeBinanceKlinesTest {
    private final FakeBinance fake = FakeBinance.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    @Test
    void five_minute_klines_are_built_from_the_minutes_and_a_bucket_not_filled_is_served_with_what_it_has()
            throws Exception {
        long start = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
        List<VenueCandle> minutes = new ArrayList<>();
        String[][] ohlcv = {
                {"10", "12", "9", "11", "1.5"}, {"11", "11", "8", "8", "2"}, {"8", "15", "8", "14", "0.25"},
                {"14", "14", "13", "13", "1"}, {"13", "13.5", "12", "12.5", "3"},
                {"12.5", "13", "12", "12", "1"}, {"12", "20", "11", "19", "4"}, {"19", "19", "7", "7", "0.5"},
                {"7", "9", "6.5", "9", "2"}, {"9", "10", "9", "10", "1"},
                {"10", "10", "10", "10", "0"}, {"10", "11", "9.99", "10.01", "0.001"}};
        for (int i = 0; i < ohlcv.length; i++) {
            String[] v = ohlcv[i];
            minutes.add(new VenueCandle(start + i * 60_000L, new BigDecimal(v[0]), new BigDecimal(v[1]),
                    new BigDecimal(v[2]), new BigDecimal(v[3]), new BigDecimal(v[4])));
        }
        fake.symbol("BTC", "USDT", "TRADING", "0.01", "0.001", null).klines("BTCUSDT", Timeframe.M1).history(minutes);

        JsonArray rows = klines("BTCUSDT", "5m", start);

        assertThat(rows).hasSize(3);
        assertRow(rows.getJsonArray(0), start, "10", "15", "8", "12.5", "7.75", start + 300_000 - 1);
        assertRow(rows.getJsonArray(1), start + 300_000, "12.5", "20", "6.5", "10", "8.5", start + 600_000 - 1);
        assertRow(rows.getJsonArray(2), start + 600_000, "10", "11", "9.99", "10.01", "0.001", start + 900_000 - 1);
    }

    @Test
    void weeks_start_on_monday_and_months_on_the_first_in_utc() throws Exception {
        long wednesday = Instant.parse("2024-01-03T23:59:00Z").toEpochMilli();
        long monday = Instant.parse("2024-01-08T00:00:00Z").toEpochMilli();
        fake.symbol("ETH", "USDT", "TRADING", "0.01", "0.001", null).klines("ETHUSDT", Timeframe.M1).history(List.of(
                new VenueCandle(wednesday, new BigDecimal("5"), new BigDecimal("6"), new BigDecimal("4"),
                        new BigDecimal("5.5"), new BigDecimal("1")),
                new VenueCandle(monday, new BigDecimal("7"), new BigDecimal("8"), new BigDecimal("6"),
                        new BigDecimal("7.5"), new BigDecimal("2"))));
        long firstMonday = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

        JsonArray weeks = klines("ETHUSDT", "1w", firstMonday);
        JsonArray months = klines("ETHUSDT", "1M", firstMonday);

        assertThat(weeks).hasSize(2);
        assertRow(weeks.getJsonArray(0), firstMonday, "5", "6", "4", "5.5", "1", monday - 1);
        assertRow(weeks.getJsonArray(1), monday, "7", "8", "6", "7.5", "2",
                Instant.parse("2024-01-15T00:00:00Z").toEpochMilli() - 1);
        assertThat(months).hasSize(1);
        assertRow(months.getJsonArray(0), firstMonday, "5", "8", "4", "7.5", "3",
                Instant.parse("2024-02-01T00:00:00Z").toEpochMilli() - 1);
    }

    @Test
    void an_interval_given_candles_of_its_own_serves_those() throws Exception {
        long start = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        fake.symbol("SOL", "USDT", "TRADING", "0.01", "0.001", null);
        fake.klines("SOLUSDT", Timeframe.M1).randomWalk(start, 120, 7);
        fake.klines("SOLUSDT", Timeframe.H1).history(List.of(new VenueCandle(start, new BigDecimal("1"),
                new BigDecimal("2"), new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("42"))));

        JsonArray hours = klines("SOLUSDT", "1h", start);

        assertThat(hours).hasSize(1);
        assertRow(hours.getJsonArray(0), start, "1", "2", "0.5", "1.5", "42", start + 3_600_000 - 1);
    }

    private JsonArray klines(String symbol, String interval, long startTime) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.restUrl() + "/api/v3/klines"
                + "?symbol=" + symbol + "&interval=" + interval + "&startTime=" + startTime + "&limit=1000")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonArray(response.body());
    }

    private static void assertRow(JsonArray row, long openTime, String open, String high, String low, String close,
                                  String volume, long closeTime) {
        assertThat(row.getLong(0)).isEqualTo(openTime);
        assertThat(new BigDecimal(row.getString(1))).isEqualByComparingTo(open);
        assertThat(new BigDecimal(row.getString(2))).isEqualByComparingTo(high);
        assertThat(new BigDecimal(row.getString(3))).isEqualByComparingTo(low);
        assertThat(new BigDecimal(row.getString(4))).isEqualByComparingTo(close);
        assertThat(new BigDecimal(row.getString(5))).isEqualByComparingTo(volume);
        assertThat(row.getLong(6)).isEqualTo(closeTime);
    }
}
