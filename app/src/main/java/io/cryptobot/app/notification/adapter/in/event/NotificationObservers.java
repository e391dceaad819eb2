package io.cryptobot.app.notification.adapter.in.event;

import io.cryptobot.app.notification.adapter.out.source.BotAlarmNotifications;
import io.cryptobot.app.notification.adapter.out.source.KillSwitchNotifications;
import io.cryptobot.app.notification.adapter.out.source.RunNotifications;
import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.backtest.domain.event.BacktestFinished;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifications from the other contexts' published events, queued on the publisher's thread (synchronous CDI
 * events fired after the change is stored): the kill switch moved (a daily-loss halt as its own kind), a bot failed
 * or its feed went stale, a backtest or sweep ended. A failure to queue is logged, never thrown at the publisher;
 * the catch-up ({@code CatchUpService}) queues it from the source's stored record (the kill switch's changes, the
 * bots' entries, the runs' ends).
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
        queue(BotAlarmNotifications.of(alarm));
    }

    void onRunFinished(@Observes BacktestFinished finished) {
        queue(RunNotifications.of(finished));
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
