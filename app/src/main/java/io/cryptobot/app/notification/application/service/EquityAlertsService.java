package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.EvaluateEquityAlertsUseCase;
import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.domain.AlertBreach;
import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertWatch;
import io.cryptobot.app.notification.domain.EquitySample;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Each of the owner's equity rules covering the bot takes the samples: its watch (stored, or a fresh one) steps
 * through them; a breach is queued as a notification first, then the watch is stored, so a crash between the two
 * re-evaluates into the same notification key (queued once) rather than forgetting the breach.
 */
@ApplicationScoped
class EquityAlertsService implements EvaluateEquityAlertsUseCase {
    private final AlertRuleStorePort rules;
    private final RecordNotificationUseCase notifications;

    EquityAlertsService(AlertRuleStorePort rules, RecordNotificationUseCase notifications) {
        this.rules = rules;
        this.notifications = notifications;
    }

    @Override
    public boolean watched(UserId owner) {
        for (AlertRule rule : rules.enabledRules(owner)) {
            if (!(rule.condition() instanceof AlertCondition.NoTrade)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void evaluate(UserId owner, UUID botId, String botName, List<EquitySample> samples, double grossExposure) {
        for (AlertRule rule : rules.enabledRules(owner)) {
            if (rule.condition() instanceof AlertCondition.NoTrade || !rule.watches(botId)) {
                continue;
            }
            AlertWatch watch = rules.watch(rule.id(), botId).getOrElse(() -> AlertWatch.start(rule.id(), botId));
            AlertWatch.Evaluation evaluation = watch.onEquity(rule.condition(), samples, grossExposure);
            for (AlertBreach breach : evaluation.fired()) {
                notifications.record(AlertNotifications.of(rule, botId, botName, breach));
            }
            if (!evaluation.next().equals(watch)) {
                rules.saveWatch(evaluation.next());
            }
        }
    }
}
