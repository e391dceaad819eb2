package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Side;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * What a strategy wants to trade, before risk checks, sizing and the venue have their say. A limit price is
 * present exactly when the order type has one. The tag says why (e.g. {@code sma_cross_up}) and travels
 * with the order so fills and reports can be traced back to the signal. Immutable, so a strategy may keep
 * its intents in constants and emit them without allocating.
 */
public record OrderIntent(Side side, OrderType type, Sizing sizing, Option<Price> limitPrice, String tag) {

    public OrderIntent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(limitPrice, "limitPrice");
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("tag must be given");
        }
        if (type.hasLimitPrice() != limitPrice.isDefined()) {
            throw new IllegalArgumentException(type + (type.hasLimitPrice()
                    ? " needs a limit price" : " takes no limit price"));
        }
    }

    public static OrderIntent market(Side side, Sizing sizing, String tag) {
        return new OrderIntent(side, OrderType.MARKET, sizing, Option.none(), tag);
    }

    public static OrderIntent limit(Side side, Sizing sizing, Price limitPrice, String tag) {
        return new OrderIntent(side, OrderType.LIMIT, sizing, Option.of(limitPrice), tag);
    }
}
