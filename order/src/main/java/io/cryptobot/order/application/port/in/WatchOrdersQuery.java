package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Multi;

/**
 * The caller's order updates and fills as they are recorded, from subscription on (a hot stream that never
 * completes by itself). A client that falls too far behind is dropped; it reads the current state with the
 * queries and subscribes again.
 */
public interface WatchOrdersQuery {
    Multi<OrderUpdate> watch(UserId caller);
}
