package io.cryptobot.bot.adapter.in.startup;

import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Resumes the bots a previous process left running or paused, on a bot worker so start-up does not wait. */
@ApplicationScoped
class LiveBotsStartup {
    private static final Logger LOG = Logger.getLogger(LiveBotsStartup.class);
    private final ResumeLiveBotsUseCase bots;
    private final BotWorkersPort workers;

    LiveBotsStartup(ResumeLiveBotsUseCase bots, BotWorkersPort workers) {
        this.bots = bots;
        this.workers = workers;
    }

    void onStart(@Observes StartupEvent started) {
        workers.executor().execute(() -> {
            try {
                bots.resumeLiveBots();
            } catch (RuntimeException e) {
                LOG.error("resuming live bots failed", e);
            }
        });
    }
}
