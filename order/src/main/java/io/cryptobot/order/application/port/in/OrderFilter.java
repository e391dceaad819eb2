package io.cryptobot.order.application.port.in;

import io.cryptobot.order.domain.OrderStatus;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Which of the caller's orders (or fills) to list; every part is optional, an empty status set means any. */
public record OrderFilter(Set<OrderStatus> statuses, Option<String> instrument, Option<UUID> botId,
                          Option<UUID> accountId, Option<Instant> from, Option<Instant> to) {
    public static final OrderFilter ANY = new OrderFilter(Set.of(), Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none());

    public OrderFilter {
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static OrderFilter ofBot(UUID botId) {
        return new OrderFilter(Set.of(), Option.none(), Option.some(botId), Option.none(), Option.none(), Option.none());
    }
}
