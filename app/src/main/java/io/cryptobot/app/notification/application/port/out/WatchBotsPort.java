package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.UUID;

/** What alert rules need to know of the owner's bots, from the bot and order contexts. */
public interface WatchBotsPort {
    /** Whether {@code botId} is one of the owner's bots. */
    boolean owns(UserId owner, UUID botId);

    /** The owner's running bots (id, name). */
    List<Bot> running(UserId owner);

    /** The bot's fill cursor now, read from {@code after}: a larger one than {@code after} means it filled since. */
    long fillCursor(UserId owner, UUID botId, long after);

    record Bot(UUID id, String name) {
    }
}
