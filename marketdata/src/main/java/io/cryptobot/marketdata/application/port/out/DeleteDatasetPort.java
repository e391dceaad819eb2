package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Option;

public interface DeleteDatasetPort {
    /** Deletes {@code owner}'s private candles of the instrument and timeframe; how many, none when there was none. */
    Option<Long> delete(UserId owner, Instrument instrument, Timeframe timeframe);
}
