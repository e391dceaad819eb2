package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.marketdata.domain.DownloadJob;
import java.util.Objects;

/** What a download request led to: a new job, or the caller's identical job that has not finished yet. */
public sealed interface DownloadAdmission {
    DownloadJob job();

    record Queued(DownloadJob job) implements DownloadAdmission {
        public Queued {
            Objects.requireNonNull(job, "job");
        }
    }

    record AlreadyUnderway(DownloadJob job) implements DownloadAdmission {
        public AlreadyUnderway {
            Objects.requireNonNull(job, "job");
        }
    }
}
