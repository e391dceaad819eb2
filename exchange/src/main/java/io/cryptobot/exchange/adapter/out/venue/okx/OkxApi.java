package io.cryptobot.exchange.adapter.out.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.Signatures;
import io.cryptobot.exchange.adapter.out.venue.VenueClockOffset;
import io.cryptobot.exchange.adapter.out.venue.VenueRest;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.ClockReading;
import io.cryptobot.exchange.domain.venue.limits.OkxLimits;
import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The transport to OKX v5: public and signed GETs through one limiter holding each endpoint's budget, the
 * WebSocket connect budget, the venue's clock and the streams' timer thread. Shared by {@link OkxMarketData} and
 * {@link OkxAccountReader}.
 */
public final class OkxApi implements AutoCloseable {
    public static final Venue VENUE = new Venue("OKX");
    /** "2020-12-08T09:08:57.715Z": always with milliseconds, as OK-ACCESS-TIMESTAMP requires. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final OkxConfig config;
    private final Clock clock;
    private final VenueClockOffset venueClock;
    /** How long requests in flight may take to finish when the client closes; open streams are cut at once. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** For the WebSocket streams; REST calls have their own client ({@link VenueRest#restClient}). */
    private final HttpClient http;
    private final VenueRest rest;
    private final RateLimiter streamConnections;
    private final ScheduledExecutorService scheduler;

    public OkxApi(OkxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.venueClock = new VenueClockOffset(clock);
        this.http = AppThreads.httpClient("okx-http-").version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).build();
        this.rest = new VenueRest(VENUE.code(), config.restUrl(), VenueRest.restClient(config.requestTimeout()),
                config.requestTimeout(),
                new RateLimiter(OkxLimits.rest(), Duration.ofSeconds(1), Duration.ofMinutes(5)), clock,
                new OkxDialect());
        this.streamConnections = new RateLimiter(OkxLimits.streams(), Duration.ofSeconds(1), Duration.ofMinutes(5));
        this.scheduler = AppThreads.timer("okx-streams");
    }

    public OkxConfig config() {
        return config;
    }

    public RateLimiter limiter() {
        return rest.limiter();
    }

    Clock clock() {
        return clock;
    }

    HttpClient http() {
        return http;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    RateLimiter streamConnections() {
        return streamConnections;
    }

    /** A public GET; {@code endpoint} is one of {@link OkxLimits}' names, "GET <path>". */
    Either<VenueFailure, VenueRest.Answer> get(String endpoint, String query) {
        return rest.get(OkxLimits.request(endpoint), path(endpoint) + query, demoHeader(Map.of()));
    }

    /**
     * A private GET (Overview, "REST Authentication"): OK-ACCESS-KEY, OK-ACCESS-PASSPHRASE, OK-ACCESS-TIMESTAMP (ISO
     * with milliseconds) and OK-ACCESS-SIGN = Base64(HMAC-SHA256(secret, timestamp + "GET" + requestPath with its
     * query)). Keys without a passphrase are refused here, without a request: OKX always needs one.
     */
    Either<VenueFailure, VenueRest.Answer> signedGet(String endpoint, String query, Credentials credentials) {
        if (credentials.passphrase().isEmpty()) {
            return Either.left(new VenueFailure.Unauthorized("passphrase_missing", "OKX keys need the passphrase "
                    + "chosen when the key was created; connect the account again with it"));
        }
        String requestPath = path(endpoint) + query;
        String timestamp = TIMESTAMP.format(clock.now());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OK-ACCESS-KEY", credentials.apiKey());
        headers.put("OK-ACCESS-SIGN", Signatures.hmacSha256Base64(credentials.secret(), timestamp + "GET" + requestPath));
        headers.put("OK-ACCESS-TIMESTAMP", timestamp);
        headers.put("OK-ACCESS-PASSPHRASE", credentials.passphrase().get());
        return rest.get(OkxLimits.request(endpoint), requestPath, demoHeader(headers));
    }

    /** GET /api/v5/public/time. */
    Either<VenueFailure, ClockReading> readClock() {
        return get(OkxLimits.TIME, "").map(answer -> venueClock.remember(new ClockReading(answer.sentAt(),
                Instant.ofEpochMilli(Json.epochMillis(first(answer.body()).path("ts"))), answer.receivedAt()),
                answer.receivedAt()));
    }

    /** The venue's time by the offset read at most {@code maxAge} ago, else by a new {@link #readClock}. */
    Either<VenueFailure, Instant> venueTime(Duration maxAge) {
        return venueClock.now(maxAge, this::readClock);
    }

    static JsonNode first(JsonNode body) {
        return body.path("data").path(0);
    }

    private Map<String, String> demoHeader(Map<String, String> headers) {
        if (!config.simulatedTrading()) {
            return headers;
        }
        Map<String, String> withDemo = new LinkedHashMap<>(headers);
        withDemo.put("x-simulated-trading", "1");
        return withDemo;
    }

    private static String path(String endpoint) {
        return endpoint.substring("GET ".length());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        VenueRest.close(http, CLOSE_GRACE);
        rest.close(CLOSE_GRACE);
    }
}
