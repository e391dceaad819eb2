package io.cryptobot.order.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.OrderUpdate;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.WatchOrdersQuery;
import io.cryptobot.order.application.port.out.OrderUpdatesPort;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase;
import io.cryptobot.order.application.port.in.RecordOrderActivityUseCase.OwnedActivity;
import io.cryptobot.order.application.port.out.OrderJournalPort;
import io.cryptobot.order.domain.OrderErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The order journal: records what sessions did to their orders, pushes it to the owner's watchers once stored,
 * and answers the owner's queries. Every order
 * and fill recorded must belong to the owner named (the activity's orders carry it in their spec).
 */
@ApplicationScoped
class OrderJournalService implements RecordOrderActivityUseCase, OrderQueries, WatchOrdersQuery {
    private final OrderJournalPort journal;
    private final OrderUpdatesPort updates;
    private final java.util.concurrent.ConcurrentHashMap<UserId, java.util.concurrent.atomic.AtomicLong> versions =
            new java.util.concurrent.ConcurrentHashMap<>();

    OrderJournalService(OrderJournalPort journal, OrderUpdatesPort updates) {
        this.journal = journal;
        this.updates = updates;
    }

    @Override
    public void record(UserId owner, OrderActivity activity) {
        checkOwner(owner, activity);
        if (!activity.isEmpty()) {
            journal.save(owner, activity);
            recorded(owner, activity);
        }
    }

    @Override
    public void recordAll(List<OwnedActivity> activities) {
        activities.forEach(owned -> checkOwner(owned.owner(), owned.activity()));
        List<OwnedActivity> written = activities.stream().filter(owned -> !owned.activity().isEmpty()).toList();
        if (!written.isEmpty()) {
            journal.saveAll(written);
            written.forEach(owned -> recorded(owned.owner(), owned.activity()));
        }
    }

    private static void checkOwner(UserId owner, OrderActivity activity) {
        for (OrderActivity.TrackedOrder tracked : activity.orders()) {
            if (!tracked.order().spec().owner().equals(owner)) {
                throw new IllegalArgumentException("order " + tracked.order().id() + " is not " + owner + "'s");
            }
        }
    }

    /** Once stored: the owner's journal version moves on and the owner's watchers are told. */
    private void recorded(UserId owner, OrderActivity activity) {
        versions.computeIfAbsent(owner, o -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        List<OrderUpdate> pushed = new ArrayList<>(activity.orders().size() + activity.fills().size());
        activity.orders().forEach(o -> pushed.add(new OrderUpdate.OrderChanged(OrderView.of(o))));
        activity.fills().forEach(f -> pushed.add(new OrderUpdate.Filled(FillView.of(f))));
        updates.publish(owner, pushed);
    }

    @Override
    public long version(UserId caller) {
        java.util.concurrent.atomic.AtomicLong version = versions.get(caller);
        return version == null ? 0 : version.get();
    }

    @Override
    public Multi<OrderUpdate> watch(UserId caller) {
        return updates.subscribe(caller);
    }

    @Override
    public io.vavr.control.Option<OrderView> byClientOrderId(UserId caller, UUID accountId, String clientOrderId) {
        return journal.byClientOrderId(caller, accountId, clientOrderId);
    }

    @Override
    public Either<DomainError, OrderDetails> get(UserId caller, UUID orderId) {
        return journal.load(caller, orderId).toEither(() -> OrderErrors.notFound(orderId.toString()));
    }

    @Override
    public io.smallrye.mutiny.Uni<Page<OrderView>> list(UserId caller, OrderFilter filter, PageRequest page) {
        return journal.list(caller, filter, page);
    }

    @Override
    public Page<FillView> fills(UserId caller, OrderFilter filter, PageRequest page) {
        return journal.fills(caller, filter, page);
    }

    @Override
    public List<OrderDetails> byCorrelation(UserId caller, UUID correlationId) {
        return journal.byCorrelation(caller, correlationId);
    }

    @Override
    public Page<io.cryptobot.order.application.port.in.OrderEventView> events(UserId caller, EventFilter filter,
                                                                               PageRequest page) {
        return journal.events(caller, filter, page);
    }

    @Override
    public List<FillView> fillsOfBot(UserId caller, UUID botId) {
        return journal.fillsOfBot(caller, botId);
    }

    @Override
    public io.cryptobot.order.application.port.in.FillsSince fillsOfBotSince(UserId caller, UUID botId, long after) {
        return journal.fillsOfBotSince(caller, botId, after);
    }
}
