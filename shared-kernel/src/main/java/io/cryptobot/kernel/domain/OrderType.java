package io.cryptobot.kernel.domain;

/**
 * Order types, shared by the order aggregate, the fill model and the risk rules. A conditional type rests
 * untriggered until its trigger price is reached; then a stop-market or take-profit acts as a market order and a
 * stop-limit as a limit order.
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

    /**
     * A stop guards against an adverse move (a buy stop triggers as price rises to it, a sell stop as it falls);
     * a take-profit waits for a favourable one (a sell take-profit triggers as price rises, a buy as it falls).
     */
    public boolean triggersOnRise(Side side) {
        return this == TAKE_PROFIT ? side == Side.SELL : side == Side.BUY;
    }
}
