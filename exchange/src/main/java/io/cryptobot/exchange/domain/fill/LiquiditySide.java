package io.cryptobot.exchange.domain.fill;

/** Whether a simulated fill rested on the book (maker fee) or met the market (taker fee). */
public enum LiquiditySide {
    MAKER,
    TAKER
}
