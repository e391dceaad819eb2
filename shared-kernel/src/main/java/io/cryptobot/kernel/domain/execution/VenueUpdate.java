package io.cryptobot.kernel.domain.execution;

import java.util.Objects;

/**
 * A report pushed by a live venue's user-data stream (Binance {@code executionReport}), with the order's state after
 * it: a stream may deliver a report twice or out of order, and {@link VenueOrderState#notBefore} with the trade id
 * of a fill is how the receiver applies each once and in order.
 */
public record VenueUpdate(VenueReport report, VenueOrderState after) {
    public VenueUpdate {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(after, "after");
        if (!report.clientOrderId().equals(after.clientOrderId())) {
            throw new IllegalArgumentException("a report and its order state name one order");
        }
    }
}
