package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.session.SessionRefusal;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/**
 * Cancels a working order of a live bot's session by hand, journaled and projected like {@link PlaceHandOrder}:
 * through the session's {@link JournalWriter}, answered once durable.
 */
@ApplicationScoped
class CancelHandOrder {
    private final LiveSessions sessions;
    private final Clock clock;

    CancelHandOrder(LiveSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    Either<DomainError, OrderView> cancel(Bot bot, OrderId order) {
        return sessions.betweenSteps(bot, runner -> {
            Either<SessionRefusal, Order> canceled = runner.session.cancel(order);
            if (canceled.isLeft()) {
                return Either.<DomainError, DurableAnswer<OrderView>>left(
                        BotErrors.orderNotOpen(canceled.getLeft().reason()));
            }
            StepJournal.Step step = runner.steps.drain();
            CompletableFuture<Boolean> written = runner.writer.submit(BotControl.canceled(order,
                    runner.session.lastStepTime(), clock.now()), step);
            return Either.right(new DurableAnswer<>(runner, written, step.recorded(order)));
        }).map(sessions::awaited);
    }
}
