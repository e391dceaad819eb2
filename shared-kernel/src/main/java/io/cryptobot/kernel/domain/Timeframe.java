package io.cryptobot.kernel.domain;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Candle intervals, named as Binance names them. All are aligned to UTC: a 1h candle opens on the hour,
 * 1d at midnight UTC, 1w on Monday 00:00 UTC (as Binance does), 1M on the first of the month.
 */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M3("3m", Duration.ofMinutes(3)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    M30("30m", Duration.ofMinutes(30)),
    H1("1h", Duration.ofHours(1)),
    H2("2h", Duration.ofHours(2)),
    H4("4h", Duration.ofHours(4)),
    H6("6h", Duration.ofHours(6)),
    H8("8h", Duration.ofHours(8)),
    H12("12h", Duration.ofHours(12)),
    D1("1d", Duration.ofDays(1)),
    D3("3d", Duration.ofDays(3)),
    W1("1w", Duration.ofDays(7)),
    MO1("1M", null);

    /** 1970-01-05 was a Monday: weekly candles are aligned to it. */
    private static final long MONDAY_EPOCH_MILLIS = Duration.ofDays(4).toMillis();

    private final String code;
    private final Duration fixedLength;

    Timeframe(String code, Duration fixedLength) {
        this.code = code;
        this.fixedLength = fixedLength;
    }

    public String code() {
        return code;
    }

    public static Option<Timeframe> parse(String code) {
        return Option.ofOptional(Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst());
    }

    /** Whether a candle may open at this instant (epoch millis). */
    public boolean isAligned(long openTimeMillis) {
        return floor(openTimeMillis) == openTimeMillis;
    }

    /** The open time of the candle that contains {@code epochMillis}. */
    public long floor(long epochMillis) {
        if (fixedLength == null) {
            LocalDate date = Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        long length = fixedLength.toMillis();
        long origin = this == W1 ? MONDAY_EPOCH_MILLIS : 0;
        return Math.floorDiv(epochMillis - origin, length) * length + origin;
    }

    /** The open time of the candle after the one opening at {@code openTimeMillis}. */
    public long next(long openTimeMillis) {
        if (fixedLength == null) {
            return Instant.ofEpochMilli(openTimeMillis).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli();
        }
        return openTimeMillis + fixedLength.toMillis();
    }

    /** Nominal length; a month counts 30 days here (used for estimates, never for alignment). */
    public Duration nominalLength() {
        return fixedLength == null ? Duration.ofDays(30) : fixedLength;
    }
}
