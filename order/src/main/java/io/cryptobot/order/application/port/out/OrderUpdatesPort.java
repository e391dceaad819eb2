package io.cryptobot.order.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderUpdate;
import io.smallrye.mutiny.Multi;
import java.util.List;

/** Fans recorded order updates out to the owner's watchers (in process; Redis comes with scale-out). */
public interface OrderUpdatesPort {
    void publish(UserId owner, List<OrderUpdate> updates);

    Multi<OrderUpdate> subscribe(UserId owner);
}
