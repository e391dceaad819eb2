package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.kernel.adapter.in.rest.Decimals;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One event of a live candle stream. {@code kind}: {@code price} (once, first: the latest stored candle and its
 * close, if any), {@code candle} (a closed candle: {@code candle}, its close as {@code price}, {@code late},
 * {@code source} live/backfill and {@code delaySeconds} from its close, a decimal string to the millisecond such as
 * {@code "0.212"}: a delay is a duration, not a time, and a live one is mostly a fraction of a second) or
 * {@code status} (the feed's state changed: {@code feed}). Properties another kind carries are null.
 */
public record LiveEventResponse(String kind, String instrument, String timeframe, String price,
                                CandleResponse candle, Boolean late, String source, String delaySeconds,
                                FeedStatusResponse feed) {
    static LiveEventResponse price(InstrumentId instrument, Timeframe timeframe, Candle latest) {
        return new LiveEventResponse("price", instrument.toString(), timeframe.code(),
                latest.close().toBigDecimal().toPlainString(), CandleResponse.of(latest), null, null, null, null);
    }

    static LiveEventResponse candle(LiveCandle live) {
        return new LiveEventResponse("candle", live.instrument().toString(), live.timeframe().code(),
                live.candle().close().toBigDecimal().toPlainString(), CandleResponse.of(live.candle()), live.late(),
                live.source().name().toLowerCase(Locale.ROOT),
                Decimals.exact(BigDecimal.valueOf(live.delayMillis(), 3)), null);
    }

    static LiveEventResponse status(FeedStatus status) {
        return new LiveEventResponse("status", status.instrument().toString(), status.timeframe().code(), null, null,
                null, null, null, FeedStatusResponse.of(status));
    }
}
