package io.cryptobot.order.application.port.in;

import java.util.List;

/**
 * The fills of one bot booked after a cursor, in booking order, and the cursor that follows the last of them
 * ({@code through}, the cursor asked from when there are none). A cursor is the journal's own sequence number of a
 * fill: never issued twice, so a reader that keeps {@code through} and asks from it again sees each fill once.
 */
public record FillsSince(List<FillView> fills, long through) {
    public FillsSince {
        fills = List.copyOf(fills);
        if (through < 0) {
            throw new IllegalArgumentException("through must not be negative: " + through);
        }
    }
}
