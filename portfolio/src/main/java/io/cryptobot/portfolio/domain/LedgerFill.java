package io.cryptobot.portfolio.domain;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * The ledger's own view of one executed trade, whichever venue or simulator produced it: {@code quantity}
 * of the base asset changed hands at {@code price}, and {@code fee} was charged in the asset it names.
 * The time is the fill's own (venue or simulated), never the wall clock, so a backtest replays exactly.
 */
public record LedgerFill(
        InstrumentId instrument, Side side, Quantity quantity, Price price, Money fee, String tradeId, Instant time) {
    public LedgerFill {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
        if (tradeId == null || tradeId.isBlank()) {
            throw new IllegalArgumentException("tradeId must be given");
        }
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (price.units() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
        if (fee.isNegative()) {
            throw new IllegalArgumentException("fee must not be negative: " + fee);
        }
    }
}
