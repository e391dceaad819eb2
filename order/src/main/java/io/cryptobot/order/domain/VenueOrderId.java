package io.cryptobot.order.domain;

/** The identity a venue gave the order when it accepted it. */
public record VenueOrderId(String value) {
    public VenueOrderId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("venue order id must be given");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
