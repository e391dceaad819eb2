package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.EquitySample;
import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates the owner's drawdown, daily-loss and exposure rules on a bot's new equity samples; a breach queues one
 * {@code alert.triggered} notification. Called off the trading path (the hand-off's own thread), one batch at a
 * time, in the order the bot stored them.
 */
public interface EvaluateEquityAlertsUseCase {
    /** Whether the owner has a rule these samples could concern (answered from memory). */
    boolean watched(UserId owner);

    void evaluate(UserId owner, UUID botId, String botName, List<EquitySample> samples, double grossExposure);
}
