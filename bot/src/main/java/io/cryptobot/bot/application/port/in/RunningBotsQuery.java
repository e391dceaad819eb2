package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import java.util.List;
import java.util.UUID;

/** The owner's bots running now (not paused): one light read, for schedulers that watch them. */
public interface RunningBotsQuery {
    List<RunningBot> running(UserId owner);

    record RunningBot(UUID id, String name) {
    }
}
