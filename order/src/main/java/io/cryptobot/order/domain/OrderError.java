package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.DomainError;

/** Why the order refused a command or a report; a value, never an exception. */
public sealed interface OrderError {

    DomainError toDomainError();

    /** The command makes no sense in the order's current status (e.g. cancel a filled order). */
    record IllegalTransition(OrderStatus status, String action) implements OrderError {
        @Override
        public DomainError toDomainError() {
            return new DomainError.Conflict("order.illegal_transition",
                    "cannot " + action + " an order that is " + status.name().toLowerCase());
        }
    }

    /** The fill contradicts the order (overfill, wrong side of the limit, wrong scale). */
    record InvalidFill(String reason) implements OrderError {
        @Override
        public DomainError toDomainError() {
            return new DomainError.Refused("order.invalid_fill", reason);
        }
    }

    /** The fill was applied already (venues may report one execution twice); applying it again would double-count. */
    record DuplicateFill(TradeId tradeId) implements OrderError {
        @Override
        public DomainError toDomainError() {
            return new DomainError.Conflict("order.duplicate_fill", "trade " + tradeId + " was applied already");
        }
    }
}
