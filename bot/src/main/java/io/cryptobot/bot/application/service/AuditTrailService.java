package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.AuditChain;
import io.cryptobot.bot.application.port.in.AuditTrailQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.risk.application.port.in.BlockEventsUseCase;
import io.cryptobot.risk.domain.BlockEvent;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The chain behind a correlation id: where it started (a signal or an API call), the risk blocks, the orders
 * with their events and fills, and the position changes those fills made in their bots' ledgers.
 */
@ApplicationScoped
class AuditTrailService implements AuditTrailQuery {
    private final OrderQueries orders;
    private final BlockEventsUseCase blocks;
    private final BotStorePort store;
    private final BotPortfolios portfolios;

    AuditTrailService(OrderQueries orders, BlockEventsUseCase blocks, BotStorePort store, BotPortfolios portfolios) {
        this.orders = orders;
        this.blocks = blocks;
        this.store = store;
        this.portfolios = portfolios;
    }

    @Override
    public Either<DomainError, AuditChain> chain(UserId caller, UUID correlationId) {
        java.util.List<OrderDetails> chain = orders.byCorrelation(caller, correlationId);
        java.util.List<BlockEvent> blocked = blocks.byCorrelation(caller, correlationId);
        if (chain.isEmpty() && blocked.isEmpty()) {
            return Either.left(new DomainError.NotFound("audit.not_found", "nothing of yours carries correlation id "
                    + correlationId));
        }
        java.util.Set<UUID> chainOrders = new java.util.HashSet<>();
        chain.forEach(o -> chainOrders.add(o.order().id()));
        java.util.List<AuditChain.PositionChange> changes = new java.util.ArrayList<>();
        chain.stream().map(o -> o.order().botId()).filter(java.util.Objects::nonNull).distinct()
                .forEach(botId -> store.load(caller, new BotId(botId)).forEach(bot -> portfolios.ledgerOf(bot, (fill, changed) -> {
                    if (chainOrders.contains(fill.orderId())) {
                        changes.add(new AuditChain.PositionChange(fill.orderId(), fill.tradeId(), fill.instrument(),
                                fill.side(), fill.quantity(), changed.newQuantity(), fill.executedAt()));
                    }
                })));
        AuditChain.Origin origin = chain.isEmpty()
                ? new AuditChain.Origin("signal", blocked.get(0).botId().getOrNull(), null, blocked.get(0).occurredAt())
                : new AuditChain.Origin(BotRunner.MANUAL_TAG.equals(chain.get(0).order().tag()) ? "api" : "signal",
                        chain.get(0).order().botId(), chain.get(0).order().tag(), chain.get(0).order().createdAt());
        return Either.right(new AuditChain(correlationId, origin, blocked, chain, changes));
    }
}
