package io.cryptobot.order.application.service;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
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
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderSpec;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * Orders by hand: the typed command put on the instrument's tick and step and through the order type's rules
 * (every violation at once, nothing placed on one), then the paper venue of the account, which answers with the
 * order as it recorded it, or with the order already placed under the client order id (idempotency: the venue
 * answers for every order of the account, so a new order costs no read of the journal here). A refused order is
 * looked up by its client order id, so a retry of one placed before the refusal's cause (the session stopped, the
 * rate reached) gets the order.
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
        Option<TradingRules> rules = instruments.rules(c.instrument()).toOption();
        if (rules.isEmpty()) {
            return Either.left(OrderErrors.invalid(List.of(new Violation("instrument", "unknown instrument "
                    + c.instrument()))));
        }
        return onTickAndStep(owner, c, rules.get()).flatMap(request -> {
            Either<DomainError, PaperVenuePort.Submitted> submitted = venue.submit(owner, c.accountId(), request);
            if (submitted.isLeft()) {
                // refused (no live session any more, the rate, ...): an order placed earlier under the client
                // order id is still answered as it is, so a retry of an order that was placed is never an error
                Option<OrderView> existing = journal.byClientOrderId(owner, c.accountId(),
                        request.clientOrderId().value());
                return existing.isDefined() ? same(request, c.correlationId().isDefined(), existing.get())
                        : Either.left(submitted.getLeft());
            }
            return submitted.get().created() ? Either.right(new Placed(submitted.get().order(), true))
                    : same(request, c.correlationId().isDefined(), submitted.get().order());
        });
    }

    /**
     * The command at the instrument's exact scales (prices on its tick), then the order type's combination
     * rules, every violation reported at once; a client order id and a correlation id made up where none was
     * given.
     */
    private static Either<DomainError, OrderRequest> onTickAndStep(UserId owner, PlaceOrderCommand c,
                                                                    TradingRules rules) {
        Validation<Violation, Quantity> quantity = rules.quantity(c.quantity().toPlainString())
                .mapLeft(r -> new Violation("quantity", r)).toValidation();
        Validation<Violation, Option<Price>> limit = price(rules, "limitPrice", c.limitPrice());
        Validation<Violation, Option<Price>> trigger = price(rules, "triggerPrice", c.triggerPrice());
        ClientOrderId clientOrderId = c.clientOrderId().getOrElse(() ->
                new ClientOrderId("api-" + UUID.randomUUID().toString().replace("-", "")));
        CorrelationId correlation = c.correlationId().getOrElse(() -> new CorrelationId(UUID.randomUUID()));
        return Validation.combine(quantity, limit, trigger).ap(Tuple::of)
                // the aggregate's combination rules, once the amounts are exact
                .flatMap(amounts -> OrderSpec.checked(owner, clientOrderId, c.instrument(), c.side(), c.type(),
                        amounts._1, amounts._2, amounts._3, c.timeInForce(), c.reduceOnly(), correlation))
                .map(spec -> new OrderRequest(spec.clientOrderId(), spec.instrument(), spec.side(), spec.type(),
                        spec.quantity(), spec.limitPrice(), spec.triggerPrice(), spec.timeInForce(),
                        spec.reduceOnly(), spec.correlationId()))
                .toEither().mapLeft(OrderErrors::invalid);
    }

    private static Validation<Violation, Option<Price>> price(TradingRules rules, String field,
                                                             Option<BigDecimal> price) {
        return price.isEmpty() ? Validation.valid(Option.none()) : rules.price(price.get().toPlainString())
                .map(Option::some).mapLeft(r -> new Violation(field, r)).toValidation();
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
        boolean equal = asked instanceof BigDecimal a && known instanceof BigDecimal k
                ? a.compareTo(k) == 0 : java.util.Objects.equals(asked, known);
        return equal ? Option.none() : Option.some(field);
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
