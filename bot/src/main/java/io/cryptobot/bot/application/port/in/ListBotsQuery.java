package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;

/** The caller's bots, a page at a time, newest first, each with its portfolio as its journaled fills make it. */
public interface ListBotsQuery {
    Page<BotPortfolio> list(UserId caller, PageRequest page);

    /** The version the caller's bot pages are at now (see {@link BooksVersion}). */
    BooksVersion version(UserId caller);
}
