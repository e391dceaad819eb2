package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What the fill model needs to know of an open order: the exchange context's own view, so that its domain does
 * not depend on the order context (the application layer maps the order aggregate to it). An instance is
 * always coherent: a limit price exactly when the type has one, a trigger price exactly when it is conditional,
 * a remaining quantity above zero, IOC/FOK only on orders that do not wait for a trigger. {@code resting} says
 * the order was already on the book when the candle opened (it has seen at least one candle), which decides
 * the price of a gap fill: a new order meets the opening price, a resting one gets its own limit.
 */
public record SimulatedOrder(Side side, OrderType type, Quantity quantity, Option<Price> limitPrice,
                             Option<Price> triggerPrice, TimeInForce timeInForce, Quantity filled,
                             boolean triggered, boolean resting) {

    public SimulatedOrder {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(filled, "filled");
        if (quantity.units() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (filled.isNegative() || filled.compareTo(quantity) >= 0) {
            throw new IllegalArgumentException("filled must be at least zero and below the quantity (a filled order is closed)");
        }
        if (type.hasLimitPrice() != limitPrice.isDefined()) {
            throw new IllegalArgumentException(type + (type.hasLimitPrice() ? " needs" : " takes no") + " limit price");
        }
        if (type.isConditional() != triggerPrice.isDefined()) {
            throw new IllegalArgumentException(type + (type.isConditional() ? " needs" : " takes no") + " trigger price");
        }
        if (limitPrice.exists(p -> p.units() <= 0) || triggerPrice.exists(p -> p.units() <= 0)) {
            throw new IllegalArgumentException("prices must be positive");
        }
        if (triggered && !type.isConditional()) {
            throw new IllegalArgumentException("only a conditional order can be triggered");
        }
        if (type.isConditional() && timeInForce != TimeInForce.GTC) {
            throw new IllegalArgumentException("conditional orders rest until triggered: use GTC");
        }
    }

    public static SimulatedOrder market(Side side, Quantity quantity) {
        return new SimulatedOrder(side, OrderType.MARKET, quantity, Option.none(), Option.none(),
                TimeInForce.GTC, new Quantity(0, quantity.scale()), false, false);
    }

    public static SimulatedOrder limit(Side side, Quantity quantity, Price limit, TimeInForce timeInForce) {
        return new SimulatedOrder(side, OrderType.LIMIT, quantity, Option.some(limit), Option.none(),
                timeInForce, new Quantity(0, quantity.scale()), false, false);
    }

    public static SimulatedOrder stopMarket(Side side, Quantity quantity, Price trigger) {
        return new SimulatedOrder(side, OrderType.STOP_MARKET, quantity, Option.none(), Option.some(trigger),
                TimeInForce.GTC, new Quantity(0, quantity.scale()), false, false);
    }

    public static SimulatedOrder stopLimit(Side side, Quantity quantity, Price trigger, Price limit) {
        return new SimulatedOrder(side, OrderType.STOP_LIMIT, quantity, Option.some(limit),
                Option.some(trigger), TimeInForce.GTC, new Quantity(0, quantity.scale()), false, false);
    }

    public static SimulatedOrder takeProfit(Side side, Quantity quantity, Price trigger) {
        return new SimulatedOrder(side, OrderType.TAKE_PROFIT, quantity, Option.none(), Option.some(trigger),
                TimeInForce.GTC, new Quantity(0, quantity.scale()), false, false);
    }

    /** The same order with {@code total} filled so far; once nothing remains the caller closes the order instead. */
    public SimulatedOrder withFilled(Quantity total) {
        return new SimulatedOrder(side, type, quantity, limitPrice, triggerPrice, timeInForce, total, triggered, true);
    }

    /** The same order once its trigger has been reached. */
    public SimulatedOrder asTriggered() {
        return new SimulatedOrder(side, type, quantity, limitPrice, triggerPrice, timeInForce, filled, true, resting);
    }

    /** The same order after a candle passed with it on the book unfilled or partly filled. */
    public SimulatedOrder asResting() {
        // the same order once resting: the venue asks this of every working order at every bar
        return resting ? this
                : new SimulatedOrder(side, type, quantity, limitPrice, triggerPrice, timeInForce, filled, triggered, true);
    }
}
