package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.UserId;

/**
 * Runs long tasks (imports) off the request and event-loop threads, on a small bounded pool, fairly between
 * owners: a user's task never waits behind another user's whole queue (see the adapter for the policy).
 */
public interface RunInBackgroundPort {
    void run(UserId owner, Runnable task);
}
