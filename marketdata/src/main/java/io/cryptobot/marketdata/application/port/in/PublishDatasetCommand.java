package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import java.util.Objects;

/** {@code admin} publishes {@code owner}'s private candles of the instrument and timeframe into the shared data. */
public record PublishDatasetCommand(UserId admin, UserId owner, InstrumentId instrument, Timeframe timeframe) {
    public PublishDatasetCommand {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
    }
}
