package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Which feed to join, and from which candle. Without {@code from}, the subscriber gets the candles that close from
 * now on. With it (an aligned open time), it first gets every candle from {@code from} up to the feed's latest
 * (stored ones, and those the store lacks fetched from the venue and stored: source {@code HISTORY}, late; when the
 * feed had passed nothing on yet, the feed's own fetch up to now: {@code BACKFILL}), then the live ones, without a
 * gap or a repeat between them: what a bot restarting after its checkpoint needs. A range the venue refuses to serve
 * is told ({@code LiveCandleSubscriber.onHistoryUnavailable}), never skipped silently. With {@code lastClosed} (and no {@code from}) it first gets the latest
 * {@code lastClosed} candles the feed has when it joins (stored or in memory, {@code HISTORY}), then the live ones:
 * what a bot starting on live candles warms up on. A bot may also warm up on {@code LoadCandlesQuery} up to
 * {@code from}.
 */
public record LiveCandleRequest(InstrumentId instrument, Timeframe timeframe, Option<Long> from, int lastClosed) {
    public LiveCandleRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(from, "from");
        if (lastClosed < 0 || (lastClosed > 0 && from.isDefined())) {
            throw new IllegalArgumentException("lastClosed is a count of candles before now, not with from");
        }
    }

    public LiveCandleRequest(InstrumentId instrument, Timeframe timeframe, Option<Long> from) {
        this(instrument, timeframe, from, 0);
    }

    public static LiveCandleRequest fromNow(InstrumentId instrument, Timeframe timeframe) {
        return new LiveCandleRequest(instrument, timeframe, Option.none(), 0);
    }

    /** The latest {@code count} closed candles the feed has, then the live ones. */
    public static LiveCandleRequest withLastClosed(InstrumentId instrument, Timeframe timeframe, int count) {
        return new LiveCandleRequest(instrument, timeframe, Option.none(), count);
    }
}
