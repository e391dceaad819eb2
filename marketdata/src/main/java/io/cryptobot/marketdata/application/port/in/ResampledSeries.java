package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.IncompleteBucket;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;

/**
 * Coarse candles computed from stored finer ones, ascending; {@code incomplete} lists the buckets skipped because
 * some of their fine candles are not stored; {@code next} is where the following page starts when the range goes on.
 */
public record ResampledSeries(Instrument instrument, Timeframe source, Timeframe timeframe, CandleBatch candles,
                              List<IncompleteBucket> incomplete, Option<Long> next) {
    public ResampledSeries {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(candles, "candles");
        incomplete = List.copyOf(incomplete);
        Objects.requireNonNull(next, "next");
    }
}
