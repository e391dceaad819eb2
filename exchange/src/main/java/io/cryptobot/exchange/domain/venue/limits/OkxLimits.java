package io.cryptobot.exchange.domain.venue.limits;

import java.time.Duration;
import java.util.List;

/**
 * OKX v5's documented limits: one budget per endpoint ("Rate Limit: N requests per 2 seconds" in each endpoint's
 * section; public endpoints per IP, account endpoints per user id) and WebSocket connects ("Connection limit: 3
 * requests per second (based on IP)", Overview / WebSocket / Connect). OKX sends no usage header and no
 * {@code Retry-After}; a refusal is HTTP 429 with code 50011.
 */
public final class OkxLimits {
    public static final String TIME = "GET /api/v5/public/time";
    public static final String INSTRUMENTS = "GET /api/v5/public/instruments";
    public static final String HISTORY_CANDLES = "GET /api/v5/market/history-candles";
    public static final String ACCOUNT_CONFIG = "GET /api/v5/account/config";
    public static final String ACCOUNT_BALANCE = "GET /api/v5/account/balance";
    public static final String WS_CONNECTIONS = "WS connect";
    /** The most candles one history request returns ("The maximum is 300", Get candlesticks history). */
    public static final int MAX_HISTORY_CANDLES = 300;
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private OkxLimits() {
    }

    public static List<RequestBudget> rest() {
        return List.of(RequestBudget.sliding(TIME, 10, TWO_SECONDS),
                RequestBudget.sliding(INSTRUMENTS, 20, TWO_SECONDS),
                RequestBudget.sliding(HISTORY_CANDLES, 20, TWO_SECONDS),
                RequestBudget.sliding(ACCOUNT_CONFIG, 5, TWO_SECONDS),
                RequestBudget.sliding(ACCOUNT_BALANCE, 10, TWO_SECONDS));
    }

    public static List<RequestBudget> streams() {
        return List.of(RequestBudget.sliding(WS_CONNECTIONS, 3, Duration.ofSeconds(1)));
    }

    /** One request to an endpoint named by one of the constants above. */
    public static RequestCost request(String endpoint) {
        return RequestCost.of(endpoint, endpoint, 1);
    }
}
