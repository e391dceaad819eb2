package io.cryptobot.app.notification.adapter.config;

import io.cryptobot.app.notification.application.port.in.NotificationSettings;
import io.cryptobot.app.notification.domain.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;

@ApplicationScoped
class NotificationSettingsProducer {
    @Produces
    @jakarta.inject.Singleton
    NotificationSettings settings(NotificationConfig config) {
        return new NotificationSettings(config.allowPrivateTargets(), config.maxConsecutiveFailures(),
                new Backoff(config.firstBackoff(), config.maxBackoff()), URI.create(config.slackBaseUrl()),
                URI.create(config.discordBaseUrl()), URI.create(config.telegramBaseUrl()),
                config.maxEndpointsPerUser(), config.maxAlertRulesPerUser());
    }
}
