package io.cryptobot.app.notification.domain;

import java.time.Instant;

/**
 * A rule's threshold crossed on a bot: what was measured ({@code value}, in the condition's unit), when, and the
 * breach's number on that watch (1 for the first), which names it among the watch's breaches.
 */
public record AlertBreach(AlertCondition condition, double value, Instant at, int number) {
}
