package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.UserId;

/** The caller's paper trading summed up over every bot (running or finished). */
public interface PortfolioSummaryQuery {
    PortfolioSummary summary(UserId caller);

    /** The version the caller's summary is at now (see {@link BooksVersion}). */
    BooksVersion version(UserId caller);
}
