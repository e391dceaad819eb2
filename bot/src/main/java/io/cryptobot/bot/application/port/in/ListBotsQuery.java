package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;

/** The caller's bots, a page at a time. */
public interface ListBotsQuery {
    Page<Bot> list(UserId caller, PageRequest page);
}
