package io.cryptobot.bot.adapter.out.venue;

import io.cryptobot.bot.application.port.in.SessionOrdersUseCase;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.out.PaperVenuePort;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The order context's paper venue is the account's live trading session, which the bot context runs. */
@ApplicationScoped
class PaperSessionVenueAdapter implements PaperVenuePort {
    private final SessionOrdersUseCase sessions;

    PaperSessionVenueAdapter(SessionOrdersUseCase sessions) {
        this.sessions = sessions;
    }

    @Override
    public Either<DomainError, Submitted> submit(UserId owner, UUID accountId, OrderRequest request) {
        return sessions.place(owner, accountId, request)
                .map(placed -> new Submitted(placed.order(), placed.created()));
    }

    @Override
    public Either<DomainError, OrderView> cancel(UserId owner, UUID accountId, OrderId order) {
        return sessions.cancel(owner, accountId, order);
    }
}
