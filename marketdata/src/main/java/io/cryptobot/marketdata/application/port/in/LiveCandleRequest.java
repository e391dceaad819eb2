package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Which feed to join, and from which candle. Without {@code from}, the subscriber gets the candles that close from
 * now on. With it (an aligned open time), it first gets every stored candle from {@code from} up to the feed's
 * latest (source {@code HISTORY}, late), then the live ones, without a gap or a repeat between them: what a bot
 * restarting after its checkpoint needs. A bot warms up on {@code LoadCandlesQuery} up to {@code from}.
 */
public record LiveCandleRequest(InstrumentId instrument, Timeframe timeframe, Option<Long> from) {
    public LiveCandleRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(from, "from");
    }

    public static LiveCandleRequest fromNow(InstrumentId instrument, Timeframe timeframe) {
        return new LiveCandleRequest(instrument, timeframe, Option.none());
    }
}
