package io.cryptobot.exchange.adapter.out.venue.binance;

import io.cryptobot.exchange.adapter.out.venue.Json;
import io.cryptobot.exchange.adapter.out.venue.Signatures;
import io.cryptobot.exchange.adapter.out.venue.VenueClockOffset;
import io.cryptobot.exchange.adapter.out.venue.VenueRest;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.connection.ClockReading;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.exchange.domain.venue.limits.RequestCost;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The transport to one Binance spot deployment (production or testnet, by {@link BinanceConfig}): public and signed
 * GETs through one rate limiter (the weight budget is per address, so market data and account calls share it), the
 * stream connection budget, the venue's clock, and the threads streams reconnect on. Shared by
 * {@link BinanceMarketData} and {@link BinanceAccountReader}; closing it ends their streams' reconnections.
 */
public final class BinanceApi implements AutoCloseable {
    public static final Venue VENUE = new Venue("BINANCE");
    /** Past this age the measured offset to the venue's clock is read again before deciding what has closed. */
    private static final Duration OFFSET_MAX_AGE = Duration.ofMinutes(5);
    /** Far more than any clock that can still sign requests is off (Binance refuses beyond 60 s). */
    static final Duration PLAUSIBLE_SKEW = Duration.ofMinutes(5);
    private final BinanceConfig config;
    private final Clock clock;
    /** How long requests in flight may take to finish when the client closes; open streams are cut at once. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** For the WebSocket streams; REST calls have their own client ({@link VenueRest#restClient}). */
    private final HttpClient http;
    private final VenueRest rest;
    private final RateLimiter streamConnections;
    private final ScheduledExecutorService scheduler;
    private final VenueClockOffset venueClock;

