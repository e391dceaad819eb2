package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * Orders by hand into the live session of one of the owner's paper accounts (the session of the bot running on
 * it); refused when the account is not the owner's paper account or has no live session.
 */
public interface SessionOrdersUseCase {
    Either<DomainError, Order> place(UserId owner, UUID accountId, OrderRequest request);

    Either<DomainError, Order> cancel(UserId owner, UUID accountId, OrderId order);
}
