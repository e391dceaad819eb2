package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The one parser of a rule's condition from text (kind, threshold, unit), shared by creation and change. */
final class AlertRuleCommand {
    static final String KINDS = "drawdown, daily_loss, no_trade, exposure";

    private AlertRuleCommand() {
    }

    static Option<AlertCondition> condition(String kind, String threshold, String unit, List<Violation> violations) {
        String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        String u = unit == null ? null : unit.strip().toLowerCase(Locale.ROOT);
        BigDecimal value;
        try {
            value = threshold == null ? null : FixedPoint.decimal(threshold.strip());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() <= 0 || value.precision() - value.scale() > 12) {
            violations.add(new Violation("threshold", "must be a decimal number above 0 (as a string)"));
        }
        String expected = switch (k) {
            case "drawdown", "exposure" -> "percent";
            case "no_trade" -> "hours";
            case "daily_loss" -> u == null || !u.equals("quote") && !u.equals("percent") ? "percent or quote" : u;
            default -> null;
        };
        if (expected == null) {
            violations.add(new Violation("kind", "must be one of " + KINDS));
            return Option.none();
        }
        if (u != null && !expected.equals(u) || u == null && k.equals("daily_loss")) {
            violations.add(new Violation("unit", "a " + k + " rule's unit is " + expected));
            return Option.none();
        }
        if (value == null || value.signum() <= 0 || value.precision() - value.scale() > 12) {
            return Option.none();
        }
        try {
            return Option.some(switch (k) {
                case "drawdown" -> new AlertCondition.Drawdown(value);
                case "exposure" -> new AlertCondition.Exposure(value);
                case "no_trade" -> new AlertCondition.NoTrade(value);
                default -> new AlertCondition.DailyLoss(value, "quote".equals(u));
            });
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("threshold", k.equals("no_trade") ? "must be at most 8784 hours"
                    : "must be at most 100 (percent)" + (k.equals("exposure") ? "000" : "")));
            return Option.none();
        }
    }
}
