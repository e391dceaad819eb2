package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.Publication;
import io.vavr.control.Option;
import java.time.Instant;

public interface PublishDatasetPort {
    /**
     * In one transaction: moves {@code owner}'s private candles of the instrument and timeframe into the shared
     * data (replacing shared candles at the same open times), deletes the private copies, and records the
     * publication under {@code admin}. None when the owner has no such dataset (then nothing changes).
     */
    Option<Publication> publish(UserId admin, UserId owner, Instrument instrument, Timeframe timeframe, Instant now);
}
