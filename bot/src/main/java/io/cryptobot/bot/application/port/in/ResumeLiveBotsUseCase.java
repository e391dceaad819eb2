package io.cryptobot.bot.application.port.in;

/**
 * At start-up: every bot stored as running or paused is rebuilt from its feed's stored candles up to its
 * checkpoint, reconciled with the order journal and continued; one that cannot be is marked failed.
 */
public interface ResumeLiveBotsUseCase {
    void resumeLiveBots();
}
