package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.SessionOrdersUseCase.SessionPlacement;
import io.cryptobot.bot.application.port.out.OrderRatePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.session.SessionRefusal;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.IdGenerator;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Places an order by hand into a live bot's session between two steps (see {@link TradingSession#place}) under a
 * new time-ordered id. The journal entry (with the id) and the order's activity (denied orders as blocks too) are
 * written by the session's {@link JournalWriter}, together with those of concurrent requests; the call returns
 * once they are durable. The session's lock is held only while the session applies the order. First the order
 * takes a place in the owner's orders of the last minute ({@link UserLimits#ordersPerMinute()}, shared with their
 * bots): none left is a 429 with nothing changed; an order the session does not create gives its place back.
 */
@ApplicationScoped
class PlaceHandOrder {
    /** The tag of orders placed by hand into a bot's session. */
    static final String MANUAL_TAG = "manual";
    private final LiveSessions sessions;
    private final OrderQueries orders;
    private final IdGenerator ids;
    private final OrderRatePort rate;
    private final Limit perMinute;
    private final Clock clock;

    PlaceHandOrder(LiveSessions sessions, OrderQueries orders, IdGenerator ids, OrderRatePort rate,
                   UserLimits limits, Clock clock) {
        this.sessions = sessions;
        this.orders = orders;
        this.ids = ids;
        this.rate = rate;
        this.perMinute = limits.ordersPerMinute();
        this.clock = clock;
    }

    Either<DomainError, SessionPlacement> place(Bot bot, OrderRequest request) {
        Instant now = clock.now();
        long retryAfter = rate.takeOne(bot.owner(), perMinute.max(), now);
        if (retryAfter > 0) {
            return Either.left(BotErrors.orderRateReached(perMinute, retryAfter));
        }
        boolean created = false;
        try {
            Either<DomainError, SessionPlacement> placed = placeInSession(bot, request);
            created = placed.isRight() && placed.get().created();
            return placed;
        } finally {
            if (!created) {
                rate.giveBack(bot.owner(), now);
            }
        }
    }

    private Either<DomainError, SessionPlacement> placeInSession(Bot bot, OrderRequest request) {
        if (sessions.find(bot.id()).exists(runner -> !runner.holdsAccountOrders)) {
            // an earlier bot traded on the account: the client order id may be one of its orders
            Option<OrderView> earlier = orders.byClientOrderId(bot.owner(), bot.accountId(),
                    request.clientOrderId().value());
            if (earlier.isDefined()) {
                return Either.right(new SessionPlacement(earlier.get(), false));
            }
        }
        return sessions.betweenSteps(bot, runner -> {
            if (runner.liveTrading == null) {
                return apply(bot, request, runner);
            }
            // write-ahead: on a live account the order leaves only once its placed entry is durable
            LiveVenue venue = runner.liveTrading.venue;
            venue.holdSends();
            Either<DomainError, DurableAnswer<SessionPlacement>> applied = null;
            try {
                applied = apply(bot, request, runner);
            } finally {
                venue.sendWhenDurable(applied != null && applied.isRight() ? applied.get().written()
                        : CompletableFuture.failedFuture(new IllegalStateException("no order to send")));
            }
            return applied;
        }).map(sessions::awaited);
    }

    /** Applies the order to the session (under its lock) and queues its journal entry on the session's writer. */
    private Either<DomainError, DurableAnswer<SessionPlacement>> apply(Bot bot, OrderRequest request,
                                                                      LiveSession runner) {
        OrderId id = new OrderId(ids.next());
        Either<SessionRefusal, TradingSession.Placement> placed = runner.session.place(request, id, MANUAL_TAG);
        if (placed.isLeft()) {
            return Either.<DomainError, DurableAnswer<SessionPlacement>>left(
                    BotErrors.orderRefused(placed.getLeft().reason()));
        }
        if (!placed.get().created()) {
            // the order named may still be on its way to the journal
            sessions.flush(runner);
            OrderId known = placed.get().order().id();
            return orders.get(bot.owner(), known.value()).map(details -> new DurableAnswer<>(runner,
                    CompletableFuture.completedFuture(true), new SessionPlacement(details.order(), false)));
        }
        StepJournal.Step step = runner.steps.drain();
        CompletableFuture<Boolean> written = runner.writer.submit(BotControl.placed(request, id,
                runner.session.lastStepTime(), clock.now()), step);
        return Either.right(new DurableAnswer<>(runner, written, new SessionPlacement(step.recorded(id), true)));
    }
}
