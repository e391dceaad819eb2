package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification of a kill-switch change (a daily-loss halt as its own kind), one definition for the live path
 * (the published event) and the catch-up (the stored changes): the same change gives the same key either way.
 */
public final class KillSwitchNotifications {
    private KillSwitchNotifications() {
    }

    public static Notification of(UserTradingStateChanged changed) {
        TradingStateChanged change = changed.change();
        String state = switch (change) {
            case TradingStateChanged.TradingHalted halted -> "halted";
            case TradingStateChanged.TradingReduced reduced -> "reduce-only";
            case TradingStateChanged.TradingResumed resumed -> "active";
        };
        Map<String, String> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("reason", change.reason());
        EventKind kind = changed.dailyLossHalt() ? EventKind.DAILY_LOSS_HALT : EventKind.KILL_SWITCH;
        String title = changed.dailyLossHalt() ? "Trading halted: daily loss limit reached"
                : "Kill switch: trading " + state;
        return new Notification(changed.owner(), kind, "trading-state:" + change.eventId(), change.occurredAt(), title,
                change.reason(), data);
    }
}
