package io.cryptobot.kernel.domain;

/** Direction of an order or a fill. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