    public BinanceApi(BinanceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.venueClock = new VenueClockOffset(clock);
        this.http = AppThreads.httpClient("binance-http-").version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).build();
        Duration firstBackoff = Duration.ofSeconds(1);
        this.rest = new VenueRest(VENUE.code(), config.restUrl(), VenueRest.restClient(config.requestTimeout()),
                config.requestTimeout(),
                new RateLimiter(BinanceLimits.rest(config.weightPerMinute()), firstBackoff, Duration.ofMinutes(5)),
                clock, new BinanceDialect());
        this.streamConnections = new RateLimiter(BinanceLimits.streams(), firstBackoff, Duration.ofMinutes(5));
        this.scheduler = AppThreads.timer("binance-streams");
    }

    public BinanceConfig config() {
        return config;
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

    public RateLimiter limiter() {
        return rest.limiter();
    }

    Either<VenueFailure, VenueRest.Answer> get(RequestCost cost, String path, Map<String, String> parameters) {
        return rest.get(cost, path + query(parameters), Map.of());
    }

    /**
     * A USER_DATA request (rest-api.md "SIGNED Endpoint security", "Timing security"): {@code timestamp} from our
     * clock and {@code recvWindow} appended to the parameters, {@code signature} = hex HMAC-SHA256 of that query
     * string with the secret, the key in {@code X-MBX-APIKEY}.
     */
    Either<VenueFailure, VenueRest.Answer> signedGet(RequestCost cost, String path, Map<String, String> parameters,
                                                     Credentials credentials) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.put("recvWindow", Long.toString(config.recvWindow().toMillis()));
        signed.put("timestamp", Long.toString(clock.now().toEpochMilli()));
        String payload = query(signed).substring(1);
        String signature = Signatures.hmacSha256Hex(credentials.secret(), payload);
        return rest.get(cost, path + "?" + payload + "&signature=" + signature,
                Map.of("X-MBX-APIKEY", credentials.apiKey()));
    }

    /**
     * A signed TRADE or USER_DATA request of any method, signed as {@link #signedGet} and sent with every parameter in
     * the query string (rest-api.md "General Information on Endpoints": for POST and DELETE "the parameters may be
     * sent as a query string or request body"), with its own timeout.
     */
    Either<VenueRest.Failure, VenueRest.Answer> signed(String method, RequestCost cost, String path,
                                                       Map<String, String> parameters, Credentials credentials,
                                                       Duration timeout) {
        return signed(method, cost, path, parameters, credentials.apiKey(),
                new Signatures.HmacSha256(credentials.secret()), timeout);
    }

    /** As {@link #signed(String, RequestCost, String, Map, Credentials, Duration)}, with the account's own signer. */
    Either<VenueRest.Failure, VenueRest.Answer> signed(String method, RequestCost cost, String path,
                                                       Map<String, String> parameters, String apiKey,
                                                       Signatures.HmacSha256 signer, Duration timeout) {
        return rest.send(method, cost, path + signedQuery(parameters, signer), Map.of("X-MBX-APIKEY", apiKey),
                timeout);
    }

    /**
     * As {@link #signed(String, RequestCost, String, Map, String, Signatures.HmacSha256, Duration)} without waiting:
     * signed and started on the caller's thread, the answer judged on {@code answers}
     * ({@link VenueRest#sendAsync}).
     */
    java.util.concurrent.CompletableFuture<Either<VenueRest.Failure, VenueRest.Answer>> signedAsync(
            String method, RequestCost cost, String path, Map<String, String> parameters, String apiKey,
            Signatures.HmacSha256 signer, Duration timeout, java.util.concurrent.Executor answers) {
        return rest.sendAsync(method, cost, path + signedQuery(parameters, signer), Map.of("X-MBX-APIKEY", apiKey),
                timeout, answers);
    }

    /**
     * Whether a REST request started now most probably finds an idle pooled connection
     * ({@link VenueRest#idleConnectionLikely}).
     */
    boolean idleConnectionLikely(Duration within) {
        return rest.idleConnectionLikely(within);
    }

    /** {@code ?parameters&recvWindow=..&timestamp=..&signature=..}, the signature over what precedes it. */
    private String signedQuery(Map<String, String> parameters, Signatures.HmacSha256 signer) {
        StringBuilder payload = new StringBuilder(160);
        append(payload, parameters);
        if (!payload.isEmpty()) {
            payload.append('&');
        }
        payload.append("recvWindow=").append(config.recvWindow().toMillis()).append("&timestamp=")
                .append(clock.now().toEpochMilli());
        String signed = payload.toString();
        return "?" + signed + "&signature=" + signer.hex(signed);
    }

    /** GET /api/v3/time, remembered as the offset between the venue's clock and ours. */
    Either<VenueFailure, ClockReading> readClock() {
        return get(BinanceLimits.serverTime(), "/api/v3/time", Map.of()).map(answer -> {
            ClockReading reading = new ClockReading(answer.sentAt(),
                    Instant.ofEpochMilli(Json.epochMillis(answer.body().path("serverTime"))), answer.receivedAt());
            return venueClock.remember(reading, answer.receivedAt());
        });
    }

    /** The venue's time by the offset read at most {@code maxAge} ago, else by a new {@link #readClock}. */
    Either<VenueFailure, Instant> venueTime(Duration maxAge) {
        return venueClock.now(maxAge, this::readClock);
    }

    /**
     * The venue's time now, by our clock and the last measured offset (measured again when older than five
     * minutes; if that fails, the last one stands).
     */
    Instant venueNow() {
        return venueTime(OFFSET_MAX_AGE).getOrElse(venueClock::lastKnownNow);
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        append(query, parameters);
        return query.toString();
    }

    /** {@code key=value&...}, values URL-encoded, in the map's order. */
    private static void append(StringBuilder to, Map<String, String> parameters) {
        boolean first = true;
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (!first) {
                to.append('&');
            }
            first = false;
            to.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        VenueRest.close(http, CLOSE_GRACE);
        rest.close(CLOSE_GRACE);
    }
}
