package io.cryptobot.app.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slack, Discord and Telegram bodies as each service documents them, sent to a receiver on this machine that the
 * configured base URLs point at (one receiver for the whole profile: the base URLs are read at start).
 */
@QuarkusTest
@TestProfile(ChatFormatsTest.LocalChatServices.class)
class ChatFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORT = "cryptobot.test.chat-receiver-port";
    private static LocalReceiver RECEIVER;

    /**
     * The profile and the test are loaded by different class loaders: the profile picks a free port and hands it
     * over as a system property, where the test opens its receiver.
     */
    public static class LocalChatServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String base = "http://127.0.0.1:" + System.getProperties().computeIfAbsent(PORT, k -> {
                try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    return String.valueOf(socket.getLocalPort());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            return Map.of("cryptobot.notifications.slack-base-url", base + "/slack/",
                    "cryptobot.notifications.discord-base-url", base + "/discord/api/webhooks/",
                    "cryptobot.notifications.telegram-base-url", base + "/telegram");
        }
    }

    @org.junit.jupiter.api.BeforeAll
    static void open() throws java.io.IOException {
        RECEIVER = new LocalReceiver(Integer.parseInt(System.getProperty(PORT)));
    }

    @org.junit.jupiter.api.AfterAll
    static void shut() {
        RECEIVER.close();
    }

    private final TestUser trader = TestUsers.create("trader");

    @Test
    void slack_gets_text_discord_content_and_telegram_send_message_with_chat_id() throws Exception {
        endpoint(Map.of("name", "slack", "format", "slack", "url", RECEIVER.url("/slack/services/T0/B0/secretpart"),
                "events", List.of("risk.kill_switch")));
        endpoint(Map.of("name", "discord", "format", "discord", "url",
                RECEIVER.url("/discord/api/webhooks/123/abc"), "events", List.of("risk.kill_switch")));
        String token = "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789";
        endpoint(Map.of("name", "telegram", "format", "telegram", "botToken", token, "chatId", "-100200300",
                "events", List.of("risk.kill_switch")));
        // a Slack URL outside the configured base is refused
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "format", "slack", "url", RECEIVER.url("/elsewhere/hook"), "events",
                        List.of("risk.kill_switch")))
                .post("/api/notifications/endpoints").then().statusCode(400);

        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "maintenance window")).post("/api/risk/halt").then().statusCode(200);
        String telegramPath = "/telegram/bot" + token + "/sendMessage";
        await(() -> RECEIVER.deliveredTo("/slack/services/T0/B0/secretpart").size() == 1
                && RECEIVER.deliveredTo("/discord/api/webhooks/123/abc").size() == 1
                && RECEIVER.deliveredTo(telegramPath).size() == 1);

        JsonNode slack = JSON.readTree(RECEIVER.deliveredTo("/slack/services/T0/B0/secretpart").get(0).body());
        assertThat(names(slack)).containsExactly("text");
        assertThat(slack.path("text").asText()).isEqualTo("*Kill switch: trading halted*\nmaintenance window");
        JsonNode discord = JSON.readTree(RECEIVER.deliveredTo("/discord/api/webhooks/123/abc").get(0).body());
        assertThat(names(discord)).containsExactly("content");
        assertThat(discord.path("content").asText()).isEqualTo("**Kill switch: trading halted**\nmaintenance window");
        LocalReceiver.Received telegramCall = RECEIVER.deliveredTo(telegramPath).get(0);
        JsonNode telegram = JSON.readTree(telegramCall.body());
        assertThat(names(telegram)).containsExactlyInAnyOrder("chat_id", "text");
        assertThat(telegram.path("chat_id").asText()).isEqualTo("-100200300");
        assertThat(telegram.path("text").asText()).isEqualTo("Kill switch: trading halted\nmaintenance window");
        assertThat(telegramCall.header("Content-Type")).startsWith("application/json");
        // the bot token is never shown back, a Slack URL only by its last four characters
        assertThat(given().header("Authorization", trader.bearer()).get("/api/notifications/endpoints").asString())
                .doesNotContain(token).doesNotContain("secretpart").contains("/****part");
    }

    private void endpoint(Map<String, Object> body) {
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(new HashMap<>(body))
                .post("/api/notifications/endpoints").then().statusCode(201);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
