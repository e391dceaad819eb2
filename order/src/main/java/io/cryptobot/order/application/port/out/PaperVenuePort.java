package io.cryptobot.order.application.port.out;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The simulated venue of a paper account: the account's live session, which checks the order against risk,
 * works it on the market's next candles and records it in the order journal before it answers.
 */
public interface PaperVenuePort {
    Either<DomainError, Order> submit(UserId owner, UUID accountId, OrderRequest request);

    Either<DomainError, Order> cancel(UserId owner, UUID accountId, OrderId order);
}
