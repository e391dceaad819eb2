package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Either;
import java.util.List;
import java.util.UUID;

/** The caller's orders and fills, newest first; another user's order is not found. */
public interface OrderQueries {
    Either<DomainError, OrderDetails> get(UserId caller, UUID orderId);

    /**
     * A number that changes whenever the caller's orders or fills change (on this instance): a reader may keep
     * what it read under the version it read it at.
     */
    long version(UserId caller);

    /** Non-blocking: the busiest read of the platform runs on the event loop, without a worker thread. */
    Uni<Page<OrderView>> list(UserId caller, OrderFilter filter, PageRequest page);

    Page<FillView> fills(UserId caller, OrderFilter filter, PageRequest page);

    /** The caller's order on the account under {@code clientOrderId}, if one was placed. */
    io.vavr.control.Option<OrderView> byClientOrderId(UserId caller, UUID accountId, String clientOrderId);

    /** Every order of the caller traced under {@code correlationId}, with its events and fills, oldest first. */
    List<OrderDetails> byCorrelation(UserId caller, UUID correlationId);

    /** The events of the caller's orders, newest first, filtered by type, bot and time. */
    Page<OrderEventView> events(UserId caller, EventFilter filter, PageRequest page);

    record EventFilter(io.vavr.control.Option<String> type, io.vavr.control.Option<UUID> botId,
                       io.vavr.control.Option<java.time.Instant> from, io.vavr.control.Option<java.time.Instant> to) {
    }

    /** Every fill of one of the caller's bots, in booking order (oldest first): the input of its ledger. */
    List<FillView> fillsOfBot(UserId caller, UUID botId);

    /**
     * The fills of one of the caller's bots booked after {@code after} (0: from the first), oldest first: what a
     * ledger kept in memory has not booked yet. A bot's fills are journaled by its one session a step at a time, so
     * within a bot the booking order is the order in which they became visible: none can appear behind a cursor.
     */
    FillsSince fillsOfBotSince(UserId caller, UUID botId, long after);
}
