package io.cryptobot.kernel.domain;

/** Whether a fill rested on the book and added liquidity (maker fee) or took it (taker fee). */
public enum LiquiditySide {
    MAKER,
    TAKER
}
