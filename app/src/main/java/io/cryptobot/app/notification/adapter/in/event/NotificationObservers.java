package io.cryptobot.app.notification.adapter.in.event;

import io.cryptobot.app.notification.adapter.out.source.KillSwitchNotifications;
import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifications from the other contexts' published events, queued on the publisher's thread (synchronous CDI
 * events fired after the change is stored): the kill switch moved (a daily-loss halt as its own kind), a bot failed
 * or its feed went stale, a backtest or sweep ended. A failure to queue is logged, never thrown at the publisher;
 * for the kill switch the catch-up ({@code CatchUpService}) queues it from the stored changes.
 */
@ApplicationScoped
class NotificationObservers {
    private static final Logger LOG = Logger.getLogger(NotificationObservers.class.getName());
    private final RecordNotificationUseCase notifications;

    NotificationObservers(RecordNotificationUseCase notifications) {
        this.notifications = notifications;
    }

    void onKillSwitch(@Observes UserTradingStateChanged changed) {
        queue(KillSwitchNotifications.of(changed));
    }

    void onBotAlarm(@Observes BotAlarmRaised alarm) {
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
        queue(new Notification(alarm.owner(), kind,
                "bot:" + alarm.botId() + ":" + alarm.alarm() + ":" + alarm.at().toEpochMilli(), alarm.at(),
                "Bot " + alarm.botName() + title, alarm.reason(), data));
    }

    void onRunFinished(@Observes BacktestFinished finished) {
        boolean sweep = finished.run() == BacktestFinished.Run.SWEEP;
        Map<String, String> data = new LinkedHashMap<>();
        data.put(sweep ? "sweepId" : "backtestId", finished.runId().toString());
        data.put("outcome", finished.completed() ? "completed" : "failed");
        data.put("summary", finished.summary());
        String what = sweep ? "Sweep" : "Backtest";
        queue(new Notification(finished.owner(), sweep ? EventKind.SWEEP_FINISHED : EventKind.BACKTEST_FINISHED,
                (sweep ? "sweep:" : "backtest:") + finished.runId(), finished.at(),
                what + (finished.completed() ? " completed" : " failed"), finished.summary(), data));
    }

    private void queue(Notification notification) {
        try {
            notifications.record(notification);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a " + notification.kind().code() + " notification of " + notification.owner()
                    + " could not be queued", e);
        }
    }
}
