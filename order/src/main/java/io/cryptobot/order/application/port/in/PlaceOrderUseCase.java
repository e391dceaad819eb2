package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Places an order by hand on one of the caller's paper accounts. Placing is idempotent by client order id per
 * account: asking again returns the first order ({@code created} false) and changes nothing; the same id with a
 * different order is a conflict naming the fields that differ. An order the pre-trade check refuses is created
 * denied (and recorded as a block event), not refused as a request. The order comes back as the journal recorded
 * it.
 */
public interface PlaceOrderUseCase {
    Either<DomainError, Placed> place(UserId owner, PlaceOrderCommand command);

    record Placed(OrderView order, boolean created) {
    }
}
