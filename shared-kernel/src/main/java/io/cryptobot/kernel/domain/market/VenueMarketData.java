package io.cryptobot.kernel.domain.market;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The read side of one venue's public market data: its clock, its instruments and their trading rules, closed
 * candles by page, and a stream of closed candles. Implemented in {@code exchange} (Binance, a second venue, the
 * built-in simulated live venue {@code SIM}); used by {@code marketdata} (downloads, live feeds) and {@code bot}.
 *
 * <p>Part of the kernel for the same reason as {@link io.cryptobot.kernel.domain.execution.Venue}: the venues
 * implement it and the market-data context calls it, and neither may depend on the other. Every call answers a
 * {@link VenueFailure} instead of throwing; an implementation respects the venue's rate limits before sending and
 * answers {@link VenueFailure.RateLimited} rather than waiting when the budget is spent.
 */
public interface VenueMarketData {

    Venue venue();

    /** The venue's own clock, for skew checks and for judging whether a candle has closed. */
    Either<VenueFailure, Instant> serverTime();

    /**
     * The venue's clock by the offset to ours read at most {@code maxAge} ago, read again (as {@link #serverTime})
     * when older: for callers that look at the venue's time every second. An adapter that keeps no offset asks the
     * venue each time.
     */
    default Either<VenueFailure, Instant> serverTime(Duration maxAge) {
        return serverTime();
    }

    /** Every symbol the venue lists with its rules and status (delisted and halted ones included, marked). */
    Either<VenueFailure, List<VenueSymbol>> symbols();

    /** The timeframes the venue serves natively; coarser ones are resampled by the caller. */
    Set<Timeframe> timeframes();

    /** The most candles one {@link #candles} call returns (Binance: 1000). */
    int maxCandlesPerPage();

    /**
     * Closed candles of {@code instrument} opening at or after {@code fromOpenTime} (epoch ms UTC) and before
     * {@code toOpenTime} (exclusive), ascending, at most {@code limit} (and at most {@link #maxCandlesPerPage()}).
     * A candle still open on the venue is never returned. An empty list means there is nothing in the range.
     */
    Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe, long fromOpenTime,
                                                   long toOpenTime, int limit);

    /**
     * Opens one upstream stream of {@code instrument}'s candles. The listener is told of each closed candle as the
     * venue reports it (possibly more than once, possibly with gaps around reconnections: the caller dedupes by
     * open time and backfills through {@link #candles}), and of connection changes. The stream reconnects by itself
     * with backoff until closed.
     */
    CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener);

    /** A running upstream subscription. */
    interface CandleStream extends AutoCloseable {
        @Override
        void close();
    }

    /** Told from the stream's own thread; must not block. */
    interface CandleStreamListener {
        void onClosedCandle(VenueCandle candle);

        /** The stream is (again) connected; candles between the last one seen and the next may be missing. */
        default void onConnected() {
        }

        default void onDisconnected(String reason) {
        }
    }
}
