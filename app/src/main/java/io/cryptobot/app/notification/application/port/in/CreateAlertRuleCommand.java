package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An owner adds an alert rule on one of their bots ({@code botId}) or on each of them (none). */
public record CreateAlertRuleCommand(UserId owner, String name, AlertCondition condition, Option<UUID> botId) {
    public CreateAlertRuleCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(botId, "botId");
    }

    public static Either<DomainError, CreateAlertRuleCommand> of(UserId owner, String name, String kind,
                                                                 String threshold, String unit, String botId) {
        List<Violation> violations = new ArrayList<>();
        Option<String> checkedName = EndpointInputs.name(name, violations);
        Option<AlertCondition> condition = AlertRuleCommand.condition(kind, threshold, unit, violations);
        Option<UUID> bot = Option.none();
        if (botId != null) {
            bot = Try.of(() -> UUID.fromString(botId.strip())).toOption();
            if (bot.isEmpty()) {
                violations.add(new Violation("botId", "must be a bot's id (a UUID), or omitted for every bot"));
            }
        }
        if (!violations.isEmpty()) {
            return Either.left(NotificationErrors.invalid(violations));
        }
        return Either.right(new CreateAlertRuleCommand(owner, checkedName.get(), condition.get(), bot));
    }
}
