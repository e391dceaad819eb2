package io.cryptobot.marketdata.application.port.in;

/**
 * At start-up: downloads a previous process left queued or running are handed to the workers again and go on from
 * their saved cursor (see {@link io.cryptobot.marketdata.domain.DownloadJob}). A job already running in this process
 * is left alone. Assumes a single instance per database, as the import restart handling does.
 */
public interface ResumeDownloadsUseCase {
    /** Returns how many jobs were handed to the workers. */
    int resumeUnfinished();
}
