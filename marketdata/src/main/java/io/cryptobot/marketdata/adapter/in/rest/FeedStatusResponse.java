package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.marketdata.application.port.in.FeedStatus;
import java.time.Instant;

/**
 * A running live feed: whether its venue stream is connected, whether it is fresh (a closed candle within the last
 * two intervals) and since when it is stale, its latest candle's open time, its subscribers, and counters since it
 * started (candles passed on, of which fetched to fill gaps; reconnections).
 */
public record FeedStatusResponse(String timeframe, boolean connected, boolean fresh, Instant staleSince,
                                 Instant lastOpenTime, int subscribers, long delivered, long backfilled,
                                 long reconnections, Instant startedAt) {
    static FeedStatusResponse of(FeedStatus status) {
        return new FeedStatusResponse(status.timeframe().code(), status.connected(), status.fresh(),
                status.staleSince().getOrNull(), status.lastOpenTime().map(Instant::ofEpochMilli).getOrNull(),
                status.subscribers(), status.delivered(), status.backfilled(), status.reconnections(),
                status.startedAt());
    }
}
