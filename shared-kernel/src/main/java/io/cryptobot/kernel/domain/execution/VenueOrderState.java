package io.cryptobot.kernel.domain.execution;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What a live venue says one order is now (an order query, an open-orders listing, a cancel's answer, the order part
 * of a streamed report): its status and how much of it has executed. {@code executed} never decreases and a terminal
 * status never changes again, so of two states of one order the later one is the one with more executed or, at
 * equal execution, the terminal one; whoever applies streamed reports orders them by that.
 */
public record VenueOrderState(String clientOrderId, String venueOrderId, InstrumentId instrument, Side side,
                              OrderType type, Quantity quantity, Quantity executed, Option<Price> limitPrice,
                              Status status, long updateTime) {
    public enum Status {
        NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED;

        /** Still on the book: it may fill further or be canceled. */
        public boolean open() {
            return this == NEW || this == PARTIALLY_FILLED;
        }
    }

    public VenueOrderState {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(executed, "executed");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(status, "status");
    }

    /** True when this state is not older than {@code other} of the same order (see the class comment). */
    public boolean notBefore(VenueOrderState other) {
        int executedOrder = executed.compareTo(other.executed);
        if (executedOrder != 0) {
            return executedOrder > 0;
        }
        return status.open() ? other.status.open() : true;
    }
}
