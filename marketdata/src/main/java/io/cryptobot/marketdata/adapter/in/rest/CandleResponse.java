package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.marketdata.domain.CandleBatch;
import java.time.Instant;

/** Prices and volume as exact decimal strings at the instrument's scale; the open time as an ISO-8601 instant. */
public record CandleResponse(Instant openTime, String open, String high, String low, String close, String volume) {
    static CandleResponse of(CandleBatch batch, int i) {
        int ps = batch.priceScale();
        return new CandleResponse(Instant.ofEpochMilli(batch.openTime(i)), plain(batch.open(i), ps),
                plain(batch.high(i), ps), plain(batch.low(i), ps), plain(batch.close(i), ps),
                plain(batch.volume(i), batch.quantityScale()));
    }

    static CandleResponse of(Candle candle) {
        return new CandleResponse(Instant.ofEpochMilli(candle.openTime()),
                plain(candle.open().units(), candle.open().scale()), plain(candle.high().units(), candle.high().scale()),
                plain(candle.low().units(), candle.low().scale()), plain(candle.close().units(), candle.close().scale()),
                plain(candle.volume().units(), candle.volume().scale()));
    }

    private static String plain(long units, int scale) {
        return FixedPoint.toBigDecimal(units, scale).toPlainString();
    }
}
