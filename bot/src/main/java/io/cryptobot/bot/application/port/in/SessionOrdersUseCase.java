package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * Orders by hand into the live session of one of the owner's paper accounts (the session of the bot running on
 * it); refused when the account is not the owner's paper account or has no live session. Both answer with the
 * order as the order journal recorded it.
 */
public interface SessionOrdersUseCase {
    Either<DomainError, SessionPlacement> place(UserId owner, UUID accountId, OrderRequest request);

    Either<DomainError, OrderView> cancel(UserId owner, UUID accountId, OrderId order);

    /** The order as recorded; {@code created} false when the session already held it under its client order id. */
    record SessionPlacement(OrderView order, boolean created) {
    }
}
