package io.cryptobot.order.domain;

/** GTC rests until filled or canceled; IOC fills what it can at once and expires the rest; FOK fills whole at once or expires. */
public enum TimeInForce {
    GTC,
    IOC,
    FOK
}
