package io.cryptobot.order.domain;

/** Whether a fill added liquidity (maker fee) or took it (taker fee). */
public enum LiquiditySide {
    MAKER,
    TAKER
}
