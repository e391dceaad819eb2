package io.cryptobot.app.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each event source reaches a receiver: fills and denied orders of paper bots, a finished backtest, a failed bot. */
@QuarkusTest
class NotificationSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "2024-01-01T00:00:00Z";
    private static final String TO = "2024-01-01T01:00:00Z";
    private final TestUser trader = TestUsers.create("trader");
    private LocalReceiver receiver;

    @Inject
    PublishBotAlarmPort alarms;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new LocalReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void every_fill_and_every_denied_order_of_a_bot_is_delivered_once() throws Exception {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 60);
        endpoint("/orders", List.of("order.filled", "order.denied"));
        String filling = bot(instrument, TradingFixtures.paperAccount(trader, "10000"), Map.of());
        String denied = bot(instrument, TradingFixtures.paperAccount(trader, "10000"),
                Map.of("maxOrderNotional", "50", "maxOpenOrders", "10"));
        for (String bot : List.of(filling, denied)) {
            given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then()
                    .statusCode(200);
        }
        for (String bot : List.of(filling, denied)) {
            await(() -> "completed".equals(get("/api/bots/" + bot).path("status")));
        }
        long fills = get("/api/fills?bot=" + filling + "&limit=1").<Integer>path("total");
        long refused = get("/api/orders?bot=" + denied + "&status=denied&limit=1").<Integer>path("total");
        assertThat(fills).isEqualTo(3);
        assertThat(refused).isEqualTo(3);
        await(() -> receiver.deliveredTo("/orders").size() == fills + refused);
        Thread.sleep(500);
        List<JsonNode> bodies = receiver.deliveredTo("/orders").stream().map(r -> json(r.body())).toList();
        assertThat(bodies).hasSize((int) (fills + refused));
        assertThat(bodies.stream().filter(b -> b.path("kind").asText().equals("order.filled")))
                .hasSize((int) fills).allSatisfy(b -> {
                    assertThat(b.path("data").path("botId").asText()).isEqualTo(filling);
                    assertThat(b.path("data").path("side").asText()).isEqualTo("buy");
                    assertThat(b.path("data").path("tradeId").asText()).isNotBlank();
                });
        assertThat(bodies.stream().filter(b -> b.path("kind").asText().equals("order.denied")))
                .hasSize((int) refused).allSatisfy(b -> {
                    assertThat(b.path("data").path("botId").asText()).isEqualTo(denied);
                    assertThat(b.path("data").path("reason").asText()).isNotBlank();
                });
    }

    @Test
    void a_finished_backtest_is_delivered() throws Exception {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 60);
        endpoint("/backtests", List.of("backtest.finished"));
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", 5, "slow", 20));
        request.put("instruments", List.of(instrument));
        request.put("timeframe", "1m");
        request.put("from", FROM);
        request.put("to", TO);
        request.put("startingCash", "10000");
        String id = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/backtests").then().statusCode(202).extract().path("id");
        await(() -> receiver.deliveredTo("/backtests").size() == 1);
        JsonNode body = json(receiver.deliveredTo("/backtests").get(0).body());
        assertThat(body.path("kind").asText()).isEqualTo("backtest.finished");
        assertThat(body.path("data").path("backtestId").asText()).isEqualTo(id);
        assertThat(body.path("data").path("outcome").asText()).isEqualTo("completed");
        assertThat(get("/api/backtests/" + id).<String>path("status")).isEqualTo("completed");
    }

    @Test
    void a_failed_bot_is_delivered_through_the_bot_alarm_port() throws Exception {
        endpoint("/bots", List.of("bot.failed"));
        UUID bot = UUID.randomUUID();
        alarms.publish(new BotAlarmRaised(new io.cryptobot.kernel.domain.UserId(trader.id()), bot, "grid one", BotAlarmRaised.Alarm.FAILED,
                "internal error, incident 42", Instant.parse("2026-12-12T10:00:00Z")));
        // a stale feed is another kind: this endpoint does not want it
        alarms.publish(new BotAlarmRaised(new io.cryptobot.kernel.domain.UserId(trader.id()), bot, "grid one", BotAlarmRaised.Alarm.FEED_STALE,
                "no candle for 3 minutes", Instant.parse("2026-12-12T10:01:00Z")));
        await(() -> receiver.deliveredTo("/bots").size() == 1);
        Thread.sleep(500);
        assertThat(receiver.deliveredTo("/bots")).hasSize(1);
        JsonNode body = json(receiver.deliveredTo("/bots").get(0).body());
        assertThat(body.path("kind").asText()).isEqualTo("bot.failed");
        assertThat(body.path("title").asText()).isEqualTo("Bot grid one failed");
        assertThat(body.path("data").path("botId").asText()).isEqualTo(bot.toString());
        assertThat(body.path("data").path("reason").asText()).isEqualTo("internal error, incident 42");
    }

    private String bot(String instrument, String account, Map<String, String> limits) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "dca " + UUID.randomUUID());
        request.put("strategy", "dca");
        request.put("parameters", Map.of("interval", "10", "amount", "100", "take_profit", "5", "max_buys", "3"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "replay", "from", FROM, "to", TO, "speed", "10000000"));
        if (!limits.isEmpty()) {
            request.put("limits", limits);
        }
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
    }

    private void endpoint(String path, List<String> events) {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "receiver " + path, "format", "generic", "url", receiver.url(path), "events",
                        events))
                .post("/api/notifications/endpoints").then().statusCode(201);
    }

    private io.restassured.response.Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
