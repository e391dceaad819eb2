package io.cryptobot.app.marketdata;

import static io.cryptobot.app.marketdata.VenueFixtures.awaitDownload;
import static io.cryptobot.app.marketdata.VenueFixtures.requests;
import static io.cryptobot.app.marketdata.VenueFixtures.startDownload;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.Timeframe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Download throughput benchmark, not a test: excluded from the normal run by its name, run with {@code -Pbench} (see
 * docs/benchmarks.md). 1m candles over {@code bench.download.days} days (30 by default) are downloaded from the fake
 * Binance on loopback through the whole application path (POST /api/marketdata/downloads, the download worker, the
 * real Binance adapter with its rate limiter, the fake's klines endpoint paged by 1000, the candle writer into
 * PostgreSQL), each round into a new symbol, with the fake's (and so the adapter's) request weight limit at
 * Binance's documented 6000 a minute and unlimited, alternately; then once with a limit low enough to bind, started
 * at a minute boundary, to show the adapter pacing itself to the limit (a klines page costs 2 of the weight).
 */
@QuarkusTest
class VenueDownloadBench {
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();
    private final List<String> report = new ArrayList<>();

    @Test
    void downloads_30_days_of_1m_candles_from_the_fake_binance() throws IOException {
        int days = Integer.getInteger("bench.download.days", 30);
        int rounds = Integer.getInteger("bench.download.rounds", 3);
        int candles = days * 1440;
        line("%s: 1m candles over %d days = %,d candles, %d pages of 1000 (2 weight each) a download; load average "
                + "at the start %s", Instant.now(), days, candles, (candles + 999) / 1000, loadAverage());
        line("bound by the weight limit: 6000/min = 3000 pages/min = %,d candles/s", 3000 * 1000 / 60);

        round("warm-up (unlimited, not counted)", 100_000_000, days);
        List<Double> limited = new ArrayList<>();
        List<Double> unlimited = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            limited.add(round("weight 6000/min, round " + i, 6000, days));
            unlimited.add(round("unlimited, round " + i, 100_000_000, days));
        }
        line("weight 6000/min: median %,.0f candles/s (rounds %s)", median(limited), limited);
        line("unlimited:       median %,.0f candles/s (rounds %s)", median(unlimited), unlimited);

        long binding = Long.getLong("bench.download.binding-weight", 40);
        if (binding > 0) {
            line("binding limit: %d weight/min = %d pages/min = %,d candles/s at most in steady state", binding,
                    binding / 2, binding / 2 * 1000 / 60);
            round("weight " + binding + "/min, from a minute boundary", binding, days);
        }
        line("load average at the end %s", loadAverage());
        binance.weightLimit(6000);
        Files.write(Path.of("target", "venue-download-bench.txt"), report);
    }

    /** One download into a new symbol with the fake's weight limit at {@code weightLimit}; candles/s. */
    private double round(String name, long weightLimit, int days) {
        String base = DownloadApiTest.newBase();
        boolean binding = weightLimit < 6000;
        if (binding) {
            // the earlier rounds spent more than this limit in the current minute (on both clocks)
            toNextMinute();
        }
        binance.weightLimit(weightLimit);
        binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        binance.klines(base + "USDT", Timeframe.M1).randomWalk(START, days * 1440, base.hashCode());
        String instrument = "BINANCE:" + base + "/USDT";
        // lists the pair (the exchange information, 20 weight, whose published limit the adapter adopts) and stores
        // the first minute, outside the measure; a binding limit's download starts at a minute boundary
        awaitDownload(trader, startDownload(trader, instrument, "1m", START, START + MINUTE));
        if (binding) {
            toNextMinute();
        }
        long t0 = System.nanoTime();
        JsonPath done = awaitDownload(trader, startDownload(trader, instrument, "1m", START + MINUTE,
                START + days * 1440L * MINUTE), Duration.ofMinutes(10));
        double wall = (System.nanoTime() - t0) / 1e9;
        assertThat(done.getString("status")).isEqualTo("completed");
        long inserted = done.getLong("inserted");
        assertThat(inserted).isEqualTo(days * 1440L - 1);
        double job = Duration.between(Instant.parse(done.getString("startedAt")),
                Instant.parse(done.getString("finishedAt"))).toNanos() / 1e9;
        List<Instant> asked = requests(binance, VenueDownloadTest.KLINES, "symbol", base + "USDT").stream()
                .map(r -> r.at()).toList();
        long pages = asked.size() - 1;
        if (binding) {
            line("  klines requests per minute of the clock: %s", asked.subList(1, asked.size()).stream()
                    .collect(Collectors.groupingBy(at -> at.toEpochMilli() / MINUTE,
                            TreeMap::new, Collectors.counting())).values());
        }
        double rate = inserted / wall;
        line("%-45s %,9d candles in %6.2f s wall (%6.2f s in the job) = %,8.0f candles/s; %d klines requests",
                name, inserted, wall, job, rate, pages);
        return Math.round(rate);
    }

    private static void toNextMinute() {
        VenueFixtures.sleep(MINUTE - System.currentTimeMillis() % MINUTE + 100);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println("[venue-download-bench] " + text);
    }
}
