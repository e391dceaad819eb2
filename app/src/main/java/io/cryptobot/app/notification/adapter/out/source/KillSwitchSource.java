package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.application.port.out.NotificationSourcePort;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.risk.application.port.in.TradingStateFeedQuery;
import io.cryptobot.risk.application.port.in.TradingStateFeedQuery.StoredChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The kill switch's stored changes as a notification source ({@code risk.kill_switch}, {@code risk.daily_loss_halt}). */
@ApplicationScoped
class KillSwitchSource implements NotificationSourcePort {
    private final TradingStateFeedQuery changes;

    KillSwitchSource(TradingStateFeedQuery changes) {
        this.changes = changes;
    }

    @Override
    public String name() {
        return "risk.state_events";
    }

    @Override
    public long head() {
        return changes.lastPosition();
    }

    @Override
    public Batch after(long after, long through, int limit) {
        List<StoredChange> stored = changes.after(after, through, limit);
        List<Notification> notifications = new ArrayList<>(stored.size());
        stored.forEach(c -> notifications.add(KillSwitchNotifications.of(c.change())));
        return new Batch(notifications, stored.size(), stored.isEmpty() ? after : stored.getLast().position());
    }
}
