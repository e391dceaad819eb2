package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The account as risk sees it at the moment of a check: equity, signed positions (negative = short),
 * open orders, and the day so far. All amounts are in the account currency ({@link #currency()}).
 *
 * @param dayPnl the day's realized plus unrealized profit and loss (negative = loss)
 * @param dayStartEquity equity when the trading day began
 */
public record AccountSnapshot(Money equity, Map<InstrumentId, Quantity> positions, int openOrders, Money dayPnl,
        Money dayStartEquity, int ordersLastMinute) {

    /** A snapshot that counts no recently placed orders. */
    public AccountSnapshot(Money equity, Map<InstrumentId, Quantity> positions, int openOrders, Money dayPnl,
                           Money dayStartEquity) {
        this(equity, positions, openOrders, dayPnl, dayStartEquity, 0);
    }

    public AccountSnapshot {
        if (ordersLastMinute < 0) {
            throw new IllegalArgumentException("orders in the last minute cannot be negative: " + ordersLastMinute);
        }
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(dayPnl, "dayPnl");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        positions = Map.copyOf(positions);
        if (openOrders < 0) {
            throw new IllegalArgumentException("open orders cannot be negative: " + openOrders);
        }
        if (!dayPnl.asset().equals(equity.asset()) || !dayStartEquity.asset().equals(equity.asset())) {
            throw new IllegalArgumentException("equity, day P&L and day-start equity must share one currency");
        }
    }

    public Asset currency() {
        return equity.asset();
    }

    /** The signed position in {@code instrument}; zero when there is none. */
    /** The signed quantity held of {@code asset} across every instrument whose base it is. */
    BigDecimal holding(io.cryptobot.kernel.domain.Asset asset) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<InstrumentId, Quantity> entry : positions.entrySet()) {
            if (entry.getKey().base().equals(asset)) {
                total = total.add(entry.getValue().toBigDecimal());
            }
        }
        return total;
    }

    BigDecimal position(InstrumentId instrument) {
        Quantity quantity = positions.get(instrument);
        return quantity == null ? BigDecimal.ZERO : quantity.toBigDecimal();
    }

    PositionChange changeBy(OrderIntent intent) {
        BigDecimal before = position(intent.instrument());
        return new PositionChange(before, before.add(intent.signedQuantity()));
    }
}
