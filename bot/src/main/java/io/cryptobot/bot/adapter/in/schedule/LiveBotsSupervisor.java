package io.cryptobot.bot.adapter.in.schedule;

import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every two seconds: sessions suspended by a database outage (and live bots a start-up could not read) are rebuilt
 * from their journals once the database answers again. Skipped while the previous round still runs.
 */
@ApplicationScoped
class LiveBotsSupervisor {
    private static final Logger LOG = Logger.getLogger(LiveBotsSupervisor.class);
    private final ResumeLiveBotsUseCase bots;

    LiveBotsSupervisor(ResumeLiveBotsUseCase bots) {
        this.bots = bots;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${cryptobot.bots.supervise-every:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() {
        try {
            bots.superviseLiveBots();
        } catch (RuntimeException e) {
            LOG.error("supervising live bots failed", e);
        }
    }
}
