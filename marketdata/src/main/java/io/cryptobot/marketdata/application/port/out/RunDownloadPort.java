package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.UserId;

/**
 * Runs downloads off the request threads, on their own small pool (a download spends most of its time waiting for
 * a venue, and must never hold up imports), fairly between owners as imports are.
 */
public interface RunDownloadPort {
    void run(UserId owner, Runnable task);
}
