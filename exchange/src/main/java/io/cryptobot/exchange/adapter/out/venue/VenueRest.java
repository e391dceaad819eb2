package io.cryptobot.exchange.adapter.out.venue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.exchange.domain.venue.limits.RequestCost;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One venue's REST calls over the JDK HTTP client: every request first takes its cost from the venue's
 * {@link RateLimiter} (a spent budget answers {@link VenueFailure.RateLimited} without sending anything), then a 429
 * or 418 closes the limiter's gate, and every other failure becomes a {@link VenueFailure} value. What varies by venue
 * (usage headers, the shape of error bodies) is the {@link Dialect}.
 *
 * <p>Nothing here logs or reports a request's query, headers or body: signed requests carry a signature and the
 * API key there. Failures name the endpoint and the HTTP status only.
 */
public final class VenueRest {
    private static final Logger LOG = Logger.getLogger(VenueRest.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String venue;
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Dialect dialect;
    /** {@link System#nanoTime} of the last answer read (0: none yet). */
    private volatile long lastAnswerNanos;
    /** Requests sent and not yet answered (or failed). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** What differs between venues' REST answers. */
    public interface Dialect {
        /** Reads usage the venue reports in its headers into the limiter (Binance's used weight). */
        default void observe(HttpHeaders headers, RateLimiter limiter, Instant now) {
        }

        /**
         * The venue's refusal in an answer with this status and body, if it is one; {@link VenueFailure.RateLimited}
         * means "too many" (its {@code retryAfter} a hint, zero if none) and closes the gate.
         */
        Option<VenueFailure> refusal(int status, JsonNode body);
    }

    /** A venue's answer with the times the request left and the answer arrived (our clock). */
    public record Answer(int status, JsonNode body, Instant sentAt, Instant receivedAt, HttpHeaders headers) {
        public Duration latency() {
            return Duration.between(sentAt, receivedAt);
        }
    }

    public VenueRest(String venue, URI base, HttpClient http, Duration timeout, RateLimiter limiter, Clock clock,
                     Dialect dialect) {
        this.venue = venue;
        this.base = base;
        this.http = http;
        this.timeout = timeout;
        this.limiter = limiter;
        this.clock = clock;
        this.dialect = dialect;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    /**
     * Closes a venue's HTTP client without waiting on its WebSockets: {@link HttpClient#close} waits until every
     * operation ends, and a stream still open (a live bot's user-data stream, which Binance keeps for 24 h) never
     * does, so a normal stop hung on it. Requests in flight get {@code grace} to finish; then everything is cut.
     */
    public static void close(HttpClient http, Duration grace) {
        http.shutdown();
        try {
            if (http.awaitTermination(grace)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }

    /** Closes this venue's REST client as {@link #close(HttpClient, Duration)} does. */
    public void close(Duration grace) {
        close(http, grace);
    }

    /**
     * The HTTP/1.1 client for a venue's REST calls (keep-alive, connections pooled by the JDK). Its executor runs
     * the client's own tasks where they arise instead of handing each to a pool thread: the JDK client starts every
     * exchange with a task on its executor, so with its default pool a request is written by another thread than
     * the caller's, one more hand-off between a decision and the wire (docs/benchmarks.md, "closed candle to order
     * on the wire"). Safe here because {@link #send} waits for the answer on the caller's thread, {@link #sendAsync}
     * judges it on an executor of its caller's, and both read the body as a string (no handler blocks); a venue's
     * WebSocket streams keep a client with the default executor.
     */
    public static HttpClient restClient(Duration connectTimeout) {
        return AppThreads.inlineHttpClient().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
    }

    /**
     * A call that failed, and whether the venue may have acted on it: false when nothing left (our own budget, a
     * connection that never opened) or the venue answered with a refusal (a 429/418 is processed by no one); true for
     * a timeout, a reset or a 5xx after the request was sent ("the execution status is UNKNOWN", rest-api.md "HTTP
     * Return Codes"). A write whose failure is {@code maybeProcessed} must be resolved by asking, never by resending.
     */
    public record Failure(VenueFailure failure, boolean maybeProcessed) {
    }

    /** GET {@code pathAndQuery} (relative to the base URL, starting with {@code /}) with the given headers. */
    public Either<VenueFailure, Answer> get(RequestCost cost, String pathAndQuery, Map<String, String> headers) {
        return send("GET", cost, pathAndQuery, headers, timeout).mapLeft(Failure::failure);
    }

    /**
     * Any method, with its own timeout. The JDK client never retries a POST or DELETE by itself (only GET and HEAD,
     * unless {@code jdk.httpclient.enableAllMethodRetry} is set, which this platform does not), so a write is sent at
     * most once per call.
     */
    public Either<Failure, Answer> send(String method, RequestCost cost, String pathAndQuery,
                                        Map<String, String> headers, Duration callTimeout) {
        Either<VenueFailure.RateLimited, RequestCost> admitted = limiter.acquire(cost, clock.now());
        if (admitted.isLeft()) {
            return Either.left(new Failure(admitted.getLeft(), false));
        }
        HttpRequest request = request(method, pathAndQuery, headers, callTimeout);
        Instant sentAt = clock.now();
        HttpResponse<String> response;
        inFlight.incrementAndGet();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(new VenueFailure.Unavailable(cost.endpoint() + ": interrupted"), true));
        } catch (IOException e) {
            return Either.left(failed(cost, callTimeout, e));
        } finally {
            inFlight.decrementAndGet();
        }
        return answered(cost, sentAt, response);
    }

    /**
     * As {@link #send}, without waiting: the limiter is asked and the request is started on the caller's thread (the
     * client's executor runs inline, {@link #restClient}: the request is written before this returns, or queued on
     * the connection when the socket cannot take it yet); the answer is read and judged on {@code answers}, never on
     * the client's selector thread. The outcomes are those of {@link #send}, a failure to start included (nothing
     * left: not processed).
     */
    public CompletableFuture<Either<Failure, Answer>> sendAsync(String method, RequestCost cost, String pathAndQuery,
                                                                Map<String, String> headers, Duration callTimeout,
                                                                Executor answers) {
        Either<VenueFailure.RateLimited, RequestCost> admitted = limiter.acquire(cost, clock.now());
        if (admitted.isLeft()) {
            return CompletableFuture.completedFuture(Either.left(new Failure(admitted.getLeft(), false)));
        }
        HttpRequest request;
        CompletableFuture<HttpResponse<String>> exchange;
        Instant sentAt;
        inFlight.incrementAndGet();
        try {
            request = request(method, pathAndQuery, headers, callTimeout);
            sentAt = clock.now();
            exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            exchange.whenComplete((response, error) -> inFlight.decrementAndGet());
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            // the JDK client refuses a request it cannot send (a closed client, a bad header) before writing it
            return CompletableFuture.completedFuture(Either.left(new Failure(new VenueFailure.Unavailable(
                    cost.endpoint() + ": not sent (" + inWords(e) + ")"), false)));
        }
        return exchange.handleAsync((response, error) -> error == null ? answered(cost, sentAt, response)
                : Either.left(failed(cost, callTimeout, error)), answers);
    }

    /**
     * Whether a request started now most probably finds an idle connection in the client's pool: none is in flight
     * and one was answered within {@code within} (the JDK keeps an idle connection 30 s by default). Starting an
     * exchange on the caller's thread ({@link #sendAsync}) then neither opens a connection nor looks a name up, the
     * only parts of it that can block (the JDK resolves the host on the thread that opens the connection). Not a
     * proof: the venue may have closed the idle connection meanwhile.
     */
    public boolean idleConnectionLikely(Duration within) {
        long last = lastAnswerNanos;
        return inFlight.get() == 0 && last != 0 && System.nanoTime() - last < within.toNanos();
    }

    private HttpRequest request(String method, String pathAndQuery, Map<String, String> headers,
                                Duration callTimeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery)).timeout(callTimeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json");
        headers.forEach(request::header);
        return request.build();
    }

    /** A call that ended without an answer: not processed only when the connection never opened. */
    private static Failure failed(RequestCost cost, Duration callTimeout, Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ConnectException) {
            return new Failure(new VenueFailure.Unavailable(cost.endpoint() + ": could not connect ("
                    + inWords(e) + ")"), false);
        }
        if (e instanceof HttpTimeoutException) {
            // HttpConnectTimeoutException included: the JDK client reports it also when the request had been written
            // and the venue had acted on it (seen against the fake venue), so it never proves "not sent"
            return new Failure(new VenueFailure.Unavailable(cost.endpoint() + ": no answer within "
                    + callTimeout.toMillis() + " ms"), true);
        }
        return new Failure(new VenueFailure.Unavailable(cost.endpoint() + ": " + inWords(e)), true);
    }

