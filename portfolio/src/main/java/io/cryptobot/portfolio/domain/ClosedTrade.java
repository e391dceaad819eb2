package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed portion of one lot: a backtest's trade list is these records in closing order.
 * {@code realizedPnl = quantity * (exitPrice - entryPrice)} in the quote asset, gross of fees. {@code fees} is
 * this portion's share of the buy's fee plus its share of the sell's fee, both valued in the quote (a base
 * fee at its fill's price) and shared pro rata by quantity, rounded down except for the last portion, which
 * takes the remainder: so the fees of all portions of one fill add up to that fill's fee exactly.
 */
public record ClosedTrade(
        InstrumentId instrument,
        Instant entryTime,
        Instant exitTime,
        Quantity quantity,
        Price entryPrice,
        Price exitPrice,
        Money realizedPnl,
        Money fees) {
    public ClosedTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("a closed trade has a positive quantity: " + quantity);
        }
        if (!realizedPnl.asset().equals(instrument.quote())) {
            throw new IllegalArgumentException("P&L is in the quote asset " + instrument.quote() + ": " + realizedPnl);
        }
        if (!fees.asset().equals(instrument.quote()) || fees.isNegative()) {
            throw new IllegalArgumentException("fees are a non-negative amount of the quote asset: " + fees);
        }
    }

    /** Realized P&L net of this portion's fees. */
    public Money netPnl() {
        return realizedPnl.minus(fees);
    }
}
