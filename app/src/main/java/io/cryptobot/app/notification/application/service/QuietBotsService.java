package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.CheckQuietBotsUseCase;
import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.application.port.out.WatchBotsPort;
import io.cryptobot.app.notification.domain.AlertBreach;
import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertWatch;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "No trade for n hours": for each owner with such a rule, each running bot the rule covers is looked at: its fill
 * cursor tells whether it filled since the last look. A bot not running has its quiet time started again when it
 * runs. One owner's failure is logged and the others are still looked at.
 */
@ApplicationScoped
class QuietBotsService implements CheckQuietBotsUseCase {
    private static final Logger LOG = Logger.getLogger(QuietBotsService.class.getName());
    private final AlertRuleStorePort rules;
    private final WatchBotsPort bots;
    private final RecordNotificationUseCase notifications;
    private final Clock clock;

    QuietBotsService(AlertRuleStorePort rules, WatchBotsPort bots, RecordNotificationUseCase notifications,
                     Clock clock) {
        this.rules = rules;
        this.bots = bots;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void checkQuietBots() {
        for (UserId owner : rules.ownersWith(AlertCondition.NoTrade.class)) {
            try {
                check(owner);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "no-trade alert rules of " + owner + " could not be checked", e);
            }
        }
    }

    private void check(UserId owner) {
        List<WatchBotsPort.Bot> running = bots.running(owner);
        for (AlertRule rule : rules.enabledRules(owner)) {
            if (!(rule.condition() instanceof AlertCondition.NoTrade noTrade)) {
                continue;
            }
            for (WatchBotsPort.Bot bot : running) {
                if (!rule.watches(bot.id())) {
                    continue;
                }
                AlertWatch watch = rules.watch(rule.id(), bot.id()).getOrElse(() -> AlertWatch.start(rule.id(),
                        bot.id()));
                long cursor = bots.fillCursor(owner, bot.id(), watch.fillCursor());
                // the first look only learns where the bot's fills are: what it filled before is not "since"
                boolean traded = watch.quietSince().isDefined() && cursor > watch.fillCursor();
                AlertWatch.Evaluation evaluation = watch.onTick(noTrade, traded, cursor, clock.now());
                for (AlertBreach breach : evaluation.fired()) {
                    notifications.record(AlertNotifications.of(rule, bot.id(), bot.name(), breach));
                }
                rules.saveWatch(evaluation.next());
            }
            for (AlertWatch watch : rules.watches(rule.id())) {
                if (watch.quietSince().isDefined() && running.stream().noneMatch(b -> b.id().equals(watch.botId()))) {
                    rules.saveWatch(watch.notRunning());
                }
            }
        }
    }
}
