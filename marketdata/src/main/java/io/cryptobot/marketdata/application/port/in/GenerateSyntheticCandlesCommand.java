package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DatasetTarget;
import java.util.Objects;

/**
 * Generate a seeded synthetic series into the store. Prices are decimal strings because their allowed decimals
 * depend on the instrument, which the use case looks up; it then validates them against it. {@code dataset} is
 * where the series goes, as for an upload ({@link StartCandleImportCommand}).
 */
public record GenerateSyntheticCandlesCommand(UserId owner, InstrumentId instrument, Timeframe timeframe,
                                              DatasetTarget dataset, long from,
                                              int count, long seed, String startPrice, double drift,
                                              double volatility, String baseVolume) {
    public GenerateSyntheticCandlesCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(startPrice, "startPrice");
        Objects.requireNonNull(baseVolume, "baseVolume");
    }
}
