package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleFileReader;
import io.cryptobot.marketdata.domain.CandleSink;
import io.cryptobot.marketdata.domain.ImportErrors;
import io.cryptobot.marketdata.domain.ImportFormat;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.LimitBreach;
import io.vavr.control.Either;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Rows of a file on disk, streamed line by line: a plain kline/CSV file, or a zip archive of them (recognised by
 * its magic bytes, whatever its name or content type), read entry by entry without unpacking to disk. Each read
 * is held to the {@link ImportLimits} as it goes (bytes counted as they are inflated, lines bounded as they are
 * read), so a zip bomb or an endless line costs a few buffers and stops at the limit.
 */
final class FileCandleSource implements CandleSource {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int BUFFER = 1 << 16;
    private final Path file;
    private final CandleFileReader reader;
    private final ImportLimits limits;

    FileCandleSource(Path file, ImportFormat format, Instrument instrument, Timeframe timeframe, ImportLimits limits) {
        this.file = file;
        this.reader = new CandleFileReader(format, instrument, timeframe);
        this.limits = limits;
    }

    @Override
    public Either<LimitBreach, Long> read(CandleSink sink, ImportErrors errors) {
        UploadBudget budget = new UploadBudget(limits);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            if (!isZip(in)) {
                return Either.right(readText("", budget.metered(in), budget, sink, errors));
            }
            long rows = 0;
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    budget.enterEntry(entry.getName());
                    if (!entry.isDirectory()) {
                        rows += readText(entry.getName(), budget.metered(zip), budget, sink, errors);
                    }
                }
            }
            return Either.right(rows);
        } catch (UploadBudget.Exceeded e) {
            return Either.left(e.breach());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long readText(String entry, InputStream in, UploadBudget budget, CandleSink sink, ImportErrors errors) {
        return reader.read(entry, new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8), budget), sink,
                errors);
    }

    static boolean isZip(InputStream in) throws IOException {
        in.mark(ZIP_MAGIC.length);
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        in.reset();
        return Arrays.equals(head, ZIP_MAGIC);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
