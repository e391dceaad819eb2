package io.cryptobot.app.notification.adapter.out.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.Notification;

/**
 * The body of a delivery in its endpoint's format. Generic: {@code id} (the delivery id), {@code kind},
 * {@code occurredAt}, {@code title}, {@code text}, {@code data}; Slack {@code {"text"}}, Discord
 * {@code {"content"}}, Telegram {@code {"chat_id","text"}}. The same delivery always renders the same body.
 */
final class Payloads {
    private Payloads() {
    }

    static String body(ObjectMapper json, Endpoint endpoint, Delivery delivery) {
        Notification n = delivery.notification();
        ObjectNode body = json.createObjectNode();
        switch (endpoint.format()) {
            case GENERIC -> {
                body.put("id", delivery.id().toString());
                body.put("kind", n.kind().code());
                body.put("occurredAt", n.occurredAt().toString());
                body.put("title", n.title());
                body.put("text", n.text());
                ObjectNode data = body.putObject("data");
                n.data().forEach(data::put);
            }
            case SLACK -> body.put("text", "*" + n.title() + "*\n" + n.text());
            case DISCORD -> body.put("content", cut("**" + n.title() + "**\n" + n.text(), 2_000));
            case TELEGRAM -> {
                body.put("chat_id", endpoint.telegramChatId().get());
                body.put("text", cut(n.title() + "\n" + n.text(), 4_096));
            }
        }
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a notification did not render", e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
