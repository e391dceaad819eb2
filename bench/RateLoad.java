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
 * Environment: URL, RATE (requests/s), DURATION (seconds, "15" or "15s"), ACCOUNTS (comma-separated ids, taken
 * round-robin), INSTRUMENT, TOKEN; CONNECTIONS (default 64), TIMEOUT_MS (default 10000), LABEL.
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
        int total = (int) Math.round(rate * seconds);
        if (rate <= 0 || total <= 0) {
            throw new IllegalArgumentException("RATE and DURATION must give at least one request");
        }
        String prefix = "r" + ThreadLocalRandom.current().nextInt(1, 1_000_000_000) + "-";

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(url.getHost())
                        .setDefaultPort(url.getPort()).setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));

        long[] latency = new long[total];
        int[] status = new int[total];
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long[] last = {start};
        int[] sent = {0};
        long[] maxLag = {0};
        CountDownLatch finished = new CountDownLatch(total);
        // a 1 ms tick sends every request that has fallen due: the schedule never waits for answers
        vertx.setPeriodic(1, tick -> {
            long now = System.nanoTime();
            while (sent[0] < total && start + sent[0] * periodNanos <= now) {
                int i = sent[0]++;
                long due = start + i * periodNanos;
                maxLag[0] = Math.max(maxLag[0], now - due);
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
        boolean all = finished.await((long) (seconds * 1000) + timeoutMs + 5_000, TimeUnit.MILLISECONDS);
        int created = 0;
        int non2xx = 0;
        int errors = 0;
        long[] ok = new long[total];
        // each answered request wrote its slot before counting the latch down (happens-before the await)
        for (int i = 0; i < total; i++) {
            if (status[i] == 201) {
                ok[created++] = latency[i];
            } else if (status[i] == -1 || status[i] == 0) {
                errors++;
            } else if (status[i] < 200 || status[i] >= 300) {
                non2xx++;
            }
        }
        long[] sorted = Arrays.copyOf(ok, created);
        Arrays.sort(sorted);
        double elapsed = (last[0] - start) / 1e9;
        System.out.printf("%s at %.0f requests/s offered for %.0f s (%d requests, at most %d connections): "
                        + "achieved %.1f orders/s (%d created), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "non-2xx %d, errors or time-outs %d%s; sender late by at most %.1f ms%n",
                label, rate, seconds, total, connections, created / elapsed, created, ms(sorted, 0.50),
                ms(sorted, 0.90), ms(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                non2xx, errors, all ? "" : " (some still unanswered at the end)", maxLag[0] / 1e6);
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
