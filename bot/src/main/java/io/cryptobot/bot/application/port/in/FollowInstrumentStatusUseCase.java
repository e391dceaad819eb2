package io.cryptobot.bot.application.port.in;

import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;

/**
 * The venue changed an instrument's trading status: every live-feed bot trading it here looks at its openings
 * again at once (halted or delisted: it opens no new position; trading again: it may), recording the change.
 */
public interface FollowInstrumentStatusUseCase {
    void follow(InstrumentStatusChanged changed);
}
