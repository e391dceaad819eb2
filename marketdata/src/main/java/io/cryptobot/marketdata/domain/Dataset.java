package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * One user's private candles of one instrument and timeframe: what their imports and synthetic series stored,
 * seen only by them until an admin publishes it. {@code first} and {@code last} are the open times of its oldest
 * and newest candle (none when it is empty).
 */
public record Dataset(UserId owner, InstrumentId instrument, Timeframe timeframe, long candles, Option<Long> first,
                      Option<Long> last) {
    public Dataset {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (candles < 0) {
            throw new IllegalArgumentException("candles must not be negative");
        }
    }
}
