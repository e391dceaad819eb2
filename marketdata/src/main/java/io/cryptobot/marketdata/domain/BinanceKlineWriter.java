package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Writes candles as Binance kline rows, the layout {@link BinanceKlineParser} reads: open time, OHLC, volume,
 * close time (next open time - 1 ms), quote volume (volume x close, as an estimate), then trade count and taker
 * volumes, which a candle does not know and are written as 0. Timestamps in milliseconds, or in microseconds as
 * Binance spot files have them since 2025.
 */
public final class BinanceKlineWriter {
    private final Timeframe timeframe;
    private final boolean microseconds;

    public BinanceKlineWriter(Timeframe timeframe, boolean microseconds) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.microseconds = microseconds;
    }

    /** Appends one row without its line break. */
    public StringBuilder append(StringBuilder out, Candle candle) {
        long unit = microseconds ? 1000 : 1;
        out.append(candle.openTime() * unit).append(',');
        decimal(out, candle.open().units(), candle.open().scale()).append(',');
        decimal(out, candle.high().units(), candle.high().scale()).append(',');
        decimal(out, candle.low().units(), candle.low().scale()).append(',');
        decimal(out, candle.close().units(), candle.close().scale()).append(',');
        decimal(out, candle.volume().units(), candle.volume().scale()).append(',');
        out.append((timeframe.next(candle.openTime()) - 1) * unit + (unit - 1)).append(',');
        BigDecimal quote = candle.volume().toBigDecimal().multiply(candle.close().toBigDecimal());
        out.append(quote.toPlainString()).append(",0,0,0,0");
        return out;
    }

    /** Fixed decimals, no exponent, no rounding: {@code 4228358} at scale 2 is {@code 42283.58}. */
    static StringBuilder decimal(StringBuilder out, long units, int scale) {
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        if (scale == 0) {
            return out.append(units);
        }
        String digits = Long.toString(units);
        int integerDigits = digits.length() - scale;
        if (integerDigits <= 0) {
            out.append("0.");
            out.repeat('0', -integerDigits);
            return out.append(digits);
        }
        return out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, digits.length());
    }
}
