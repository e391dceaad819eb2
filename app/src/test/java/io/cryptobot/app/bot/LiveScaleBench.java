package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.service.LiveStepProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Scale benchmark, not a test: excluded from the normal run by its name, run with {@code -Pbench} (see
 * docs/benchmarks.md). {@code bench.live.feeds} live 1m feeds of the simulated venue {@code SIM} (one symbol each,
 * so as many instrument × timeframe feeds; 200 by default) at {@code bench.live.speed} times the wall clock (600: a
 * 1m candle closes every 100 ms on every feed), followed by {@code bench.live.bots} paper bots (500 by default;
 * {@code sma_crossover} 5/20, bot i on feed i mod feeds, {@code bench.live.users} owners with the per-user limits
 * raised), for {@code bench.live.seconds} after a warm-up. Scenarios ({@code -Dbench.scale=}): {@code full} (the
 * default above, 60 s), {@code small} (20 feeds, 50 bots, 2 users, 20 s), {@code single} (1 feed, 1 bot, 1 user,
 * 120 s: each step alone, 100 ms after the previous one at 600x); every figure can be set on its own. SIM closes
 * the candles of all its feeds at the same instant, so every close is a burst of {@code bots} steps.
 * Reports the process's CPU, heap after a GC, RSS, candles and steps, the CPU time and allocation per step of the
 * threads by role (per-thread {@code ThreadMXBean} deltas: load-independent), and, per step on a live candle, the
 * time from the platform receiving the closed candle (the venue's stream handing it to the live feed,
 * {@code LiveCandle#receivedNanos}) to the strategy's decision and to the step done (checkpoint and activity
 * written), from receipt to the feed passing it on to the bot's inbox, and from there to the decision, from
 * {@link LiveStepProbe}. {@code -Dbench.live.jfr=FILE} records the measured time with JFR's {@code profile}
 * settings into FILE ({@code -Dbench.live.jfr.sample-ms=1}: execution sampled every millisecond). Asserts only
 * that the bots stepped.
 */
@QuarkusTest
@TestProfile(LiveScaleBench.Profile.class)
class LiveScaleBench {
    static final String SCALE = System.getProperty("bench.scale", "full");
    private static final boolean SMALL = "small".equals(SCALE);
    private static final boolean SINGLE = "single".equals(SCALE);
    static final int FEEDS = Integer.getInteger("bench.live.feeds", SINGLE ? 1 : SMALL ? 20 : 200);
    static final int BOTS = Integer.getInteger("bench.live.bots", SINGLE ? 1 : SMALL ? 50 : 500);
    static final int USERS = Integer.getInteger("bench.live.users", SINGLE ? 1 : SMALL ? 2 : 5);
    static final int SECONDS = Integer.getInteger("bench.live.seconds", SINGLE ? 120 : SMALL ? 20 : 60);
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.live.warm-up-seconds", 10);
    static final long SPEED = Long.getLong("bench.live.speed", 600);
    /** Where to record the measured time with JFR ({@code profile} settings); none: no recording. */
    static final String JFR = System.getProperty("bench.live.jfr", "");
    /** JFR's execution sampling period in ms ({@code profile}'s own, 10 - 20 ms, unless set): more samples. */
    static final int JFR_SAMPLE_MILLIS = Integer.getInteger("bench.live.jfr.sample-ms", 0);
    /** Room for twice the steps expected while measured (the samples' arrays are part of the heap reported). */
    private static final int CAPACITY = (int) Math.max(100_000, 2L * BOTS * SECONDS * SPEED / 60);

    /** The SIM venue with {@link #FEEDS} symbols at {@link #SPEED}; per-user limits high enough for the bots. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String symbols = IntStream.range(0, FEEDS).mapToObj(i -> base(i) + "/USDT price=" + (100 + i)
                    + " tick=0.01 step=0.001 min-notional=5 volatility=0.001 volume=10")
                    .collect(Collectors.joining(", "));
            String many = Integer.toString(BOTS + 10);
            return Map.of("cryptobot.venues.sim.symbols", symbols,
                    "cryptobot.venues.sim.speed", Long.toString(SPEED),
                    "cryptobot.venues.sim.anchor", anchor().toString(),
                    "cryptobot.limits.accounts-per-user", many,
                    "cryptobot.limits.bots-per-user", many,
                    "cryptobot.limits.bots-running-per-user", many,
                    "cryptobot.limits.orders-per-minute-per-user", "1000000");
        }
    }

    /**
     * SIM's anchor, fixed once for the JVM (a system property: the profile and the test may be loaded by different
     * class loaders), so the wall-clock instant of each close is known: {@code anchor + (close - anchor) / speed}.
     */
    static synchronized Instant anchor() {
        String kept = System.getProperty("bench.live.anchor");
        if (kept == null) {
            kept = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            System.setProperty("bench.live.anchor", kept);
        }
        return Instant.parse(kept);
    }

    static String base(int feed) {
        return String.format("LS%03d", feed);
    }

    private final List<String> report = new ArrayList<>();
    private final long[] decided = new long[CAPACITY];
    private final long[] done = new long[CAPACITY];
    private final long[] passedOnToDecided = new long[CAPACITY];
    private final long[] closeToPassedOn = new long[CAPACITY];
    private final long[] receivedToPassedOn = new long[CAPACITY];
    private final long[] closeToDecided = new long[CAPACITY];
    /** Received -> decided of the steps before the measure (each bot's first live step among them). */
    private final long[] warmUpDecided = new long[CAPACITY];
    private final AtomicInteger warmUpSamples = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong steps = new AtomicLong();
    private final Set<String> candles = ConcurrentHashMap.newKeySet();
    private volatile boolean measuring;

    @Test
    void paper_bots_on_live_feeds_at_scale() throws Exception {
        line("scenario %s: %d live 1m feeds of SIM at %dx (a candle every %d ms a feed, every feed closing at the "
                        + "same instant), %d paper bots (sma_crossover 5/20) over %d users: a burst of %d steps a "
                        + "close, every %d ms", SCALE, FEEDS, SPEED, 60_000 / SPEED, BOTS, USERS, BOTS,
                60_000 / SPEED);
        line("%s, load average at the start %s", Instant.now(), loadAverage());
        List<TestUser> users = IntStream.range(0, USERS).mapToObj(u -> TestUsers.create("trader")).toList();
        TestUser definer = users.getFirst();
        for (int i = 0; i < FEEDS; i++) {
            given().header("Authorization", definer.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("venue", "SIM", "base", base(i), "quote", "USDT", "tickSize", "0.01",
                            "stepSize", "0.001"))
                    .post("/api/marketdata/instruments").then().statusCode(201);
        }
        long anchorMillis = anchor().toEpochMilli();
        LiveStepProbe.listen((candle, passedOn, decidedAt, doneAt) -> {
            steps.incrementAndGet();
            if (!measuring) {
                int w = warmUpSamples.getAndIncrement();
                if (w < CAPACITY) {
                    warmUpDecided[w] = decidedAt - candle.receivedNanos();
                }
            } else {
                Instant wallNow = Instant.now();
                long nanoNow = System.nanoTime();
                double decidedWall = wallNow.toEpochMilli() + (wallNow.getNano() % 1_000_000) / 1e6
                        - (nanoNow - decidedAt) / 1e6;
                double closeWall = anchorMillis + (candle.timeframe().next(candle.openTime()) - anchorMillis)
                        / (double) SPEED;
                candles.add(candle.instrument() + " " + candle.openTime());
                int i = samples.getAndIncrement();
                if (i < CAPACITY) {
                    // from the platform's receipt of the closed candle (the venue's stream handing it to the
                    // feed), so the feed's own hand-off and queue are counted
                    decided[i] = decidedAt - candle.receivedNanos();
                    done[i] = doneAt - candle.receivedNanos();
                    passedOnToDecided[i] = decidedAt - passedOn;
                    closeToPassedOn[i] = candle.delayMillis();
                    receivedToPassedOn[i] = passedOn - candle.receivedNanos();
                    closeToDecided[i] = (long) ((decidedWall - closeWall) * 1e6);
                }
            }
        });
        long t0 = System.nanoTime();
        List<String[]> bots = new ArrayList<>();
        for (int b = 0; b < BOTS; b++) {
            TestUser owner = users.get(b % USERS);
            String account = TradingFixtures.paperAccount(owner, "10000");
            bots.add(new String[] {owner.bearer(), startLiveBot(owner, account, "SIM:" + base(b % FEEDS) + "/USDT")});
        }
        line("%d bots created and started in %.1f s", BOTS, (System.nanoTime() - t0) / 1e9);
        // the warm-up lasts until every bot has made its first live step (the first close after the last start:
        // that step also records the bot's warm-up event), and at least WARM_UP_SECONDS
        long startedWall = System.currentTimeMillis();
        long venueNow = anchorMillis + (startedWall - anchorMillis) * SPEED;
        long nextClose = (venueNow / 60_000 + 1) * 60_000;
        long firstStepsWall = anchorMillis + (nextClose - anchorMillis + SPEED - 1) / SPEED + 2_000;
        Thread.sleep(Math.max(WARM_UP_SECONDS * 1000L, firstStepsWall - startedWall));

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int cores = Runtime.getRuntime().availableProcessors();
        long steps0 = steps.get();
        jdk.jfr.Recording recording = JFR.isEmpty() ? null
                : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (recording != null) {
            if (JFR_SAMPLE_MILLIS > 0) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(JFR_SAMPLE_MILLIS));
            }
            recording.setToDisk(true);
            recording.start();
        }
        long[] gc0 = gc();
        Map<Long, ThreadUse> threads0 = threadUse();
        long allocated0 = THREADS.getTotalThreadAllocatedBytes();
        measuring = true;
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        String loadAtStart = loadAverage();
        Thread.sleep(SECONDS * 1000L);
        long cpu1 = os.getProcessCpuTime();
        long wall1 = System.nanoTime();
        long allocated1 = THREADS.getTotalThreadAllocatedBytes();
        Map<Long, ThreadUse> threads1 = threadUse();
        measuring = false;
        long[] gc1 = gc();
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(JFR));
            recording.close();
        }
        long stepped = steps.get() - steps0;
        String loadAtEnd = loadAverage();
        String rssUnderLoad = rss();
        double wall = (wall1 - wall0) / 1e9;
        double cpuSeconds = (cpu1 - cpu0) / 1e9;
        System.gc();
        long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        line("measured %.1f s (load average %s at the start, %s at the end); %d cores", wall, loadAtStart,
                loadAtEnd, cores);
        line("process CPU: %.1f s = %.2f cores = %.0f %% of the %d cores", cpuSeconds, cpuSeconds / wall,
                100 * cpuSeconds / wall / cores, cores);
        line("heap used after GC: %.1f MB (of which %.1f MB the benchmark's sample arrays); RSS under load: %s "
                + "(after the GC: %s)", heapAfterGc / 1e6, 7.0 * 8 * CAPACITY / 1e6, rssUnderLoad, rss());
        line("GC while measured: %d collections, %d ms in all (the collectors' own figures; a pause stops every "
                + "thread, so it shows in every latency below)", gc1[0] - gc0[0], gc1[1] - gc0[1]);
        // per step, whatever the load: CPU time the threads themselves used (not wall time) and bytes they allocated
        line("per live step while measured (CPU time and allocation of the threads, load-independent): process "
                        + "CPU %.1f us, all threads' allocation %.1f KB", cpuSeconds * 1e6 / Math.max(1, stepped),
                (allocated1 - allocated0) / 1e3 / Math.max(1, stepped));
        Map<String, long[]> byGroup = new java.util.TreeMap<>();
        threads1.forEach((id, end) -> {
            ThreadUse start = threads0.get(id);
            long[] sum = byGroup.computeIfAbsent(group(end.name()), g -> new long[3]);
            sum[0] += end.cpuNanos() - (start == null ? 0 : start.cpuNanos());
            sum[1] += end.allocated() - (start == null ? 0 : start.allocated());
            sum[2]++;
        });
        byGroup.entrySet().removeIf(g -> g.getValue()[0] < 500L * Math.max(1, stepped)
                && g.getValue()[1] < 100L * Math.max(1, stepped));
        byGroup.forEach((group, sum) -> line("  %-52s CPU %7.1f us/step, allocated %7.1f KB/step (%d threads)",
                group, sum[0] / 1e3 / Math.max(1, stepped), sum[1] / 1e3 / Math.max(1, stepped), sum[2]));
        int n = Math.min(samples.get(), CAPACITY);
        line("candles closed and stepped on: %,d (%,.0f/s; %,.0f expected from %d feeds at %dx); bot steps on live "
                        + "candles: %,d (%,.0f/s; %,.0f expected)", candles.size(), candles.size() / wall,
                FEEDS * wall * SPEED / 60, FEEDS, SPEED, stepped, stepped / wall, BOTS * wall * SPEED / 60);
        line("warm-up steps (before the measure; each bot's first live step, which queues its warm-up event "
                + "ahead of its write since 2026-12-06 17:00, among them), received -> decided: %s",
                percentiles(warmUpDecided, Math.min(warmUpSamples.get(), CAPACITY)));
        line("candle received -> strategy decided:      %s", percentiles(decided, n));
        line("candle received -> step done (written):   %s", percentiles(done, n));
        line("SIM's close (its wall-clock instant) -> strategy decided, with SIM's timer firing late and the "
                + "stream's thread reaching the feed: %s", percentiles(closeToDecided, n));
        line("candle received -> passed on (the feed):  %s", percentiles(receivedToPassedOn, n));
        line("candle passed on -> strategy decided:     %s", percentiles(passedOnToDecided, n));
        long[] delays = Arrays.copyOf(closeToPassedOn, n);
        Arrays.sort(delays);
        if (n > 0) {
            line("candle close (venue time) -> passed on: p50 %d ms, p99 %d ms, max %d ms", delays[n / 2],
                    delays[(int) Math.min(n - 1, (long) Math.ceil(n * 0.99) - 1)], delays[n - 1]);
        }
        LiveStepProbe.listen(null);
        for (String[] bot : bots) {
            given().header("Authorization", bot[0]).post("/api/bots/" + bot[1] + "/stop");
        }
        Files.write(Path.of("target", "live-scale-bench-" + SCALE + ".txt"), report);
        assertThat(stepped).as("bot steps on live candles while measured").isPositive();
    }

    private static String startLiveBot(TestUser owner, String account, String instrument) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "scale " + UUID.randomUUID());
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", "5", "slow", "20"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String bot = given().header("Authorization", owner.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", owner.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200);
        return bot;
    }

    private static String percentiles(long[] nanos, int n) {
        if (n == 0) {
            return "no sample";
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format("n %,d, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms", n, at(sorted, 0.5),
                at(sorted, 0.99), at(sorted, 0.999), sorted[n - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, (long) Math.ceil(sorted.length * quantile) - 1));
        return sorted[i] / 1e6;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A platform thread's CPU time and bytes allocated so far (a carrier's include its virtual threads'). */
    private record ThreadUse(String name, long cpuNanos, long allocated) {
    }

    private static Map<Long, ThreadUse> threadUse() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        var infos = THREADS.getThreadInfo(ids);
        Map<Long, ThreadUse> use = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0 && allocated[i] >= 0) {
                use.put(ids[i], new ThreadUse(infos[i].getThreadName(), cpu[i], allocated[i]));
            }
        }
        return use;
    }

    /** The role of a thread, from its name. */
    private static String group(String thread) {
        if (thread.matches("bot-\\d+")) {
            return "bot workers (the steps: decisions)";
        }
        if (thread.startsWith("ForkJoinPool-")) {
            return "virtual threads' carriers (writes, feed tasks, ...)";
        }
        if (thread.startsWith("vert.x-eventloop")) {
            return "Vert.x event loops (PostgreSQL client)";
        }
        if (thread.startsWith("sim-venue")) {
            return "SIM's thread (its candles, the feeds' hand-off)";
        }
        if (thread.startsWith("C1 ") || thread.startsWith("C2 ") || thread.startsWith("G1 ")
                || thread.startsWith("GC ") || thread.startsWith("VM ")) {
            return "JVM (JIT, GC, VM)";
        }
        return "other: " + thread.replaceAll("\\d+", "N");
    }

    /** Collections and milliseconds spent in them so far, all collectors together. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
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
        System.out.println("[live-scale-bench] " + text);
    }
}
