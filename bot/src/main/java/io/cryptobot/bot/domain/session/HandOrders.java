package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.Price;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderSpec;
import io.vavr.control.Either;

/**
 * Orders placed and canceled from outside the strategy (by hand), between two steps. The checks a strategy's
 * intent never needs come first and refuse with a value, nothing changed: the instrument must be one of the
 * session's, a client order id already used returns its order unchanged (placing is idempotent), the market must
 * have a price past the warm-up, and the order's fields must fit together. Then the order takes the strategy's
 * path through risk and the venue; a cancel is for an open order only.
 */
final class HandOrders {
    private final SessionSetup setup;
    private final SessionClock clock;
    private final SessionMarkets markets;
    private final SessionOrders orders;
    private final SessionExecution execution;

    HandOrders(SessionSetup setup, SessionClock clock, SessionMarkets markets, SessionOrders orders,
               SessionExecution execution) {
        this.setup = setup;
        this.clock = clock;
        this.markets = markets;
        this.orders = orders;
        this.execution = execution;
    }

    Either<SessionRefusal, TradingSession.Placement> place(OrderRequest request, OrderId id, String tag) {
        Integer market = markets.find(request.instrument());
        if (market == null) {
            return Either.left(new SessionRefusal.UnknownInstrument(request.instrument(), markets.instruments()));
        }
        SessionOrder known = orders.byClientOrderId(request.clientOrderId().value());
        if (known != null) {
            return Either.right(new TradingSession.Placement(known.order, false));
        }
        Price reference = markets.lastClose(market);
        if (reference == null || !clock.trading()) {
            return Either.left(new SessionRefusal.NoPriceYet(request.instrument()));
        }
        var spec = OrderSpec.checked(setup.owner(), request.clientOrderId(), request.instrument(), request.side(),
                request.type(), request.quantity(), request.limitPrice(), request.triggerPrice(),
                request.timeInForce(), request.reduceOnly(), request.correlationId());
        if (spec.isInvalid()) {
            return Either.left(new SessionRefusal.InvalidOrder(spec.getError()));
        }
        SessionOrder placed = execution.open(market, id, spec.get(), null, tag,
                request.limitPrice().getOrElse(reference)).order();
        return Either.right(new TradingSession.Placement(placed.order, true));
    }

    Either<SessionRefusal, Order> cancel(OrderId id) {
        SessionOrder order = orders.open(id);
        if (order == null) {
            return Either.left(new SessionRefusal.NotOpen(id));
        }
        execution.cancel(order);
        return Either.right(order.order);
    }
}
