package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.Money;
import java.util.Objects;

/**
 * A fill the market allowed but the account cannot pay for: {@code required} (cost plus fee, or base sold plus
 * fee) exceeds {@code available}. Nothing is spent, not even partly.
 */
public record FillRefused(String reason, Money required, Money available) {
    public FillRefused {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(available, "available");
    }
}
