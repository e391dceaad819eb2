package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * Reads Binance public-data kline rows: open time, open, high, low, close, volume, close time, quote volume,
 * trades, taker buy base, taker buy quote, ignore. Spot files switched their timestamps from milliseconds to
 * microseconds on 2025-01-01; each value is judged on its own (at least 10^15 means microseconds, which is
 * year 33658 in milliseconds), so archives spanning the switch read correctly.
 */
public final class BinanceKlineParser implements CandleRowParser {
    public static final int COLUMNS = 12;
    static final long MICROSECONDS_FROM = 1_000_000_000_000_000L;
    private final Instrument instrument;

    public BinanceKlineParser(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    @Override
    public Either<String, Candle> parse(String line) {
        List<String> fields = Rows.split(line);
        if (fields.size() != COLUMNS) {
            return Either.left("expected " + COLUMNS + " columns, found " + fields.size());
        }
        return openTimeMillis(fields.get(0)).flatMap(openTime -> Rows.candle(instrument, openTime, fields.get(1),
                fields.get(2), fields.get(3), fields.get(4), fields.get(5)));
    }

    /** Epoch milliseconds of a Binance timestamp in either unit. */
    public static Either<String, Long> openTimeMillis(String text) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Either.left("open time '" + text + "' is not an integer");
        }
        if (value < 0) {
            return Either.left("open time " + value + " is negative");
        }
        if (value < MICROSECONDS_FROM) {
            return Either.right(value);
        }
        if (value % 1000 != 0) {
            return Either.left("open time " + value + " µs is not a whole millisecond");
        }
        return Either.right(value / 1000);
    }
}
