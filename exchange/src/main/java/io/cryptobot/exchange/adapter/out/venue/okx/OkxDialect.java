package io.cryptobot.exchange.adapter.out.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.adapter.out.venue.VenueRest;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Set;

/**
 * OKX's answers (Overview "REST API"; Error Codes): {@code {"code": "0", "msg": "", "data": [...]}}, any other code
 * a failure, possibly with HTTP 200. 50011 ("Rate limit reached", HTTP 200 or 429) and 50013 ("Systems are busy",
 * 429) are "too many"; 50100-50119 are the key, passphrase, timestamp and signature checks (HTTP 401).
 */
final class OkxDialect implements VenueRest.Dialect {
    private static final Set<String> TOO_MANY = Set.of("50011", "50013");

    @Override
    public Option<VenueFailure> refusal(int status, JsonNode body) {
        String code = body.path("code").asText("");
        if ("0".equals(code) && status < 400) {
            return Option.none();
        }
        String message = body.path("msg").asText("");
        if (TOO_MANY.contains(code)) {
            return Option.some(new VenueFailure.RateLimited(Duration.ZERO, false));
        }
        if (status == 401 || credentialsCode(code)) {
            return Option.some(new VenueFailure.Unauthorized(code.isEmpty() ? "http_401" : code, message));
        }
        if (code.isEmpty()) {
            return Option.some(new VenueFailure.Rejected(status, "http_" + status, "HTTP " + status
                    + " without an error body"));
        }
        return Option.some(new VenueFailure.Rejected(status, code, message));
    }

    private static boolean credentialsCode(String code) {
        try {
            int value = Integer.parseInt(code);
            return value >= 50100 && value <= 50119;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
