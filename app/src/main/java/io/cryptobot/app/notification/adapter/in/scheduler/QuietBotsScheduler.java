package io.cryptobot.app.notification.adapter.in.scheduler;

import io.cryptobot.app.notification.application.port.in.CheckQuietBotsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks at the "no trade for n hours" rules every {@code cryptobot.notifications.alert-check-interval}. */
@ApplicationScoped
class QuietBotsScheduler {
    private final CheckQuietBotsUseCase check;

    QuietBotsScheduler(CheckQuietBotsUseCase check) {
        this.check = check;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${cryptobot.notifications.alert-check-interval:PT1M}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkQuietBots() {
        check.checkQuietBots();
    }
}
