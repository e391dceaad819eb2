package io.cryptobot.marketdata.application.port.out;

/** Runs long tasks (imports) off the request and event-loop threads, on a small bounded pool. */
public interface RunInBackgroundPort {
    void run(Runnable task);
}
