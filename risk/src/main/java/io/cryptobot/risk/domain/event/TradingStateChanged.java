package io.cryptobot.risk.domain.event;

import io.cryptobot.kernel.domain.DomainEvent;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.risk.domain.TradingState;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The trading state of an account changed; {@code from} is the state before, {@link #to()} the state after. */
public sealed interface TradingStateChanged extends DomainEvent {
    EventMeta meta();

    TradingState from();

    TradingState to();

    String reason();

    @Override
    default UUID eventId() {
        return meta().eventId();
    }

    @Override
    default Instant occurredAt() {
        return meta().occurredAt();
    }

    /** The kill switch: nothing may be traded until trading is resumed or reduced. */
    record TradingHalted(EventMeta meta, TradingState from, String reason) implements TradingStateChanged {
        public TradingHalted {
            requireAll(meta, from, reason);
        }

        @Override
        public TradingState to() {
            return TradingState.HALTED;
        }
    }

    /** Only orders that make positions smaller may be traded. */
    record TradingReduced(EventMeta meta, TradingState from, String reason) implements TradingStateChanged {
        public TradingReduced {
            requireAll(meta, from, reason);
        }

        @Override
        public TradingState to() {
            return TradingState.REDUCING;
        }
    }

    /** Trading is back to normal, under the configured limits. */
    record TradingResumed(EventMeta meta, TradingState from, String reason) implements TradingStateChanged {
        public TradingResumed {
            requireAll(meta, from, reason);
        }

        @Override
        public TradingState to() {
            return TradingState.ACTIVE;
        }
    }

    private static void requireAll(EventMeta meta, TradingState from, String reason) {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(reason, "reason");
    }
}
