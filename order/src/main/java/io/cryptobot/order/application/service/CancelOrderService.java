package io.cryptobot.order.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.CancelOrderUseCase;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.out.OrderJournalPort;
import io.cryptobot.order.application.port.out.PaperVenuePort;
import io.cryptobot.order.domain.OrderErrors;
import io.cryptobot.order.domain.OrderId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The journal says which account the caller's order trades on; that account's paper venue cancels it. */
@ApplicationScoped
class CancelOrderService implements CancelOrderUseCase {
    private final OrderJournalPort journal;
    private final PaperVenuePort venue;

    CancelOrderService(OrderJournalPort journal, PaperVenuePort venue) {
        this.journal = journal;
        this.venue = venue;
    }

    @Override
    public Either<DomainError, OrderView> cancel(UserId owner, UUID orderId) {
        return journal.load(owner, orderId).toEither(() -> OrderErrors.notFound(orderId.toString()))
                .flatMap(details -> venue.cancel(owner, details.order().accountId(), new OrderId(orderId)));
    }
}
