import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Open-model load for bin/bench-load (RATE=n): places resting limit buys (the body of bench/place-order.lua) at a
 * fixed offered rate, whatever the answers' latency. Request i is due at start + i / RATE; its latency is measured
 * from that intended time, not from when it could be sent, so a slow answer that holds back later requests (a busy
 * connection, the sender descheduled) counts against every request it delayed: no coordinated omission. At most
 * CONNECTIONS connections; a request due while all are busy waits in the client's queue, and that wait is latency.
 * Not a test: a tool, compiled and run by bin/bench-load against the packaged application's own Vert.x.
 *
 * <p>
 * The generator shares the machine's cores with the application, so it reports its own part apart: how late its
 * sender handed each request to the client (percentiles of send - due; that lateness is inside the latency above,
 * rightly for an open model, but it is the generator's and not the application's), and the latency from that
 * hand-over (answer - send: the application's time, with the client's wait for a free connection, which only a
 * slow application causes). Then the WORST (default 5) seconds of the run by their slowest answer, each with its
 * UTC time, so that a stall can be matched with a Flight Recording of the application over the same run.
 *
 * <p>
 * The measured DURATION follows WARM_UP seconds at the same rate that are sent the same way and not counted: the
 * application and the generator's own JVM compile their paths at the rate measured (a run straight after a warm-up
 * at saturation, or a cold generator, spent its first seconds on that: the slowest seconds of every such run were
 * its first three).
 *
 * Environment: URL, RATE (requests/s), DURATION (seconds, "15" or "15s"), ACCOUNTS (comma-separated ids, taken
 * round-robin), INSTRUMENT, TOKEN; WARM_UP (seconds, default 10), CONNECTIONS (default 64), TIMEOUT_MS (default
 * 10000), LABEL, WORST.
 */
