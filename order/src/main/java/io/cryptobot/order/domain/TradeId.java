package io.cryptobot.order.domain;

/** The venue's identity of one execution; a fill reported twice carries the same trade id. */
public record TradeId(String value) {
    public TradeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("trade id must be given");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
