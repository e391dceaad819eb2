package io.cryptobot.order.application.service;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderEventView;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.out.OrderJournalPort;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The order journal in memory: orders by owner and id, the newest view of each; what the use cases read. */
final class InMemoryOrderJournal implements OrderJournalPort {
    private final Map<UserId, Map<UUID, OrderView>> orders = new LinkedHashMap<>();

    void put(UserId owner, OrderView order) {
        orders.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(order.id(), order);
    }

    private List<OrderView> of(UserId owner) {
        return new ArrayList<>(orders.getOrDefault(owner, Map.of()).values());
    }

    @Override
    public void save(UserId owner, OrderActivity activity) {
        activity.orders().forEach(o -> put(owner, OrderView.of(o)));
    }

    @Override
    public void saveAll(List<io.cryptobot.order.application.port.in.RecordOrderActivityUseCase.OwnedActivity> all) {
        all.forEach(owned -> save(owned.owner(), owned.activity()));
    }

    @Override
    public Option<OrderDetails> load(UserId owner, UUID orderId) {
        return Option.of(orders.getOrDefault(owner, Map.of()).get(orderId))
                .map(o -> new OrderDetails(o, List.of(), List.of()));
    }

    @Override
    public Uni<Page<OrderView>> list(UserId owner, OrderFilter filter, PageRequest page) {
        List<OrderView> all = of(owner);
        List<OrderView> items = all.subList(Math.min(page.offset(), all.size()),
                Math.min(page.offset() + page.limit(), all.size()));
        return Uni.createFrom().item(new Page<>(items, page.offset(), page.limit(), all.size()));
    }

    @Override
    public Page<FillView> fills(UserId owner, OrderFilter filter, PageRequest page) {
        return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }

    @Override
    public List<FillView> fillsOfBot(UserId owner, UUID botId) {
        return List.of();
    }

    @Override
    public io.cryptobot.order.application.port.in.FillsSince fillsOfBotSince(UserId owner, UUID botId, long after) {
        return new io.cryptobot.order.application.port.in.FillsSince(List.of(), after);
    }

    @Override
    public List<OrderDetails> byCorrelation(UserId owner, UUID correlationId) {
        return of(owner).stream().filter(o -> o.correlationId().equals(correlationId))
                .map(o -> new OrderDetails(o, List.of(), List.of())).toList();
    }

    @Override
    public Page<OrderEventView> events(UserId owner, OrderQueries.EventFilter filter, PageRequest page) {
        return new Page<>(List.of(), page.offset(), page.limit(), 0);
    }

    @Override
    public Option<OrderView> byClientOrderId(UserId owner, UUID accountId, String clientOrderId) {
        return Option.ofOptional(of(owner).stream().filter(o -> o.accountId().equals(accountId)
                && o.clientOrderId().equals(clientOrderId)).findFirst());
    }
}
