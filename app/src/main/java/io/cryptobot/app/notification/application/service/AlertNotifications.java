package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.domain.AlertBreach;
import io.cryptobot.app.notification.domain.AlertCondition;
import io.cryptobot.app.notification.domain.AlertRule;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An {@code alert.triggered} notification of a breach; its key names the rule, the bot and the breach's number, so
 * a breach evaluated again (after a crash before its watch was stored) is queued once.
 */
final class AlertNotifications {
    private AlertNotifications() {
    }

    static Notification of(AlertRule rule, UUID botId, String botName, AlertBreach breach) {
        AlertCondition c = breach.condition();
        String value = Double.isFinite(breach.value())
                ? BigDecimal.valueOf(breach.value()).setScale(2, RoundingMode.HALF_UP).toPlainString() : "unbounded";
        String unit = switch (c.unit()) {
            case "percent" -> " %";
            case "hours" -> " h";
            default -> "";
        };
        String what = switch (c) {
            case AlertCondition.Drawdown d -> "drawdown";
            case AlertCondition.DailyLoss d -> "loss today";
            case AlertCondition.NoTrade d -> "no trade for";
            case AlertCondition.Exposure d -> "exposure";
        };
        Map<String, String> data = new LinkedHashMap<>();
        data.put("ruleId", rule.id().toString());
        data.put("ruleName", rule.name());
        data.put("condition", c.code());
        data.put("threshold", c.threshold().toPlainString());
        data.put("unit", c.unit());
        data.put("value", value);
        data.put("botId", botId.toString());
        data.put("botName", botName);
        data.put("breach", String.valueOf(breach.number()));
        String title = "Alert " + rule.name() + ": bot " + botName + " " + what + " " + value + unit;
        String text = what + " " + value + unit + " is beyond " + c.threshold().toPlainString() + unit
                + " (rule " + rule.name() + "); it fires again after the bot is back within it";
        return new Notification(rule.owner(), EventKind.ALERT, "alert:" + rule.id() + ":" + botId + ":"
                + breach.number(), breach.at(), title, text, data);
    }
}
