package io.cryptobot.order.domain;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.order.domain.event.OrderEvent.OrderAccepted;
import io.cryptobot.order.domain.event.OrderEvent.OrderCanceled;
import io.cryptobot.order.domain.event.OrderEvent.OrderDenied;
import io.cryptobot.order.domain.event.OrderEvent.OrderExpired;
import io.cryptobot.order.domain.event.OrderEvent.OrderFilled;
import io.cryptobot.order.domain.event.OrderEvent.OrderInitialized;
import io.cryptobot.order.domain.event.OrderEvent.OrderPendingCancel;
import io.cryptobot.order.domain.event.OrderEvent.OrderRejected;
import io.cryptobot.order.domain.event.OrderEvent.OrderSubmitted;
import io.cryptobot.order.domain.event.OrderEvent.OrderTriggered;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Objects;

/**
 * The order aggregate: an immutable snapshot; every command returns either an {@link OrderError} or the
 * next snapshot together with the event that led to it ({@link Transition}).
 *
 * <pre>
 * INITIALIZED -deny-> DENIED            INITIALIZED -submit-> SUBMITTED
 * SUBMITTED -accept-> ACCEPTED          SUBMITTED -reject-> REJECTED
 * ACCEPTED -trigger-> TRIGGERED         (conditional types only)
 * SUBMITTED | ACCEPTED | TRIGGERED | PARTIALLY_FILLED | PENDING_CANCEL -fill-> PARTIALLY_FILLED | FILLED
 * open -requestCancel-> PENDING_CANCEL  open | SUBMITTED -cancel-> CANCELED   open -expire-> EXPIRED
 * </pre>
 * A conditional order fills only once triggered. Invariants: {@code 0 <= filledQty <= quantity}; FILLED iff
 * {@code filledQty == quantity}; a trade id is applied at most once; limit orders fill only at their limit
 * or better; a closed order never changes again.
 */
