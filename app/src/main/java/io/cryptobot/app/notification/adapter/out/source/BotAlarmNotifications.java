package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification of a bot's alarm, one definition for the live path (the published alarm) and the catch-up (the
 * bot's stored entries): keyed by the bot, the alarm and the entry's time, the same either way.
 */
public final class BotAlarmNotifications {
    private BotAlarmNotifications() {
    }

    public static Notification of(BotAlarmRaised alarm) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("botId", alarm.botId().toString());
        data.put("botName", alarm.botName());
        data.put("reason", alarm.reason());
        EventKind kind = switch (alarm.alarm()) {
            case FAILED -> EventKind.BOT_FAILED;
            case FEED_STALE -> EventKind.BOT_FEED_STALE;
            case VENUE_DRIFT -> EventKind.BOT_VENUE_DRIFT;
        };
        String title = switch (alarm.alarm()) {
            case FAILED -> " failed";
            case FEED_STALE -> ": live feed stale, no new positions";
            case VENUE_DRIFT -> ": the venue differs from the platform's books";
        };
        return new Notification(alarm.owner(), kind,
                "bot:" + alarm.botId() + ":" + alarm.alarm() + ":" + alarm.at().toEpochMilli(), alarm.at(),
                "Bot " + alarm.botName() + title, alarm.reason(), data);
    }
}
