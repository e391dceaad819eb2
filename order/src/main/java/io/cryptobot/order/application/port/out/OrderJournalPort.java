package io.cryptobot.order.application.port.out;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderActivity;
import io.cryptobot.order.application.port.in.OrderDetails;
import io.cryptobot.order.application.port.in.OrderFilter;
import io.cryptobot.order.application.port.in.OrderView;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import java.util.List;
import java.util.UUID;

/** The order journal's storage: one owner's activity written in one transaction, and read back by owner. */
public interface OrderJournalPort {
    void save(UserId owner, OrderActivity activity);

    /** Several owners' activities written in one transaction (each row under its own owner). */
    void saveAll(List<io.cryptobot.order.application.port.in.RecordOrderActivityUseCase.OwnedActivity> activities);

    Option<OrderDetails> load(UserId owner, UUID orderId);

    Uni<Page<OrderView>> list(UserId owner, OrderFilter filter, PageRequest page);

    Page<FillView> fills(UserId owner, OrderFilter filter, PageRequest page);

    List<FillView> fillsOfBot(UserId owner, UUID botId);

    /** The owner's bot's fills with a journal sequence number above {@code after}, in that order. */
    io.cryptobot.order.application.port.in.FillsSince fillsOfBotSince(UserId owner, UUID botId, long after);

    List<OrderDetails> byCorrelation(UserId owner, UUID correlationId);

    Page<io.cryptobot.order.application.port.in.OrderEventView> events(UserId owner,
            io.cryptobot.order.application.port.in.OrderQueries.EventFilter filter, PageRequest page);

    Option<OrderView> byClientOrderId(UserId owner, UUID accountId, String clientOrderId);
}
