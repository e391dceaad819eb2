package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.UserId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order the pre-trade check refused, as recorded for its owner: the order intent, every rule that refused it
 * with its reason, the correlation id that ties it to the signal (or API call) that asked for it, and where it
 * came from (account, bot). Its id derives from the order's, so recording it twice keeps one.
 */
public record BlockEvent(UUID id, UserId owner, UUID accountId, Option<UUID> botId, UUID orderId,
                         OrderIntent intent, List<RiskRefusal> refusals, Instant occurredAt) {
    public BlockEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(refusals, "refusals");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a block names at least one rule");
        }
    }

    public static BlockEvent of(UserId owner, UUID accountId, Option<UUID> botId, UUID orderId, OrderIntent intent,
                                PreTradeRefusal refusal, Instant at) {
        return new BlockEvent(UUID.nameUUIDFromBytes(("block:" + orderId).getBytes(StandardCharsets.UTF_8)), owner,
                accountId, botId, orderId, intent, refusal.refusals(), at);
    }

    /** The rule listed first: the one a count by reason files the block under. */
    public String rule() {
        return refusals.head().ruleId();
    }
}
