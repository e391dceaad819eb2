package io.cryptobot.order.application.service;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GetTradingRulesQuery;
import io.cryptobot.marketdata.application.port.in.TradingRules;
import io.cryptobot.order.application.port.in.OrderView;
import io.cryptobot.order.application.port.in.PlaceOrderCommand;
import io.cryptobot.order.application.port.in.PlaceOrderUseCase;
import io.cryptobot.order.application.port.out.OrderJournalPort;
import io.cryptobot.order.application.port.out.PaperVenuePort;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderErrors;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderSpec;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;

/**
 * Orders by hand: every field checked at once against the instrument's tick and step (nothing placed on an
 * error), the client order id looked up first (idempotency), then the paper venue of the account.
 */
@ApplicationScoped
class PlaceOrderService implements PlaceOrderUseCase {
    private final OrderJournalPort journal;
    private final PaperVenuePort venue;
    private final GetTradingRulesQuery instruments;

    PlaceOrderService(OrderJournalPort journal, PaperVenuePort venue, GetTradingRulesQuery instruments) {
        this.journal = journal;
        this.venue = venue;
        this.instruments = instruments;
    }

    @Override
    public Either<DomainError, Placed> place(UserId owner, PlaceOrderCommand c) {
        List<Violation> found = List.empty();
        Option<UUID> account = uuid(c.accountId());
        if (account.isEmpty()) {
            found = found.append(new Violation("accountId", "must be the id of one of your paper accounts"));
        }
        String clientId = c.clientOrderId() == null || c.clientOrderId().isBlank()
                ? "api-" + UUID.randomUUID().toString().replace("-", "") : c.clientOrderId().strip();
        Either<String, ClientOrderId> clientOrderId = ClientOrderId.parse(clientId);
        found = found.appendAll(clientOrderId.swap().map(r -> new Violation("clientOrderId", r)));
        Option<TradingRules> instrument = Option.none();
        Either<String, InstrumentId> instrumentId = InstrumentId.parse(c.instrument() == null ? "" : c.instrument().strip());
        if (instrumentId.isLeft()) {
            found = found.append(new Violation("instrument", instrumentId.getLeft()));
        } else {
            instrument = instruments.rules(instrumentId.get()).toOption();
            if (instrument.isEmpty()) {
                found = found.append(new Violation("instrument", "unknown instrument " + instrumentId.get()));
            }
        }
        Option<Side> side = enumOf(Side.class, c.side());
        if (side.isEmpty()) {
            found = found.append(new Violation("side", "must be buy or sell"));
        }
        Option<OrderType> type = enumOf(OrderType.class, c.type());
        if (type.isEmpty()) {
            found = found.append(new Violation("type", "must be one of market, limit, stop_market, stop_limit, "
                    + "take_profit"));
        }
        Option<TimeInForce> tif = c.timeInForce() == null || c.timeInForce().isBlank() ? Option.some(TimeInForce.GTC)
                : enumOf(TimeInForce.class, c.timeInForce());
        if (tif.isEmpty()) {
            found = found.append(new Violation("timeInForce", "must be one of gtc, ioc, fok"));
        }
        Option<Quantity> quantity = Option.none();
        Option<Price> limit = Option.none();
        Option<Price> trigger = Option.none();
        if (instrument.isDefined()) {
            TradingRules known = instrument.get();
            if (c.quantity() == null || c.quantity().isBlank()) {
                found = found.append(new Violation("quantity", "is missing"));
            } else {
                Either<String, Quantity> parsed = known.quantity(c.quantity().strip());
                found = found.appendAll(parsed.swap().map(r -> new Violation("quantity", r)));
                quantity = parsed.toOption();
            }
            if (c.limitPrice() != null && !c.limitPrice().isBlank()) {
                Either<String, Price> parsed = known.price(c.limitPrice().strip());
                found = found.appendAll(parsed.swap().map(r -> new Violation("limitPrice", r)));
                limit = parsed.toOption();
            }
            if (c.triggerPrice() != null && !c.triggerPrice().isBlank()) {
                Either<String, Price> parsed = known.price(c.triggerPrice().strip());
                found = found.appendAll(parsed.swap().map(r -> new Violation("triggerPrice", r)));
                trigger = parsed.toOption();
            }
        }
        Option<UUID> correlation = c.correlationId() == null || c.correlationId().isBlank()
                ? Option.some(UUID.randomUUID()) : uuid(c.correlationId());
        if (correlation.isEmpty()) {
            found = found.append(new Violation("correlationId", "must be a UUID"));
        }
        if (found.isEmpty()) {
            // the combination rules of the aggregate, reported with the other input errors
            var spec = OrderSpec.checked(owner, clientOrderId.get(), instrumentId.get(), side.get(), type.get(),
                    quantity.get(), limit, trigger, tif.get(), Boolean.TRUE.equals(c.reduceOnly()),
                    new CorrelationId(correlation.get()));
            if (spec.isInvalid()) {
                found = found.appendAll(spec.getError());
            }
        }
        if (!found.isEmpty()) {
            return Either.left(OrderErrors.invalid(found));
        }
        OrderRequest request = new OrderRequest(clientOrderId.get(), instrumentId.get(), side.get(), type.get(),
                quantity.get(), limit, trigger, tif.get(), Boolean.TRUE.equals(c.reduceOnly()),
                new CorrelationId(correlation.get()));
        boolean correlationGiven = c.correlationId() != null && !c.correlationId().isBlank();
        Option<OrderView> existing = journal.byClientOrderId(owner, account.get(), clientId);
        if (existing.isDefined()) {
            return same(request, correlationGiven, existing.get());
        }
        return venue.submit(owner, account.get(), request).flatMap(submitted -> submitted.created()
                ? Either.right(new Placed(submitted.order(), true))
                : same(request, correlationGiven, submitted.order()));
    }

