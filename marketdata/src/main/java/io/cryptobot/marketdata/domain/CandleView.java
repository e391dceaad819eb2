package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Whose candles a read sees. The shared view is the platform's reference data alone (written only at start-up, by
 * venue downloads or by an admin); a user's view is that user's private candles laid over the shared ones, the
 * private candle winning at an open time both have. No view ever shows another user's private candles: that is
 * what keeps one user's uploads out of everyone else's charts, backtests and bots.
 */
public record CandleView(Option<UserId> reader) {
    private static final CandleView SHARED = new CandleView(Option.none());

    public CandleView {
        Objects.requireNonNull(reader, "reader");
    }

    public static CandleView shared() {
        return SHARED;
    }

    public static CandleView of(UserId reader) {
        return new CandleView(Option.some(Objects.requireNonNull(reader, "reader")));
    }
}
