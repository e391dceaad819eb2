package io.cryptobot.marketdata.application.port.out;

import java.util.concurrent.Executor;

/** The threads live feeds run on. */
public interface LiveFeedWorkersPort {
    /** Each feed's work, one task of a feed at a time: ordering, fetching gaps from the venue, passing candles on. */
    Executor feeds();

    /** Where received candles are stored (blocking on the database; never a feed's own thread). */
    Executor writers();
}
