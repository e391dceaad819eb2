package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.risk.domain.BlockEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything traced under one correlation id, in the order it happened: where it started (a bot's signal, with
 * the strategy's tag, or an API call), the pre-trade check (passed, or the block with every refusing rule), the
 * orders with every event and fill, and the position after each fill.
 */
public record AuditChain(UUID correlationId, Origin origin, List<BlockEvent> blocks, List<OrderDetails> orders,
                         List<PositionChange> positionChanges) {
    public AuditChain {
        blocks = List.copyOf(blocks);
        orders = List.copyOf(orders);
        positionChanges = List.copyOf(positionChanges);
    }

    /**
     * The pre-trade check of each order in the chain: {@code blocked} with every refusing rule and its reason for
     * each block, {@code passed} for each order that was not denied.
     */
    public List<RiskCheck> riskChecks() {
        List<RiskCheck> checks = new java.util.ArrayList<>();
        for (BlockEvent block : blocks) {
            checks.add(new RiskCheck("blocked", block.refusals().map(r -> r.ruleId()).toJavaList(),
                    block.refusals().map(r -> r.reason()).toJavaList(), block.occurredAt()));
        }
        for (OrderDetails details : orders) {
            if (!OrderStatus.DENIED.name().equalsIgnoreCase(details.order().status())) {
                checks.add(new RiskCheck("passed", List.of(), List.of(), details.order().createdAt()));
            }
        }
        return checks;
    }

    public record RiskCheck(String outcome, List<String> rules, List<String> reasons, Instant at) {
    }

    /** {@code kind} is {@code signal} (a strategy's intent) or {@code api} (an order placed by hand). */
    public record Origin(String kind, UUID botId, String tag, Instant at) {
    }

    public record PositionChange(UUID orderId, String tradeId, InstrumentId instrument, Side side, Quantity quantity,
                                 Quantity positionAfter, Instant at) {
    }
}
