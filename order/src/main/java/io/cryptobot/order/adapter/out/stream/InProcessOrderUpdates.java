package io.cryptobot.order.adapter.out.stream;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderUpdate;
import io.cryptobot.order.application.port.out.OrderUpdatesPort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * One broadcast of every owner's updates, each watcher filtered to its owner's; a watcher gets a buffer of
 * {@link #BUFFER} updates and is dropped (its stream fails) when it falls further behind.
 */
@ApplicationScoped
class InProcessOrderUpdates implements OrderUpdatesPort {
    static final int BUFFER = 10_000;
    private final BroadcastProcessor<Addressed> hub = BroadcastProcessor.create();

    private record Addressed(UserId owner, OrderUpdate update) {
    }

    @Override
    public void publish(UserId owner, List<OrderUpdate> updates) {
        synchronized (hub) {
            for (OrderUpdate update : updates) {
                hub.onNext(new Addressed(owner, update));
            }
        }
    }

    @Override
    public Multi<OrderUpdate> subscribe(UserId owner) {
        return hub.onOverflow().buffer(BUFFER).select().where(a -> a.owner().equals(owner)).map(Addressed::update);
    }
}
