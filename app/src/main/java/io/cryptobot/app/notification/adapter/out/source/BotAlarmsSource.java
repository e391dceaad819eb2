package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.application.port.out.NotificationSourcePort;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.bot.application.port.in.BotAlarmsFeedQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The bots' alarms from their stored entries, as a notification source ({@code bot.failed}, {@code bot.feed_stale}, {@code bot.venue_drift}). */
@ApplicationScoped
class BotAlarmsSource implements NotificationSourcePort {
    private final BotAlarmsFeedQuery alarms;

    BotAlarmsSource(BotAlarmsFeedQuery alarms) {
        this.alarms = alarms;
    }

    @Override
    public String name() {
        return "bot.alarms";
    }

    @Override
    public long head() {
        return alarms.lastPosition();
    }

    @Override
    public Batch after(long after, long through, int limit) {
        BotAlarmsFeedQuery.Read read = alarms.after(after, through, limit);
        List<Notification> notifications = new ArrayList<>(read.alarms().size());
        read.alarms().forEach(a -> notifications.add(BotAlarmNotifications.of(a.alarm())));
        return new Batch(notifications, read.read(), read.last());
    }
}
