package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Quantity;
import io.vavr.collection.List;
import java.util.Objects;

/**
 * A snapshot of one instrument's position: its open lots, oldest first, and the running totals kept beside
 * them ({@code quantity} = Σ lot quantity, {@code cost} = Σ lot quantity × entry price, in the quote asset).
 * {@code realizedPnl} is gross of fees; {@code fees} are all fees of the instrument's fills valued in the
 * quote asset (a base-asset fee at its fill's price), so {@link #netRealizedPnl()} = realized − fees.
 */
public record Position(
        InstrumentId instrument, Quantity quantity, Money cost, List<Lot> lots, Money realizedPnl, Money fees) {
    public Position {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(lots, "lots");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
    }

    public boolean isFlat() {
        return quantity.units() == 0;
    }

    public Money netRealizedPnl() {
        return realizedPnl.minus(fees);
    }
}
