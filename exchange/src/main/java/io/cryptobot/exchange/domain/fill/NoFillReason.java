package io.cryptobot.exchange.domain.fill;

/** Why a candle produced no fill for an order. */
public enum NoFillReason {
    /** A conditional order whose trigger the candle did not reach. */
    NOT_TRIGGERED,
    /** A limit the candle did not trade through (or, right after an intra-candle trigger, not yet reachable). */
    PRICE_NOT_REACHED,
    /** Nothing traded in the candle, so nothing could be filled against it. */
    ZERO_VOLUME,
    /** The share of the candle's volume the order may take rounds down to less than one step. */
    VOLUME_TOO_SMALL,
    /** What remains of the order is less than one quantity step, so it can never fill. */
    QUANTITY_BELOW_STEP,
    /** FOK: the candle's volume share does not cover the whole order. */
    CANNOT_FILL_WHOLE
}
