package io.cryptobot.backtest.application.port.out;

/** Runs backtests off the request threads; further runs wait their turn (and show as queued). */
public interface BacktestWorkersPort {
    void run(Runnable task);

    /** How many threads one sweep may run its backtests on (the cores). */
    int parallelism();
}
