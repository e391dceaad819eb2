package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed portion of one lot: a backtest's trade list is these records in closing order.
 * {@code realizedPnl = quantity * (exitPrice - entryPrice)} in the quote asset, gross of fees.
 */
public record ClosedTrade(
        InstrumentId instrument,
        Instant entryTime,
        Instant exitTime,
        Quantity quantity,
        Price entryPrice,
        Price exitPrice,
        Money realizedPnl) {
    public ClosedTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("a closed trade has a positive quantity: " + quantity);
        }
        if (!realizedPnl.asset().equals(instrument.quote())) {
            throw new IllegalArgumentException("P&L is in the quote asset " + instrument.quote() + ": " + realizedPnl);
        }
    }
}
