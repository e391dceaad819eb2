package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.util.Objects;

/**
 * One execution from a live venue's trade history (Binance {@code GET /api/v3/myTrades}): the venue's trade id, the
 * order it belongs to (the venue's id and the platform's client order id, which the adapter resolves when the venue's
 * trade list names only its own id), quantity, price and commission in the asset the venue charged it in.
 * Reconciliation applies the ones the journal lacks, once each by trade id.
 */
public record VenueExecution(String clientOrderId, String venueOrderId, InstrumentId instrument, Side side,
                             String tradeId, Quantity quantity, Price price, Money commission,
                             LiquiditySide liquidity, long time) {
    public VenueExecution {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(liquidity, "liquidity");
    }

    public VenueReport.Filled asReport() {
        return new VenueReport.Filled(clientOrderId, tradeId, quantity, price, commission, liquidity, time);
    }
}
