package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.app.notification.domain.AlertRuleId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An owner changes a rule's name, threshold (with its unit: the kind and the bot stay) or enabled state; each
 * part kept when none.
 */
public record UpdateAlertRuleCommand(UserId owner, AlertRuleId id, Option<String> name, Option<String> threshold,
                                     Option<String> unit, Option<Boolean> enabled) {
    public UpdateAlertRuleCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(enabled, "enabled");
    }

    public static Either<DomainError, UpdateAlertRuleCommand> of(UserId owner, AlertRuleId id, String name,
                                                                 String threshold, String unit, Boolean enabled) {
        List<Violation> violations = new ArrayList<>();
        if (name == null && threshold == null && unit == null && enabled == null) {
            violations.add(new Violation("body", "must change name, threshold, unit or enabled"));
        }
        Option<String> newName = name == null ? Option.none() : EndpointInputs.name(name, violations);
        if (!violations.isEmpty()) {
            return Either.left(NotificationErrors.invalid(violations));
        }
        return Either.right(new UpdateAlertRuleCommand(owner, id, newName, Option.of(threshold), Option.of(unit),
                Option.of(enabled)));
    }

    /** The rule's condition with this change applied to it (same kind), or the violations. */
    public Either<DomainError, AlertCondition> conditionOf(AlertCondition current) {
        if (threshold.isEmpty() && unit.isEmpty()) {
            return Either.right(current);
        }
        List<Violation> violations = new ArrayList<>();
        Option<AlertCondition> changed = AlertRuleCommand.condition(current.code(),
                threshold.getOrElse(() -> current.threshold().toPlainString()), unit.getOrElse(current.unit()),
                violations);
        return violations.isEmpty() ? Either.right(changed.get()) : Either.left(NotificationErrors.invalid(violations));
    }
}
