package io.cryptobot.portfolio.domain.event;

import io.cryptobot.kernel.domain.DomainEvent;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Quantity;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A fill changed the position in {@code instrument} to {@code newQuantity}; {@code realizedPnl} is what this
 * change alone realized (zero for a buy), in the quote asset and gross of fees. {@code tradeId} links the
 * change to the fill that caused it.
 */
public record PositionChanged(
        EventMeta meta, InstrumentId instrument, String tradeId, Quantity newQuantity, Money realizedPnl)
        implements DomainEvent {
    public PositionChanged {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(newQuantity, "newQuantity");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        if (newQuantity.isNegative()) {
            throw new IllegalArgumentException("a spot position is never negative: " + newQuantity);
        }
    }

    @Override
    public UUID eventId() {
        return meta.eventId();
    }

    @Override
    public Instant occurredAt() {
        return meta.occurredAt();
    }
}
