package io.cryptobot.exchange.domain.fill;

/**
 * Which asset a venue charges its fee in. QUOTE: the fee is added to a buy's cost and taken from a sell's
 * proceeds. BASE: the fee is taken from the base bought (a buy of 1 BTC delivers 1 BTC less the fee) and
 * added to the base a sell spends.
 */
public enum FeeAsset {
    QUOTE,
    BASE
}
