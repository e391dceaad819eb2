package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.time.Instant;
import java.util.Objects;

/** One execution reported by a venue: {@code lastQty} at {@code lastPx}, with its commission. */
public record Fill(TradeId tradeId, Quantity lastQty, Price lastPx, Money commission, LiquiditySide liquiditySide,
                   Instant executedAt) {
    public Fill {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(lastQty, "lastQty");
        Objects.requireNonNull(lastPx, "lastPx");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(liquiditySide, "liquiditySide");
        Objects.requireNonNull(executedAt, "executedAt");
        if (lastQty.units() <= 0 || lastPx.units() <= 0) {
            throw new IllegalArgumentException("a fill has a positive quantity and price");
        }
        if (commission.isNegative()) {
            throw new IllegalArgumentException("commission must not be negative (rebates are not modelled)");
        }
    }
}
