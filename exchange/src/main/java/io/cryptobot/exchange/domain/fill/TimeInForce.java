package io.cryptobot.exchange.domain.fill;

/**
 * GTC rests until filled; IOC fills what the first candle allows and expires the rest; FOK fills whole on the
 * first candle or expires entirely.
 */
public enum TimeInForce {
    GTC,
    IOC,
    FOK
}
