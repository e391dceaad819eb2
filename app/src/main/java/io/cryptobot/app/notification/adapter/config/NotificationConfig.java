package io.cryptobot.app.notification.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code cryptobot.notifications.*}: see docs/api-notifications.md. */
@ConfigMapping(prefix = "cryptobot.notifications")
public interface NotificationConfig {
    /** Whether endpoints may resolve to loopback, private, link-local or other internal addresses (admin only). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    @WithDefault("10")
    int maxConsecutiveFailures();

    @WithDefault("PT2S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** The most one attempt may take (connect, send, answer). */
    @WithDefault("PT10S")
    Duration attemptTimeout();

    /** How often the worker looks for due retries and backlogs (after a restart, say). */
    @WithDefault("PT1S")
    Duration pollInterval();

    @WithDefault("https://hooks.slack.com/")
    String slackBaseUrl();

    @WithDefault("https://discord.com/api/webhooks/")
    String discordBaseUrl();

    @WithDefault("https://api.telegram.org")
    String telegramBaseUrl();

    @WithDefault("20")
    int maxEndpointsPerUser();

    @WithDefault("50")
    int maxAlertRulesPerUser();

    /** How often "no trade for n hours" rules look at the running bots (read by the scheduler's expression). */
    @WithDefault("PT1M")
    Duration alertCheckInterval();

    /** Equity hand-offs waiting for the alert evaluator at most; beyond, new ones are dropped with a warning. */
    @WithDefault("10000")
    int alertQueueCapacity();

    /**
     * How often the outbox's catch-up moves its cursors (read by the scheduler's expression): the events a source
     * committed up to a checkpoint ago are queued again if missing, and a restart re-reads at most that much.
     */
    @WithDefault("PT1M")
    Duration catchUpInterval();
}
