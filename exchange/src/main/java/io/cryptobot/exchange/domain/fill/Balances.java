package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.Money;
import java.util.Objects;

/** What the account can spend right now: the instrument's quote asset (for buys) and base asset (for sells). */
public record Balances(Money quote, Money base) {
    public Balances {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(base, "base");
    }
}
