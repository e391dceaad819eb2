package io.cryptobot.marketdata.application.port.out;

import java.time.Duration;

/**
 * Waits on the calling worker thread (a download waiting out a rate limit or a backoff). Interrupted when the
 * application stops: the caller then leaves its job to be resumed at the next start.
 */
public interface PauseWorkPort {
    void pause(Duration duration) throws InterruptedException;
}
