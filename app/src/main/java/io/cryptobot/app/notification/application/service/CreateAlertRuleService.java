package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.CreateAlertRuleCommand;
import io.cryptobot.app.notification.application.port.in.CreateAlertRuleUseCase;
import io.cryptobot.app.notification.application.port.in.NotificationSettings;
import io.cryptobot.app.notification.application.port.out.AlertRuleStorePort;
import io.cryptobot.app.notification.application.port.out.WatchBotsPort;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Adds a rule of the caller, on one of their bots (another user's bot is not found) or on each of them. */
@ApplicationScoped
class CreateAlertRuleService implements CreateAlertRuleUseCase {
    private final AlertRuleStorePort store;
    private final WatchBotsPort bots;
    private final NotificationSettings settings;
    private final OwnerLocks locks;
    private final Clock clock;

    CreateAlertRuleService(AlertRuleStorePort store, WatchBotsPort bots, NotificationSettings settings,
                           OwnerLocks locks, Clock clock) {
        this.store = store;
        this.bots = bots;
        this.settings = settings;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, AlertRule> create(CreateAlertRuleCommand command) {
        if (command.botId().isDefined() && !bots.owns(command.owner(), command.botId().get())) {
            return Either.left(NotificationErrors.botNotFound());
        }
        return locks.serialized(command.owner(), () -> {
            if (store.count(command.owner()) >= settings.maxAlertRulesPerUser()) {
                return Either.<DomainError, AlertRule>left(
                        NotificationErrors.tooManyAlerts(settings.maxAlertRulesPerUser()));
            }
            AlertRule rule = new AlertRule(new AlertRuleId(UUID.randomUUID()), command.owner(), command.name(),
                    command.condition(), command.botId(), true, clock.now(), clock.now());
            store.insert(rule);
            return Either.<DomainError, AlertRule>right(rule);
        });
    }
}
