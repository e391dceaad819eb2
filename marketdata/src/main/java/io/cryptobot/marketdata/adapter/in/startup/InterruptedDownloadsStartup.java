package io.cryptobot.marketdata.adapter.in.startup;

import io.cryptobot.marketdata.application.port.in.ResumeDownloadsUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Downloads the last process left queued or running go on from their saved cursor. */
@ApplicationScoped
class InterruptedDownloadsStartup {
    private static final Logger LOG = Logger.getLogger(InterruptedDownloadsStartup.class);
    private final ResumeDownloadsUseCase downloads;

    InterruptedDownloadsStartup(ResumeDownloadsUseCase downloads) {
        this.downloads = downloads;
    }

    void onStart(@Observes StartupEvent started) {
        int resumed = downloads.resumeUnfinished();
        if (resumed > 0) {
            LOG.infof("Resumed %d download(s) left unfinished by the last shutdown, each from its saved cursor",
                    resumed);
        }
    }
}
