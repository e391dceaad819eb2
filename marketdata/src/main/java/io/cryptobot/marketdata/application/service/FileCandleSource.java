package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.CandleFileReader;
import io.cryptobot.marketdata.domain.CandleSink;
import io.cryptobot.marketdata.domain.ImportErrors;
import io.cryptobot.marketdata.domain.ImportFormat;
import io.cryptobot.marketdata.domain.Instrument;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Rows of a file on disk, streamed line by line: a plain kline/CSV file, or a zip archive of them (recognised by
 * its magic bytes, whatever its name or content type), read entry by entry without unpacking to disk.
 */
final class FileCandleSource implements CandleSource {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int BUFFER = 1 << 16;
    private final Path file;
    private final CandleFileReader reader;

    FileCandleSource(Path file, ImportFormat format, Instrument instrument, Timeframe timeframe) {
        this.file = file;
        this.reader = new CandleFileReader(format, instrument, timeframe);
    }

    @Override
    public long read(CandleSink sink, ImportErrors errors) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            if (!isZip(in)) {
                return readText("", in, sink, errors);
            }
            long rows = 0;
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        rows += readText(entry.getName(), new FilterInputStream(zip) {
                            @Override
                            public void close() {
                                // the archive stays open for its next entry
                            }
                        }, sink, errors);
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long readText(String entry, InputStream in, CandleSink sink, ImportErrors errors) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER)) {
            return reader.read(entry, lines.lines().iterator(), sink, errors);
        }
    }

    static boolean isZip(InputStream in) throws IOException {
        in.mark(ZIP_MAGIC.length);
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        in.reset();
        return java.util.Arrays.equals(head, ZIP_MAGIC);
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
