package io.cryptobot.app.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A new trader and a webhook receiver on this machine, for the tests that drive the notification sources through
 * the API: endpoints pointed at the receiver, paper DCA bots replaying an hour of candles, backtests and sweeps.
 */
final class TraderWithReceiver implements AutoCloseable {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-01T01:00:00Z";
    final TestUser trader = TestUsers.create("trader");
    final LocalReceiver receiver;

    /** A filling bot's and a denied bot's ids after both completed, and their fills and denied orders. */
    record TwoBots(String filling, String denied, long fills, long refused) {
    }

    TraderWithReceiver() throws IOException {
        receiver = new LocalReceiver();
    }

    /** A new instrument with an hour of one-minute candles from {@link #FROM}. */
    String instrument() {
        return TradingFixtures.newInstrumentWithCandles(trader, FROM, 60);
    }

    /** A generic endpoint delivering {@code events} to the receiver's {@code path}. */
    void endpoint(String path, List<String> events) {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "receiver " + path, "format", "generic", "url", receiver.url(path), "events",
                        events))
                .post("/api/notifications/endpoints").then().statusCode(201);
    }

    /** A DCA bot on a new paper account with 10,000 USDT, replaying {@link #FROM} to {@link #TO}; not started. */
    String bot(String instrument, Map<String, String> limits) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "dca " + UUID.randomUUID());
        request.put("strategy", "dca");
        request.put("parameters", Map.of("interval", "10", "amount", "100", "take_profit", "5", "max_buys", "3"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", TradingFixtures.paperAccount(trader, "10000"));
        request.put("feed", Map.of("kind", "replay", "from", FROM, "to", TO, "speed", "10000000"));
        if (!limits.isEmpty()) {
            request.put("limits", limits);
        }
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
    }

    /** Starts the bots, then waits until each completed its replay. */
    void runToTheEnd(List<String> bots) throws InterruptedException {
        for (String bot : bots) {
            given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then()
                    .statusCode(200);
        }
        for (String bot : bots) {
            await(() -> "completed".equals(get("/api/bots/" + bot).path("status")));
        }
    }

    /**
     * Two bots run to the end: one whose three buys fill, one whose three orders are all denied (a 50 USDT order
     * limit below its 100 USDT buys).
     */
    TwoBots fillingAndDeniedBots(String instrument) throws InterruptedException {
        String filling = bot(instrument, Map.of());
        String denied = bot(instrument, Map.of("maxOrderNotional", "50", "maxOpenOrders", "10"));
        runToTheEnd(List.of(filling, denied));
        long fills = get("/api/fills?bot=" + filling + "&limit=1").<Integer>path("total");
        long refused = get("/api/orders?bot=" + denied + "&status=denied&limit=1").<Integer>path("total");
        assertThat(fills).isEqualTo(3);
        assertThat(refused).isEqualTo(3);
        return new TwoBots(filling, denied, fills, refused);
    }

    /** An SMA crossover backtest over {@link #FROM} to {@link #TO}; its id (accepted, not finished). */
    String backtest(String instrument) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("strategy", "sma_crossover", "parameters", Map.of("fast", 5, "slow", 20), "instruments",
                        List.of(instrument), "timeframe", "1m", "from", FROM, "to", TO, "startingCash", "10000"))
                .post("/api/backtests").then().statusCode(202).extract().path("id");
    }

    Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        receiver.close();
    }
}
