package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Locale;

/** What a notification is about; an endpoint subscribes to some of these by their codes. */
public enum EventKind {
    ORDER_FILLED("order.filled"),
    ORDER_REJECTED("order.rejected"),
    ORDER_DENIED("order.denied"),
    KILL_SWITCH("risk.kill_switch"),
    DAILY_LOSS_HALT("risk.daily_loss_halt"),
    BOT_FAILED("bot.failed"),
    BOT_FEED_STALE("bot.feed_stale"),
    BOT_VENUE_DRIFT("bot.venue_drift"),
    BACKTEST_FINISHED("backtest.finished"),
    SWEEP_FINISHED("sweep.finished"),
    ALERT("alert.triggered");

    private final String code;

    EventKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Option<EventKind> parse(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Option.ofOptional(Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst());
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(EventKind::code).toList());
    }
}
