package io.cryptobot.app.notification.adapter.in.rest;

import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Format;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as its owner sees it: never its signing secret or bot token. A Slack or Discord URL is itself a
 * credential, so only its last four characters are shown.
 */
public record EndpointResponse(String id, String name, String format, String url, String chatId,
                               List<String> events, boolean enabled, int consecutiveFailures, String disabledReason,
                               Instant createdAt, Instant updatedAt) {
    static EndpointResponse of(Endpoint e) {
        return new EndpointResponse(e.id().toString(), e.name(), e.format().code(),
                e.url().map(url -> shown(e.format(), url)).getOrNull(), e.telegramChatId().getOrNull(),
                e.events().stream().map(EventKind::code).sorted().toList(), e.enabled(), e.consecutiveFailures(),
                e.disabledReason().getOrNull(), e.createdAt(), e.updatedAt());
    }

    private static String shown(Format format, URI url) {
        if (format == Format.GENERIC) {
            return url.toString();
        }
        String text = url.toString();
        return url.getScheme() + "://" + url.getHost() + "/****" + text.substring(Math.max(0, text.length() - 4));
    }
}
