package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.time.Instant;
import java.util.Objects;

/** What is left of one buy: {@code quantity} (net of any base-asset fee) still held at its entry price. */
public record Lot(Quantity quantity, Price entryPrice, Instant openedAt) {
    public Lot {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(openedAt, "openedAt");
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("a lot holds a positive quantity: " + quantity);
        }
    }
}
