package io.cryptobot.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.adapter.in.cli.GenerateKlineFile;
import io.cryptobot.marketdata.application.port.in.DefineInstrumentUseCase;
import io.cryptobot.marketdata.application.port.in.FindCandleGapsQuery;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesCommand;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesUseCase;
import io.cryptobot.marketdata.application.port.in.GetImportJobQuery;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.StartCandleImportCommand;
import io.cryptobot.marketdata.application.port.in.StartCandleImportUseCase;
import io.cryptobot.marketdata.domain.CandleSeries;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportFormat;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportStatus;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.SyntheticSpec;
import io.cryptobot.marketdata.domain.TimeRange;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Throughput benchmark, not a test: excluded from the normal run by its name, run with {@code -Pbench} (see
 * docs/benchmarks.md). It drives the application ports the REST resources use, so the figures are those of the
 * real code path: upload import = validation pass + insert pass over a Binance kline file on disk; synthetic
 * import = generator straight into the same insert path; reads = {@link LoadCandlesQuery}.
 */
@QuarkusTest
class CandleThroughputBench {
    private static final long FROM = 1_577_836_800_000L; // 2020-01-01T00:00Z
    private final List<String> report = new ArrayList<>();

    @Inject
    DefineInstrumentUseCase define;
    @Inject
    StartCandleImportUseCase startImport;
    @Inject
    GenerateSyntheticCandlesUseCase generate;
    @Inject
    GetImportJobQuery jobs;
    @Inject
    LoadCandlesQuery candles;
    @Inject
    FindCandleGapsQuery gaps;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void imports_and_reads_a_million_candles() throws IOException {
        int n = Integer.getInteger("bench.candles", 1_000_000);
        UserId owner = new UserId(UUID.randomUUID());
        line("candles per run: %,d (1m timeframe, BTC/USDT-like scales: tick 0.01, step 0.00001); bulk insert: %s",
                n, org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("cryptobot.marketdata.bulk-insert", String.class).orElse("copy"));

        Instrument fileInstrument = newInstrument();
        Path file = Files.createTempFile("bench-klines-", ".csv");
        long t0 = System.nanoTime();
        GenerateKlineFile.write(spec(fileInstrument, n), file, false);
        line("generate Binance CSV (%,d MB): %,d ms", Files.size(file) >> 20, ms(t0));
        Phases upload = await(owner, startImport.start(new StartCandleImportCommand(owner, fileInstrument.id(),
                Timeframe.M1, DatasetTarget.PRIVATE, ImportFormat.BINANCE, file, "bench.csv")).get());
        line("upload import (validate + insert): %,d ms total = %,.0f candles/s; validation pass ~%,d ms, "
                + "insert pass ~%,d ms = %,.0f candles/s", upload.totalMs, n * 1000.0 / upload.totalMs,
                upload.validatingMs, upload.importingMs, n * 1000.0 / upload.importingMs);

        Instrument synthetic = newInstrument();
        Phases generated = await(owner, generate.generate(new GenerateSyntheticCandlesCommand(owner, synthetic.id(),
                Timeframe.M1, DatasetTarget.PRIVATE, FROM, n, 42, "42000", 0, 0.001, "10")).get());
        line("synthetic import (generate + insert): %,d ms total = %,.0f candles/s; insert pass ~%,d ms = "
                + "%,.0f candles/s", generated.totalMs, n * 1000.0 / generated.totalMs, generated.importingMs,
                n * 1000.0 / generated.importingMs);

        TimeRange all = new TimeRange(FROM, FROM + n * 60_000L);
        for (int run = 1; run <= 3; run++) {
            long q0 = System.nanoTime();
            CandleSeries series = candles.load(owner, fileInstrument.id(), Timeframe.M1, all, n).get();
            long queryMs = ms(q0);
            assertThat(series.candles().size()).isEqualTo(n);
            line("read %,d candles in one LoadCandlesQuery call (run %d): %,d ms", n, run, queryMs);
        }
        long p0 = System.nanoTime();
        int pages = 0;
        long read = 0;
        long from = all.from();
        while (true) {
            CandleSeries page = candles.load(owner, fileInstrument.id(), Timeframe.M1, new TimeRange(from, all.to()),
                    10_000).get();
            pages++;
            read += page.candles().size();
            if (page.next().isEmpty()) {
                break;
            }
            from = page.next().get();
        }
        assertThat(read).isEqualTo(n);
        line("read %,d candles in %d pages of 10,000 (the REST paging path, without JSON): %,d ms", read, pages,
                ms(p0));
        long g0 = System.nanoTime();
        int found = gaps.gaps(owner, fileInstrument.id(), Timeframe.M1, all).get().size();
        line("gap report over %,d candles: %d gaps in %,d ms", n, found, ms(g0));

        // The database's own ceiling on this machine: the same rows made inside the server, no client at all.
        Instrument raw = newInstrument();
        long r0 = System.nanoTime();
        pool.preparedQuery("INSERT INTO marketdata.candles (instrument_id, timeframe, owner, open_time, open, high, "
                        + "low, close, volume) SELECT i.id, 60, 'ffffffff-ffff-ffff-ffff-ffffffffffff', "
                        + "$1::bigint + g::bigint * 60000, 4200000, 4200100, 4199900, 4200050, "
                        + "1000000 FROM generate_series(0, $2 - 1) g, marketdata.instruments i "
                        + "WHERE i.venue = 'BENCH' AND i.base = $3 ON CONFLICT DO NOTHING")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(FROM, n, raw.id().base().code()));
        long rawMs = Math.max(1, ms(r0));
        line("server-side INSERT ... SELECT generate_series ON CONFLICT DO NOTHING (database ceiling, no client): "
                + "%,d ms = %,.0f rows/s", rawMs, n * 1000.0 / rawMs);
        Instrument plain = newInstrument();
        long p1 = System.nanoTime();
        pool.preparedQuery("INSERT INTO marketdata.candles (instrument_id, timeframe, owner, open_time, open, high, "
                        + "low, close, volume) SELECT i.id, 60, 'ffffffff-ffff-ffff-ffff-ffffffffffff', "
                        + "$1::bigint + g::bigint * 60000, 4200000, 4200100, 4199900, 4200050, 1000000 "
                        + "FROM generate_series(0, $2 - 1) g, marketdata.instruments i "
                        + "WHERE i.venue = 'BENCH' AND i.base = $3")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(FROM, n, plain.id().base().code()));
        long plainMs = Math.max(1, ms(p1));
        line("server-side plain INSERT ... SELECT generate_series (no conflict check): %,d ms = %,.0f rows/s",
                plainMs, n * 1000.0 / plainMs);

        Path out = Path.of("target", "bench-results.txt");
        Files.write(out, report);
        System.out.println(String.join(System.lineSeparator(), report));
        assertThat(upload.status).isEqualTo(ImportStatus.COMPLETED);
        assertThat(generated.status).isEqualTo(ImportStatus.COMPLETED);
    }

    private Instrument newInstrument() {
        String base = "BENCH" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase();
        return define.define(Instrument.define("BENCH", base, "USDT", "0.01", "0.00001").get()).get();
    }

    private static SyntheticSpec spec(Instrument instrument, int n) {
        return new SyntheticSpec(instrument, Timeframe.M1, FROM, n, 42, instrument.price("42000").get(), 0, 0.001,
                instrument.quantity("10").get());
    }

    private record Phases(ImportStatus status, long totalMs, long validatingMs, long importingMs) {
    }

    /** Polls the job every 10 ms and notes when it changes phase. */
    private Phases await(UserId owner, ImportJob job) {
        long start = System.nanoTime();
        long importingFrom = -1;
        while (true) {
            ImportJob now = jobs.get(owner, job.id()).get();
            if (now.status() == ImportStatus.IMPORTING && importingFrom < 0) {
                importingFrom = System.nanoTime();
            }
            if (now.status().isFinished()) {
                long end = System.nanoTime();
                long validating = ((importingFrom < 0 ? end : importingFrom) - start) / 1_000_000;
                long importing = importingFrom < 0 ? 0 : (end - importingFrom) / 1_000_000;
                assertThat(now.status()).as(now.failure().getOrElse("")).isEqualTo(ImportStatus.COMPLETED);
                return new Phases(now.status(), (end - start) / 1_000_000, validating, Math.max(1, importing));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void line(String format, Object... args) {
        report.add(String.format(format, args));
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
