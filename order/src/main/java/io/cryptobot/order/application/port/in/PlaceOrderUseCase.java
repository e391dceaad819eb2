package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * Places and cancels orders by hand on the caller's paper accounts. Placing is idempotent by client order id per
 * account: asking again returns the first order ({@code created} false) and changes nothing. An order the
 * pre-trade check refuses is created denied (and recorded as a block event), not refused as a request.
 */
public interface PlaceOrderUseCase {
    Either<DomainError, Placed> place(UserId owner, PlaceOrderCommand command);

    Either<DomainError, OrderView> cancel(UserId owner, UUID orderId);

    record Placed(OrderView order, boolean created) {
    }
}
