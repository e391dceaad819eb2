package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Candles of one instrument and timeframe in ascending open time, in columns. {@code next} is the open time of
 * the first candle after this page when the range holds more, so a caller continues with {@code from = next}.
 */
public record CandleSeries(Instrument instrument, Timeframe timeframe, CandleBatch candles, Option<Long> next) {
    public CandleSeries {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(next, "next");
    }
}
