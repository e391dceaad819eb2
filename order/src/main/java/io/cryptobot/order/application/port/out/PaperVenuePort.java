package io.cryptobot.order.application.port.out;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The simulated venue of a paper account: the account's live session, which journals the order, checks it
 * against risk, works it on the market's next candles and records it in the order journal before it answers
 * with the order as recorded.
 */
public interface PaperVenuePort {
    /**
     * The order as recorded; {@code created} false when the account already has an order under the request's
     * client order id, in its session or placed earlier on it (that order is returned, unchanged).
     */
    Either<DomainError, Submitted> submit(UserId owner, UUID accountId, OrderRequest request);

    /** The order as recorded after the cancel. */
    Either<DomainError, OrderView> cancel(UserId owner, UUID accountId, OrderId order);

    record Submitted(OrderView order, boolean created) {
    }
}
