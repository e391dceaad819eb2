package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Timeframe;
import java.util.Objects;

/** The most recent stored candle of a series; its close is the latest known price. */
public record LatestPrice(InstrumentId instrument, Timeframe timeframe, Candle candle) {
    public LatestPrice {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(candle, "candle");
    }

    public Price price() {
        return candle.close();
    }
}
