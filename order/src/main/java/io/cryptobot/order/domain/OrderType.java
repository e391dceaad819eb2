package io.cryptobot.order.domain;

/**
 * Order types. Conditional types (stop and take-profit) rest untriggered until the market reaches their
 * trigger price; then a stop-market or take-profit acts as a market order and a stop-limit as a limit order.
 */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    STOP_MARKET(false, true),
    STOP_LIMIT(true, true),
    TAKE_PROFIT(false, true);

    private final boolean hasLimitPrice;
    private final boolean conditional;

    OrderType(boolean hasLimitPrice, boolean conditional) {
        this.hasLimitPrice = hasLimitPrice;
        this.conditional = conditional;
    }

    public boolean hasLimitPrice() {
        return hasLimitPrice;
    }

    public boolean isConditional() {
        return conditional;
    }
}
