package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.VenueRest;
import io.cryptobot.exchange.domain.venue.limits.BinanceLimits;
import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Option;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Binance's answers (rest-api.md "HTTP Return Codes", "Error Codes", "IP Limits"; errors.md): errors are
 * {@code {"code": -1121, "msg": "Invalid symbol."}}; every answer carries {@code X-MBX-USED-WEIGHT-1M}; 403 is the
 * web application firewall.
 */
final class BinanceDialect implements VenueRest.Dialect {
    /**
     * -1002 UNAUTHORIZED, -1021 INVALID_TIMESTAMP (outside recvWindow, or 1000 ms ahead), -1022 INVALID_SIGNATURE,
     * -2014 BAD_API_KEY_FMT, -2015 REJECTED_MBX_KEY (invalid key, IP or permissions).
     */
    private static final Set<Integer> CREDENTIALS = Set.of(-1002, -1021, -1022, -2014, -2015);
    private static final int TOO_MANY_REQUESTS = -1003;
    /**
     * -1006 UNEXPECTED_RESP and -1007 TIMEOUT ("Send status unknown; execution status unknown"), -1008 SERVER_BUSY:
     * no answer about the request itself, so a write's outcome is unknown.
     */
    private static final Set<Integer> STATUS_UNKNOWN = Set.of(-1006, -1007, -1008);

    @Override
    public void observe(HttpHeaders headers, RateLimiter limiter, Instant now) {
        headers.firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(used -> {
            try {
                limiter.observeUsed(BinanceLimits.REQUEST_WEIGHT, Long.parseLong(used.strip()), now);
            } catch (NumberFormatException e) {
                // a malformed header tells us nothing; our own count stands
            }
        });
    }

    @Override
    public Option<VenueFailure> refusal(int status, JsonNode body) {
        if (status < 400) {
            return Option.none();
        }
        if (!body.has("code")) {
            return Option.some(status == 403
                    ? new VenueFailure.Rejected(status, "waf", "blocked by the venue's web application firewall")
                    : new VenueFailure.Rejected(status, "http_" + status, "HTTP " + status + " without an error body"));
        }
        int code = body.path("code").asInt();
        String message = body.path("msg").asText("");
        if (code == TOO_MANY_REQUESTS) {
            return Option.some(new VenueFailure.RateLimited(Duration.ZERO, false));
        }
        if (STATUS_UNKNOWN.contains(code)) {
            return Option.some(new VenueFailure.Unavailable("HTTP " + status + " " + code + " " + message));
        }
        if (CREDENTIALS.contains(code) || status == 401) {
            return Option.some(new VenueFailure.Unauthorized(Integer.toString(code), message));
        }
        return Option.some(new VenueFailure.Rejected(status, Integer.toString(code), message));
    }
}
