package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import java.util.UUID;

/** Cancels a working order of the caller's by hand; another user's order is not found. */
public interface CancelOrderUseCase {
    Either<DomainError, OrderView> cancel(UserId owner, UUID orderId);
}
