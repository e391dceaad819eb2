package io.cryptobot.app.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers.TestUser;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Market data and accounts the trading tests start from, made through the API like a user would. */
public final class TradingFixtures {
    private TradingFixtures() {
    }

    /** A fresh instrument (tick 0.01, step 0.00001) with {@code count} seeded synthetic 1m candles from {@code from}. */
    public static String newInstrumentWithCandles(TestUser trader, String from, int count) {
        return newInstrumentWithCandles(trader, from, count, "0.01", "0.00001");
    }

    /** A fresh instrument of this tick and step with {@code count} seeded synthetic 1m candles from {@code from}. */
    public static String newInstrumentWithCandles(TestUser trader, String from, int count, String tick, String step) {
        String base = "BT" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        base = base.substring(0, Math.min(base.length(), 12));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", "BTVENUE", "base", base, "quote", "USDT", "tickSize", tick,
                        "stepSize", step))
                .post("/api/marketdata/instruments").then().statusCode(201);
        String instrument = "BTVENUE:" + base + "/USDT";
        generateCandles(trader, instrument, from, count);
        return instrument;
    }

    /**
     * The same seeded 1m series into {@code user}'s own private dataset of the instrument: what another user needs
     * to run over an instrument someone else loaded (uploads are private).
     */
    public static void generateCandles(TestUser trader, String instrument, String from, int count) {
        Map<String, Object> synthetic = new HashMap<>();
        synthetic.put("instrument", instrument);
        synthetic.put("timeframe", "1m");
        synthetic.put("from", from);
        synthetic.put("count", count);
        synthetic.put("seed", 11);
        synthetic.put("startPrice", "42000.00");
        synthetic.put("volatility", 0.001);
        String job = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(synthetic)
                .post("/api/marketdata/synthetic").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            String status = given().header("Authorization", trader.bearer()).get("/api/marketdata/imports/" + job).then().statusCode(200).extract()
                    .path("status");
            if ("completed".equals(status)) {
                return;
            }
            assertThat(status).isNotEqualTo("failed");
            assertThat(System.nanoTime()).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A paper account of {@code user} holding {@code usdt} USDT; returns its id. */
    public static String paperAccount(TestUser user, String usdt) {
        return given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "paper " + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE),
                        "balances", Map.of("USDT", usdt)))
                .post("/api/accounts/paper").then().statusCode(201).extract().path("id");
    }
}
