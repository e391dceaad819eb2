package io.cryptobot.app.notification;

import static io.cryptobot.app.notification.TraderWithReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each event source reaches a receiver: fills and denied orders of paper bots, a finished backtest, a failed bot. */
@QuarkusTest
class NotificationSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TraderWithReceiver user;
    private LocalReceiver receiver;

    @Inject
    PublishBotAlarmPort alarms;

    @BeforeEach
    void receiver() throws Exception {
        user = new TraderWithReceiver();
        receiver = user.receiver;
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void every_fill_and_every_denied_order_of_a_bot_is_delivered_once() throws Exception {
        String instrument = user.instrument();
        user.endpoint("/orders", List.of("order.filled", "order.denied"));
        TraderWithReceiver.TwoBots bots = user.fillingAndDeniedBots(instrument);
        long fills = bots.fills();
        long refused = bots.refused();
        await(() -> receiver.deliveredTo("/orders").size() == fills + refused);
        Thread.sleep(500);
        List<JsonNode> bodies = receiver.deliveredTo("/orders").stream().map(r -> json(r.body())).toList();
        assertThat(bodies).hasSize((int) (fills + refused));
        assertThat(bodies.stream().filter(b -> b.path("kind").asText().equals("order.filled")))
                .hasSize((int) fills).allSatisfy(b -> {
                    assertThat(b.path("data").path("botId").asText()).isEqualTo(bots.filling());
                    assertThat(b.path("data").path("side").asText()).isEqualTo("buy");
                    assertThat(b.path("data").path("tradeId").asText()).isNotBlank();
                });
        assertThat(bodies.stream().filter(b -> b.path("kind").asText().equals("order.denied")))
                .hasSize((int) refused).allSatisfy(b -> {
                    assertThat(b.path("data").path("botId").asText()).isEqualTo(bots.denied());
                    assertThat(b.path("data").path("reason").asText()).isNotBlank();
                });
    }

    @Test
    void a_finished_backtest_is_delivered() throws Exception {
        String instrument = user.instrument();
        user.endpoint("/backtests", List.of("backtest.finished"));
        String id = user.backtest(instrument);
        await(() -> receiver.deliveredTo("/backtests").size() == 1);
        JsonNode body = json(receiver.deliveredTo("/backtests").get(0).body());
        assertThat(body.path("kind").asText()).isEqualTo("backtest.finished");
        assertThat(body.path("data").path("backtestId").asText()).isEqualTo(id);
        assertThat(body.path("data").path("outcome").asText()).isEqualTo("completed");
        assertThat(user.get("/api/backtests/" + id).<String>path("status")).isEqualTo("completed");
    }

    @Test
    void a_failed_bot_is_delivered_through_the_bot_alarm_port() throws Exception {
        user.endpoint("/bots", List.of("bot.failed"));
        UUID bot = UUID.randomUUID();
        UserId owner = new UserId(user.trader.id());
        alarms.publish(new BotAlarmRaised(owner, bot, "grid one", BotAlarmRaised.Alarm.FAILED,
                "internal error, incident 42", Instant.parse("2026-12-12T10:00:00Z")));
        // a stale feed is another kind: this endpoint does not want it
        alarms.publish(new BotAlarmRaised(owner, bot, "grid one", BotAlarmRaised.Alarm.FEED_STALE,
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

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
