package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads CSV rows laid out by a header naming {@code timestamp, open, high, low, close, volume} (case-insensitive,
 * any order, other columns ignored). The timestamp is epoch milliseconds or an ISO-8601 instant with an offset
 * ({@code 2024-01-01T00:00:00Z}).
 */
public final class GenericCsvParser implements CandleRowParser {
    static final List<String> REQUIRED = List.of("timestamp", "open", "high", "low", "close", "volume");
    private final Instrument instrument;
    private final int[] index;
    private final int minColumns;

    private GenericCsvParser(Instrument instrument, int[] index) {
        this.instrument = instrument;
        this.index = index;
        int max = 0;
        for (int i : index) {
            max = Math.max(max, i);
        }
        this.minColumns = max + 1;
    }

    public static Either<String, GenericCsvParser> withHeader(Instrument instrument, String header) {
        Objects.requireNonNull(instrument, "instrument");
        List<String> names = Rows.split(header).stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        int[] index = new int[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < REQUIRED.size(); i++) {
            index[i] = names.indexOf(REQUIRED.get(i));
            if (index[i] < 0) {
                missing.add(REQUIRED.get(i));
            }
        }
        return missing.isEmpty()
                ? Either.right(new GenericCsvParser(instrument, index))
                : Either.left("header lacks column(s) " + String.join(", ", missing)
                        + "; expected " + String.join(",", REQUIRED));
    }

    @Override
    public Either<String, Candle> parse(String line) {
        List<String> fields = Rows.split(line);
        if (fields.size() < minColumns) {
            return Either.left("expected at least " + minColumns + " columns, found " + fields.size());
        }
        return timestamp(fields.get(index[0])).flatMap(openTime -> Rows.candle(instrument, openTime,
                fields.get(index[1]), fields.get(index[2]), fields.get(index[3]), fields.get(index[4]),
                fields.get(index[5])));
    }

    /** Epoch milliseconds from digits, or from an ISO-8601 instant. */
    public static Either<String, Long> timestamp(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Either.right(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Either.left("timestamp '" + text + "' is too large");
            }
        }
        try {
            return Either.right(Instant.parse(text).toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            return Either.left("timestamp '" + text + "' is neither epoch milliseconds nor an ISO-8601 instant");
        }
    }
}
