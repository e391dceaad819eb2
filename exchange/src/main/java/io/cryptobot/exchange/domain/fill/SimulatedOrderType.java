package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.Side;

/**
 * Order types as the fill model sees them. A conditional type waits for its trigger; once triggered a
 * stop-market or take-profit acts as a market order and a stop-limit as a limit order.
 */
public enum SimulatedOrderType {
    MARKET(false, false),
    LIMIT(true, false),
    STOP_MARKET(false, true),
    STOP_LIMIT(true, true),
    TAKE_PROFIT(false, true);

    private final boolean hasLimitPrice;
    private final boolean conditional;

    SimulatedOrderType(boolean hasLimitPrice, boolean conditional) {
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
    boolean triggersOnRise(Side side) {
        return this == TAKE_PROFIT ? side == Side.SELL : side == Side.BUY;
    }
}
