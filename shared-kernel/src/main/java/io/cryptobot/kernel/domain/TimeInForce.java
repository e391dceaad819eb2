package io.cryptobot.kernel.domain;

/**
 * GTC rests until filled or canceled; IOC fills what it can at once (in a simulation: on the first candle) and
 * expires the rest; FOK fills whole at once or expires entirely.
 */
public enum TimeInForce {
    GTC,
    IOC,
    FOK
}