    /**
     * What went wrong with a request, in words: the failure's text reaches clients (a connection test's failure, a
     * bot's refused start, a download's note), where no class name belongs (it said "(ConnectException)").
     */
    static String inWords(Throwable e) {
        return switch (e) {
            case ConnectException refused -> "connection refused or unreachable";
            case java.net.UnknownHostException unknown -> "the venue's host name is not known";
            case javax.net.ssl.SSLException tls -> "the TLS handshake failed";
            case HttpTimeoutException timeout -> "no answer in time";
            case java.io.IOException io -> "the connection failed";
            case IllegalArgumentException badRequest -> "the request could not be made";
            case IllegalStateException closed -> "the request could not be made";
            default -> "the request failed";
        };
    }

    private Either<Failure, Answer> answered(RequestCost cost, Instant sentAt, HttpResponse<String> response) {
        lastAnswerNanos = System.nanoTime();
        Instant receivedAt = clock.now();
        dialect.observe(response.headers(), limiter, receivedAt);
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Option<Duration> retryAfter = Option.ofOptional(response.headers().firstValue("Retry-After"))
                    .flatMap(VenueRest::seconds);
            return Either.left(new Failure(throttled(cost, retryAfter, status == 418, receivedAt), false));
        }
        if (status >= 500) {
            return Either.left(new Failure(new VenueFailure.Unavailable(cost.endpoint() + ": HTTP " + status), true));
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            return Either.left(new Failure(new VenueFailure.Unavailable(cost.endpoint() + ": HTTP " + status
                    + " with an answer that is not JSON"), true));
        }
        Option<VenueFailure> refusal = dialect.refusal(status, body == null ? JSON.nullNode() : body);
        if (refusal.isDefined()) {
            if (refusal.get() instanceof VenueFailure.RateLimited hint) {
                Option<Duration> retryAfter = Option.some(hint.retryAfter()).filter(d -> !d.isZero());
                return Either.left(new Failure(throttled(cost, retryAfter, hint.banned(), receivedAt), false));
            }
            limiter.succeeded();
            // an error body that says "status unknown" (Binance -1006, -1007) is no refusal
            return Either.left(new Failure(refusal.get(), refusal.get() instanceof VenueFailure.Unavailable));
        }
        limiter.succeeded();
        return Either.right(new Answer(status, body, sentAt, receivedAt, response.headers()));
    }

    private VenueFailure.RateLimited throttled(RequestCost cost, Option<Duration> retryAfter, boolean banned,
                                               Instant now) {
        VenueFailure.RateLimited gate = limiter.throttled(retryAfter, banned, now);
        LOG.log(Level.WARNING, "{0} refused {1} as {2}: requests to it are held back for {3} ms",
                new Object[] {venue, cost.endpoint(), banned ? "an address ban (418)" : "too many (429)",
                        gate.retryAfter().toMillis()});
        return gate;
    }

    private URI resolve(String pathAndQuery) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
    }

    private static Option<Duration> seconds(String header) {
        try {
            return Option.some(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Option.none();
        }
    }
}