public record Order(OrderId id, OrderSpec spec, OrderStatus status, Option<VenueOrderId> venueOrderId,
                    Quantity filledQuantity, BigDecimal filledNotional, Set<TradeId> appliedTrades) {

    private static final java.util.Set<OrderStatus> FILLABLE = EnumSet.of(OrderStatus.SUBMITTED,
            OrderStatus.ACCEPTED, OrderStatus.TRIGGERED, OrderStatus.PARTIALLY_FILLED, OrderStatus.PENDING_CANCEL);

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(filledNotional, "filledNotional");
        Objects.requireNonNull(appliedTrades, "appliedTrades");
        if (filledQuantity.scale() != spec.quantity().scale() || filledQuantity.units() < 0
                || filledQuantity.units() > spec.quantity().units()) {
            throw new IllegalArgumentException("filled quantity must lie in [0, quantity]");
        }
        if ((status == OrderStatus.FILLED) != (filledQuantity.units() == spec.quantity().units())) {
            throw new IllegalArgumentException("an order is FILLED exactly when its whole quantity is filled");
        }
    }

    /** The new snapshot and the event that produced it. */
    public record Transition(Order order, OrderEvent event) {
    }

    /** Creates an order from a checked spec: the start of every order's history. */
    public static Transition newOrder(OrderId id, OrderSpec spec, EventMeta meta) {
        Order order = new Order(id, spec, OrderStatus.INITIALIZED, Option.none(),
                new Quantity(0, spec.quantity().scale()), BigDecimal.ZERO, HashSet.empty());
        return new Transition(order, new OrderInitialized(meta, id, spec.correlationId()));
    }

    /** Rebuilds a stored order; the compact constructor re-checks every invariant. */
    public static Order reconstitute(OrderId id, OrderSpec spec, OrderStatus status, Option<VenueOrderId> venueOrderId,
                                     Quantity filledQuantity, BigDecimal filledNotional, Set<TradeId> appliedTrades) {
        return new Order(id, spec, status, venueOrderId, filledQuantity, filledNotional, appliedTrades);
    }

    public Either<OrderError, Transition> deny(String reason, EventMeta meta) {
        return require(status == OrderStatus.INITIALIZED, "deny")
                .map(ok -> new Transition(with(OrderStatus.DENIED), new OrderDenied(meta, id, spec.correlationId(), reason)));
    }

    public Either<OrderError, Transition> submit(EventMeta meta) {
        return require(status == OrderStatus.INITIALIZED, "submit")
                .map(ok -> new Transition(with(OrderStatus.SUBMITTED), new OrderSubmitted(meta, id, spec.correlationId())));
    }

    public Either<OrderError, Transition> accept(VenueOrderId venueId, EventMeta meta) {
        return require(status == OrderStatus.SUBMITTED, "accept").map(ok -> new Transition(
                new Order(id, spec, OrderStatus.ACCEPTED, Option.some(venueId), filledQuantity, filledNotional,
                        appliedTrades),
                new OrderAccepted(meta, id, spec.correlationId(), venueId)));
    }

    public Either<OrderError, Transition> reject(String reason, EventMeta meta) {
        return require(status == OrderStatus.SUBMITTED, "reject")
                .map(ok -> new Transition(with(OrderStatus.REJECTED), new OrderRejected(meta, id, spec.correlationId(), reason)));
    }

    public Either<OrderError, Transition> trigger(EventMeta meta) {
        return require(status == OrderStatus.ACCEPTED && spec.type().isConditional(), "trigger")
                .map(ok -> new Transition(with(OrderStatus.TRIGGERED), new OrderTriggered(meta, id, spec.correlationId())));
    }

    public Either<OrderError, Transition> requestCancel(EventMeta meta) {
        return require(status.isOpen() && status != OrderStatus.PENDING_CANCEL, "cancel")
                .map(ok -> new Transition(with(OrderStatus.PENDING_CANCEL),
                        new OrderPendingCancel(meta, id, spec.correlationId())));
    }

    /** The venue (or the simulated venue) confirmed the cancel; what was filled stays filled. */
    public Either<OrderError, Transition> cancel(EventMeta meta) {
        return require(status.isOpen() || status == OrderStatus.SUBMITTED, "cancel")
                .map(ok -> new Transition(with(OrderStatus.CANCELED), new OrderCanceled(meta, id, spec.correlationId())));
    }

    /** Time in force ran out: IOC/FOK remainder, or a venue-side expiry. */
    public Either<OrderError, Transition> expire(EventMeta meta) {
        return require(status.isOpen() || status == OrderStatus.SUBMITTED, "expire")
                .map(ok -> new Transition(with(OrderStatus.EXPIRED), new OrderExpired(meta, id, spec.correlationId())));
    }

    public Either<OrderError, Transition> applyFill(Fill fill, EventMeta meta) {
        if (!FILLABLE.contains(status)) {
            return Either.left(new OrderError.IllegalTransition(status, "fill"));
        }
        if (spec.type().isConditional() && (status == OrderStatus.SUBMITTED || status == OrderStatus.ACCEPTED)) {
            return Either.left(new OrderError.IllegalTransition(status, "fill an untriggered"));
        }
        if (appliedTrades.contains(fill.tradeId())) {
            return Either.left(new OrderError.DuplicateFill(fill.tradeId()));
        }
        if (fill.lastQty().scale() != filledQuantity.scale()) {
            return Either.left(new OrderError.InvalidFill("fill quantity scale " + fill.lastQty().scale()
                    + " differs from the order's " + filledQuantity.scale()));
        }
        long remaining = spec.quantity().units() - filledQuantity.units();
        if (fill.lastQty().units() > remaining) {
            return Either.left(new OrderError.InvalidFill("fill of " + fill.lastQty() + " exceeds the remaining "
                    + new Quantity(remaining, filledQuantity.scale())));
        }
        Option<String> limitBreach = spec.limitPrice().flatMap(limit -> {
            int cmp = fill.lastPx().compareTo(limit);
            boolean worse = spec.side() == io.cryptobot.kernel.domain.Side.BUY ? cmp > 0 : cmp < 0;
            return worse ? Option.some("fill price " + fill.lastPx() + " is worse than the limit " + limit) : Option.none();
        });
        if (limitBreach.isDefined()) {
            return Either.left(new OrderError.InvalidFill(limitBreach.get()));
        }
        Quantity filled = new Quantity(filledQuantity.units() + fill.lastQty().units(), filledQuantity.scale());
        BigDecimal notional = filledNotional.add(fill.lastQty().toBigDecimal().multiply(fill.lastPx().toBigDecimal()));
        OrderStatus next = filled.units() == spec.quantity().units() ? OrderStatus.FILLED
                : status == OrderStatus.PENDING_CANCEL ? OrderStatus.PENDING_CANCEL : OrderStatus.PARTIALLY_FILLED;
        Order order = new Order(id, spec, next, venueOrderId, filled, notional, appliedTrades.add(fill.tradeId()));
        return Either.right(new Transition(order, new OrderFilled(meta, id, spec.correlationId(), fill)));
    }

    public Quantity remainingQuantity() {
        return new Quantity(spec.quantity().units() - filledQuantity.units(), filledQuantity.scale());
    }

    /** Volume-weighted average fill price (16 significant digits); none before the first fill. */
    public Option<BigDecimal> averageFillPrice() {
        if (filledQuantity.units() == 0) {
            return Option.none();
        }
        return Option.some(filledNotional.divide(filledQuantity.toBigDecimal(), MathContext.DECIMAL64));
    }

    private Order with(OrderStatus next) {
        return new Order(id, spec, next, venueOrderId, filledQuantity, filledNotional, appliedTrades);
    }

    private Either<OrderError, Order> require(boolean allowed, String action) {
        return allowed ? Either.right(this) : Either.left(new OrderError.IllegalTransition(status, action));
    }
}
