package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A running live feed as it stands: whether its upstream stream is connected, whether it is fresh (a closed candle
 * within the last two intervals, see {@code FeedFreshness}) and since when it is stale, its latest candle, how many
 * subscribers it has, and counters since it started (candles passed on, of which fetched to fill gaps;
 * reconnections).
 */
public record FeedStatus(InstrumentId instrument, Timeframe timeframe, boolean connected, boolean fresh,
                         Option<Instant> staleSince, Option<Long> lastOpenTime, int subscribers, long delivered,
                         long backfilled, long reconnections, Instant startedAt) {
    public FeedStatus {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(staleSince, "staleSince");
        Objects.requireNonNull(lastOpenTime, "lastOpenTime");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
