package io.cryptobot.backtest.application.port.out;

import io.cryptobot.backtest.domain.event.BacktestFinished;

/** Tells whoever listens (notifications) that a run ended; must not block for long. */
public interface PublishBacktestFinishedPort {
    void publish(BacktestFinished finished);
}
