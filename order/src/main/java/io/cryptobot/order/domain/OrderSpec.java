package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Objects;

/**
 * What a new order asks for. {@link #checked} refuses combinations that make no sense, listing each
 * reason: a limit price where the type has none (or none where it needs one), a trigger price on a
 * non-conditional order, non-positive quantities or prices, FOK/IOC on a resting conditional order.
 */
public record OrderSpec(UserId owner, ClientOrderId clientOrderId, InstrumentId instrument, Side side,
                        OrderType type, Quantity quantity, Option<Price> limitPrice, Option<Price> triggerPrice,
                        TimeInForce timeInForce, boolean reduceOnly, CorrelationId correlationId) {

    public OrderSpec {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(correlationId, "correlationId");
        Seq<Violation> violations = violations(type, quantity, limitPrice, triggerPrice, timeInForce);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.map(Violation::reason).mkString("; "));
        }
    }

    public static Validation<Seq<Violation>, OrderSpec> checked(UserId owner, ClientOrderId clientOrderId,
            InstrumentId instrument, Side side, OrderType type, Quantity quantity, Option<Price> limitPrice,
            Option<Price> triggerPrice, TimeInForce timeInForce, boolean reduceOnly, CorrelationId correlationId) {
        Seq<Violation> violations = violations(type, quantity, limitPrice, triggerPrice, timeInForce);
        return violations.isEmpty()
                ? Validation.valid(new OrderSpec(owner, clientOrderId, instrument, side, type, quantity, limitPrice,
                        triggerPrice, timeInForce, reduceOnly, correlationId))
                : Validation.invalid(violations);
    }

    private static Seq<Violation> violations(OrderType type, Quantity quantity, Option<Price> limitPrice,
                                             Option<Price> triggerPrice, TimeInForce timeInForce) {
        List<Violation> found = List.empty();
        if (quantity.units() <= 0) {
            found = found.append(new Violation("quantity", "must be positive"));
        }
        if (type.hasLimitPrice() && limitPrice.isEmpty()) {
            found = found.append(new Violation("limitPrice", "is required for " + type));
        }
        if (!type.hasLimitPrice() && limitPrice.isDefined()) {
            found = found.append(new Violation("limitPrice", "is not allowed for " + type));
        }
        if (limitPrice.exists(p -> p.units() <= 0)) {
            found = found.append(new Violation("limitPrice", "must be positive"));
        }
        if (type.isConditional() && triggerPrice.isEmpty()) {
            found = found.append(new Violation("triggerPrice", "is required for " + type));
        }
        if (!type.isConditional() && triggerPrice.isDefined()) {
            found = found.append(new Violation("triggerPrice", "is not allowed for " + type));
        }
        if (triggerPrice.exists(p -> p.units() <= 0)) {
            found = found.append(new Violation("triggerPrice", "must be positive"));
        }
        if (type.isConditional() && timeInForce != TimeInForce.GTC) {
            found = found.append(new Violation("timeInForce", "conditional orders rest until triggered: use GTC"));
        }
        return found;
    }
}
