package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;

/**
 * Joins the live feed of an instrument and timeframe, started on its venue with the first subscriber and stopped
 * when the last one leaves: one upstream stream per instrument and timeframe however many subscribe. The feed
 * passes on closed candles only, once each, ascending, and fills what it missed around reconnections from the
 * venue's history before passing on anything later; it stores what it passes on as shared reference data.
 *
 * <p>Refused: an unknown instrument ({@code marketdata.instrument.not_found}), a venue this instance has no market
 * data of ({@code marketdata.live.venue_unavailable}), a timeframe the venue does not stream or a {@code from} that
 * is unaligned or too far back, more than that many {@code lastClosed} candles ({@code marketdata.invalid_input}).
 */
public interface SubscribeLiveCandlesUseCase {
    /** The most candles a subscriber may ask to catch up on with {@code from}; older history is loaded, not fed. */
    int MAX_CATCH_UP_CANDLES = 100_000;

    Either<DomainError, LiveSubscription> subscribe(LiveCandleRequest request, LiveCandleSubscriber subscriber);

    /** What {@link #subscribe} would refuse, without subscribing: for whatever defines a feed to follow later. */
    Either<DomainError, LiveCandleRequest> check(LiveCandleRequest request);
}
