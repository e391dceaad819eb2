package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.UUID;

/** The owner's bots running now (not paused), and whether a bot is theirs: light reads, for watchers of bots. */
public interface RunningBotsQuery {
    List<RunningBot> running(UserId owner);

    /** Whether {@code botId} names one of the owner's bots, whatever its status. */
    boolean owns(UserId owner, UUID botId);

    record RunningBot(UUID id, String name) {
    }
}
