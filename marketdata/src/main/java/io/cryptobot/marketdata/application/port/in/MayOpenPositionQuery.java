package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.control.Either;

/**
 * "May a position be opened on this instrument now?", for bots and anything else that opens positions: refused while
 * the venue reports the instrument halted or delisted (as of the last instrument sync), and for an instrument the
 * catalog does not know. An instrument whose venue status was never synced (a venue without a market-data adapter,
 * or before the first sync) is allowed: nothing says otherwise. Answered from memory; cheap enough for every signal.
 * Reducing or closing a position is not this query's business.
 */
public interface MayOpenPositionQuery {
    Either<OpeningRefused, InstrumentId> mayOpen(InstrumentId instrument);
}