public class RateLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(env("URL", null));
        double rate = Double.parseDouble(env("RATE", null));
        double seconds = Double.parseDouble(env("DURATION", null).replaceAll("s$", ""));
        int connections = Integer.parseInt(env("CONNECTIONS", "64"));
        long timeoutMs = Long.parseLong(env("TIMEOUT_MS", "10000"));
        String[] accounts = env("ACCOUNTS", null).split(",");
        String instrument = env("INSTRUMENT", null);
        String auth = "Bearer " + env("TOKEN", null);
        String label = env("LABEL", "placement");
        int worst = Integer.parseInt(env("WORST", "5"));
        double warmSeconds = Double.parseDouble(env("WARM_UP", "10").replaceAll("s$", ""));
        int warm = (int) Math.round(rate * warmSeconds);
        int measured = (int) Math.round(rate * seconds);
        int total = warm + measured;
        if (rate <= 0 || measured <= 0 || warm < 0) {
            throw new IllegalArgumentException("RATE and DURATION must give at least one request");
        }
        String prefix = "r" + ThreadLocalRandom.current().nextInt(1, 1_000_000_000) + "-";

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(url.getHost())
                        .setDefaultPort(url.getPort()).setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));

        long[] latency = new long[total];
        long[] lateness = new long[total];
        int[] status = new int[total];
        long periodNanos = (long) (1e9 / rate);
        long startWallMillis = System.currentTimeMillis() + 20;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long[] last = {start};
        int[] sent = {0};
        CountDownLatch finished = new CountDownLatch(total);
        // a 1 ms tick sends every request that has fallen due: the schedule never waits for answers
        vertx.setPeriodic(1, tick -> {
            long now = System.nanoTime();
            while (sent[0] < total && start + sent[0] * periodNanos <= now) {
                int i = sent[0]++;
                long due = start + i * periodNanos;
                long send = System.nanoTime();
                lateness[i] = send - due;
                String body = String.format("{\"accountId\":\"%s\",\"clientOrderId\":\"%s%d\",\"instrument\":\"%s\","
                        + "\"side\":\"buy\",\"type\":\"limit\",\"quantity\":\"0.001\",\"limitPrice\":\"1000.00\"}",
                        accounts[i % accounts.length], prefix, i, instrument);
                RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/orders")
                        .setTimeout(timeoutMs).putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", auth);
                Future<Integer> answer = client.request(request)
                        .compose(r -> r.send(Buffer.buffer(body)))
                        .compose(response -> response.body().map(ignored -> response.statusCode()));
                answer.onComplete(result -> {
                    long end = System.nanoTime();
                    latency[i] = end - due;
                    status[i] = result.succeeded() ? result.result() : -1;
                    last[0] = Math.max(last[0], end);
                    finished.countDown();
                });
            }
            if (sent[0] >= total) {
                vertx.cancelTimer(tick);
            }
        });
        boolean all = finished.await((long) ((warmSeconds + seconds) * 1000) + timeoutMs + 5_000,
                TimeUnit.MILLISECONDS);
        int created = 0;
        int non2xx = 0;
        int errors = 0;
        long[] ok = new long[measured];
        long[] fromSend = new long[measured];
        // the slowest answer of each second of the schedule (by due time)
        long[] secondMax = new long[(int) Math.ceil(seconds) + 1];
        // each answered request wrote its slot before counting the latch down (happens-before the await)
        for (int i = warm; i < total; i++) {
            if (status[i] == 201) {
                fromSend[created] = latency[i] - lateness[i];
                ok[created++] = latency[i];
                int second = (int) ((i - warm) * periodNanos / 1_000_000_000L);
                secondMax[second] = Math.max(secondMax[second], latency[i]);
            } else if (status[i] == -1 || status[i] == 0) {
                errors++;
            } else if (status[i] < 200 || status[i] >= 300) {
                non2xx++;
            }
        }
        long[] sorted = Arrays.copyOf(ok, created);
        Arrays.sort(sorted);
        long[] sortedFromSend = Arrays.copyOf(fromSend, created);
        Arrays.sort(sortedFromSend);
        long[] sortedLateness = Arrays.copyOfRange(lateness, Math.min(warm, sent[0]), sent[0]);
        Arrays.sort(sortedLateness);
        double elapsed = (last[0] - (start + warm * periodNanos)) / 1e9;
        System.out.printf("%s at %.0f requests/s offered for %.0f s after %.0f s at that rate not counted (%d "
                        + "requests counted, at most %d connections): achieved %.1f orders/s (%d created), p50 %.1f "
                        + "ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; non-2xx %d, errors or time-outs %d%s%n",
                label, rate, seconds, warmSeconds, measured, connections, created / elapsed, created,
                ms(sorted, 0.50),
                ms(sorted, 0.90), ms(sorted, 0.99), max(sorted), non2xx, errors,
                all ? "" : " (some still unanswered at the end)");
        System.out.printf("  the generator's sender, late by (send - due): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", ms(sortedLateness, 0.50), ms(sortedLateness, 0.90),
                ms(sortedLateness, 0.99), max(sortedLateness));
        System.out.printf("  from the send (answer - send, the generator's lateness taken out): p50 %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(sortedFromSend, 0.50),
                ms(sortedFromSend, 0.90), ms(sortedFromSend, 0.99), max(sortedFromSend));
        Integer[] bySlowest = new Integer[secondMax.length];
        Arrays.setAll(bySlowest, k -> k);
        Arrays.sort(bySlowest, (a, b) -> Long.compare(secondMax[b], secondMax[a]));
        StringBuilder slowest = new StringBuilder("  slowest seconds (UTC, slowest answer due then):");
        for (int k = 0; k < Math.min(worst, bySlowest.length) && secondMax[bySlowest[k]] > 0; k++) {
            slowest.append(String.format(" %s %.0f ms;", java.time.Instant.ofEpochMilli(startWallMillis
                    + Math.round(warmSeconds * 1000) + bySlowest[k] * 1000L).toString().substring(11, 19), secondMax[bySlowest[k]] / 1e6));
        }
        System.out.println(slowest);
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** The latency (ms) at quantile q of the sorted nanosecond latencies (nearest rank). */
    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static double max(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return fallback;
        }
        return value;
    }
}
