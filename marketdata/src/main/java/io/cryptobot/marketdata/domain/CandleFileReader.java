package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;

/**
 * Reads the lines of one candle file (or one zip entry) for an instrument and timeframe: good rows go to a sink,
 * refused rows to {@link ImportErrors} with their line number and reason. Blank lines are skipped; a Binance file
 * may start with a header line (newer futures files have one), a CSV file must.
 */
public final class CandleFileReader {
    private final ImportFormat format;
    private final Instrument instrument;
    private final Timeframe timeframe;

    public CandleFileReader(ImportFormat format, Instrument instrument, Timeframe timeframe) {
        this.format = Objects.requireNonNull(format, "format");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
    }

    /** Returns the number of data rows read (good and refused), which is what progress counts against. */
    public long read(String entry, Iterator<String> lines, CandleSink sink, ImportErrors errors) {
        CandleRowParser parser = format == ImportFormat.BINANCE ? new BinanceKlineParser(instrument) : null;
        long lineNumber = 0;
        long rows = 0;
        boolean headerFailed = false;
        boolean first = true;
        while (lines.hasNext()) {
            String line = lines.next();
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            boolean firstContent = first;
            first = false;
            if (parser == null && !headerFailed) {
                Either<String, GenericCsvParser> header = GenericCsvParser.withHeader(instrument, line);
                if (header.isLeft()) {
                    errors.add(new RowError(entry, lineNumber, header.getLeft()));
                    headerFailed = true;
                } else {
                    parser = header.get();
                }
                continue;
            }
            if (format == ImportFormat.BINANCE && firstContent && Character.isLetter(line.charAt(0))) {
                continue;
            }
            rows++;
            if (headerFailed) {
                continue;
            }
            Either<String, Candle> candle = parser.parse(line).flatMap(this::aligned);
            if (candle.isRight()) {
                sink.accept(candle.get());
            } else {
                errors.add(new RowError(entry, lineNumber, candle.getLeft()));
            }
        }
        return rows;
    }

    private Either<String, Candle> aligned(Candle candle) {
        return timeframe.isAligned(candle.openTime())
                ? Either.right(candle)
                : Either.left("open time " + Instant.ofEpochMilli(candle.openTime()) + " is not aligned to "
                        + timeframe.code());
    }
}
