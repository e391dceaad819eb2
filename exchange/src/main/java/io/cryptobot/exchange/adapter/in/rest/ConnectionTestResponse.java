package io.cryptobot.exchange.adapter.in.rest;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.connection.AccountAccess;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.exchange.domain.connection.KeyPermissions;
import io.cryptobot.kernel.domain.market.VenueFailure;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of a connection test: {@code ok} with what the key may do and the balances, or not ok with the venue's
 * reason ({@code failure}); the clock check whenever the venue's time could be read; warnings loudest first.
 */
@Schema(description = "The result of testing a venue connection's keys")
public record ConnectionTestResponse(
        String accountId,
        String venue,
        @Schema(description = "true when the venue answered the signed account call") boolean ok,
        Instant testedAt,
        @Schema(description = "What the key may do (only when ok)", nullable = true, implementation = Permissions.class)
        Permissions permissions,
        @Schema(description = "Non-zero balances, by asset (only when ok)") List<Balance> balances,
        @Schema(description = "This machine's clock against the venue's (when the venue's time could be read)",
                nullable = true, implementation = Clock.class) Clock clock,
        @Schema(description = "Round trip of the signed account call in ms (only when ok)", nullable = true)
        Long latencyMs,
        @Schema(description = "Why the test failed (only when not ok)", nullable = true, implementation = Failure.class)
        Failure failure,
        @Schema(description = "What to act on, loudest first; withdrawal permission is always the first")
        List<String> warnings) {

    /** {@code source}: {@code key} (the key's own restrictions) or {@code account} (only the account's flags). */
    public record Permissions(boolean read, boolean trade, boolean withdraw, String source) {
    }

    /** Exact decimals as strings. */
    public record Balance(String asset, String free, String locked) {
    }

    /** {@code skewMs}: how far this machine's clock is ahead of the venue's (negative: behind). */
    public record Clock(long skewMs, long roundTripMs, long maxAheadMs, long maxBehindMs, boolean withinWindow) {
    }

    /**
     * {@code kind}: {@code unauthorized} (keys, signature, passphrase or timestamp refused), {@code rate_limited}
     * (with {@code retryAfterSeconds}), {@code unavailable} (no answer) or {@code rejected}; {@code code} and
     * {@code message} are the venue's.
     */
    public record Failure(String kind, String code, String message, Long retryAfterSeconds) {
    }

    static ConnectionTestResponse of(AccountId account, ConnectionTest test) {
        Permissions permissions = null;
        List<Balance> balances = List.of();
        Long latency = null;
        Failure failure = null;
        switch (test.outcome()) {
            case ConnectionTest.Outcome.Passed passed -> {
                AccountAccess access = passed.access();
                KeyPermissions key = access.permissions();
                permissions = new Permissions(key.read(), key.trade(), key.withdraw(),
                        key.source().name().toLowerCase(Locale.ROOT));
                balances = access.balances().map(b -> new Balance(b.asset(), b.free().toPlainString(),
                        b.locked().toPlainString())).asJava();
                latency = access.latency().toMillis();
            }
            case ConnectionTest.Outcome.Failed failed -> failure = failure(failed.failure());
        }
        Clock clock = test.clock().map(c -> new Clock(c.skew().toMillis(), c.roundTrip().toMillis(),
                c.window().maxAhead().toMillis(), c.window().maxBehind().toMillis(), c.withinWindow())).getOrNull();
        return new ConnectionTestResponse(account.toString(), test.venue().code(), test.passed(), test.testedAt(),
                permissions, balances, clock, latency, failure, test.warnings().asJava());
    }

    private static Failure failure(VenueFailure failure) {
        return switch (failure) {
            case VenueFailure.Unauthorized refused -> new Failure("unauthorized", refused.code(), refused.message(),
                    null);
            case VenueFailure.RateLimited limited -> new Failure("rate_limited", limited.banned() ? "banned"
                    : "too_many_requests", limited.describe(), Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000));
            case VenueFailure.Unavailable down -> new Failure("unavailable", "unavailable", down.reason(), null);
            case VenueFailure.Rejected rejected -> new Failure("rejected", rejected.code(), rejected.message(), null);
        };
    }
}