    /**
     * The order a client order id already names, returned when the request asks for the same order; refused
     * naming the fields that differ otherwise (the correlation id only when the caller chose one).
     */
    private static Either<DomainError, Placed> same(OrderRequest request, boolean correlationGiven, OrderView known) {
        List<String> differ = List.empty();
        differ = differ.appendAll(differs("instrument", request.instrument().toString(), known.instrument()));
        differ = differ.appendAll(differs("side", code(request.side()), known.side()));
        differ = differ.appendAll(differs("type", code(request.type()), known.type()));
        differ = differ.appendAll(differs("quantity", request.quantity().toBigDecimal(), known.quantity()));
        differ = differ.appendAll(differs("limitPrice", request.limitPrice().map(Price::toBigDecimal).getOrNull(),
                known.limitPrice()));
        differ = differ.appendAll(differs("triggerPrice", request.triggerPrice().map(Price::toBigDecimal).getOrNull(),
                known.triggerPrice()));
        differ = differ.appendAll(differs("timeInForce", code(request.timeInForce()), known.timeInForce()));
        differ = differ.appendAll(differs("reduceOnly", request.reduceOnly(), known.reduceOnly()));
        if (correlationGiven) {
            differ = differ.appendAll(differs("correlationId", request.correlationId().value(),
                    known.correlationId()));
        }
        return differ.isEmpty() ? Either.right(new Placed(known, false))
                : Either.left(OrderErrors.clientOrderIdReused(request.clientOrderId().value(), known.id(), differ));
    }

    private static Option<String> differs(String field, Object asked, Object known) {
        boolean equal = asked instanceof java.math.BigDecimal a && known instanceof java.math.BigDecimal k
                ? a.compareTo(k) == 0 : java.util.Objects.equals(asked, known);
        return equal ? Option.none() : Option.some(field);
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Either<DomainError, OrderView> cancel(UserId owner, UUID orderId) {
        return journal.load(owner, orderId).toEither(() -> OrderErrors.notFound(orderId.toString()))
                .flatMap(details -> venue.cancel(owner, details.order().accountId(), new OrderId(orderId)));
    }

    private static <E extends Enum<E>> Option<E> enumOf(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Option.none();
        }
        try {
            return Option.some(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    private static Option<UUID> uuid(String text) {
        try {
            return text == null ? Option.none() : Option.some(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }
}
