package io.cryptobot.app.notification.adapter.out.source;

import io.cryptobot.app.notification.application.port.out.NotificationSourcePort;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery;
import io.cryptobot.backtest.application.port.in.FinishedRunsFeedQuery.FinishedRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Backtests and sweeps that ended, as a notification source ({@code backtest.finished}, {@code sweep.finished}). */
@ApplicationScoped
class FinishedRunsSource implements NotificationSourcePort {
    private final FinishedRunsFeedQuery runs;

    FinishedRunsSource(FinishedRunsFeedQuery runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "backtest.finished";
    }

    @Override
    public long head() {
        return runs.lastPosition();
    }

    @Override
    public Batch after(long after, long through, int limit) {
        List<FinishedRun> ended = runs.after(after, through, limit);
        List<Notification> notifications = new ArrayList<>(ended.size());
        ended.forEach(r -> notifications.add(RunNotifications.of(r.finished())));
        return new Batch(notifications, ended.size(), ended.isEmpty() ? after : ended.getLast().position());
    }
}
