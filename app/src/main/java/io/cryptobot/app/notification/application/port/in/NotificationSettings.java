package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.Backoff;
import java.net.URI;
import java.util.Objects;

/**
 * The deliveries' rules, from configuration: whether internal addresses are allowed (admin's decision), how many
 * consecutive failures disable an endpoint, the backoff between attempts, the services' base URLs (a Slack or
 * Discord endpoint must be under its base; Telegram calls go to its base), endpoints and alert rules per user.
 */
public record NotificationSettings(boolean allowPrivateTargets, int maxConsecutiveFailures, Backoff backoff,
                                   URI slackBaseUrl, URI discordBaseUrl, URI telegramBaseUrl, int maxEndpointsPerUser,
                                   int maxAlertRulesPerUser) {
    public NotificationSettings {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(slackBaseUrl, "slackBaseUrl");
        Objects.requireNonNull(discordBaseUrl, "discordBaseUrl");
        Objects.requireNonNull(telegramBaseUrl, "telegramBaseUrl");
        if (maxConsecutiveFailures < 1 || maxEndpointsPerUser < 1 || maxAlertRulesPerUser < 1) {
            throw new IllegalArgumentException("max failures and max endpoints must be at least 1");
        }
    }
}
