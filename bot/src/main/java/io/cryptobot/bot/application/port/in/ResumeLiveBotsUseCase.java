package io.cryptobot.bot.application.port.in;

/**
 * At start-up: every bot stored as running or paused is rebuilt from its journal (candles up to its checkpoint,
 * then every journaled control in order), checked against the order journal and continued; one that cannot be is
 * marked failed with the reason in its events.
 */
public interface ResumeLiveBotsUseCase {
    void resumeLiveBots();

    /**
     * Called periodically: rebuilds the sessions a database outage suspended, and the live bots a start-up could
     * not read, once the database answers again.
     */
    void superviseLiveBots();

    /** How many live bots are being rebuilt now; -1 until the start-up has read which bots are live. */
    int rebuildingLiveBots();
}
