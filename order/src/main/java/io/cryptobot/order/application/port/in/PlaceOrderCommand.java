package io.cryptobot.order.application.port.in;

import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderErrors;
import io.vavr.Tuple;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A new order asked for by hand on a paper account, every field typed: the account, the client order id (the
 * idempotency key; none means the service makes one up, so the order is always new), instrument, side, type,
 * the quantity and the limit and trigger prices as exact decimals, time in force, reduce-only, and the
 * correlation id the caller wants the order traced under (none: one is made up). The decimals are not yet on the
 * instrument's tick and step: that needs the instrument, which the service looks up. Neither are the type's
 * combination rules ({@code OrderSpec#checked}) applied here: they need the exact amounts.
 */
public record PlaceOrderCommand(UUID accountId, Option<ClientOrderId> clientOrderId, InstrumentId instrument,
                                Side side, OrderType type, BigDecimal quantity, Option<BigDecimal> limitPrice,
                                Option<BigDecimal> triggerPrice, TimeInForce timeInForce, boolean reduceOnly,
                                Option<CorrelationId> correlationId) {
    public PlaceOrderCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /**
     * The command from the request's text (blank counts as absent): every malformed field is named at once, or
     * the command. {@code reduceOnly} absent is false, {@code timeInForce} absent is GTC.
     */
    public static Either<DomainError, PlaceOrderCommand> of(String accountId, String clientOrderId, String instrument,
            String side, String type, String quantity, String limitPrice, String triggerPrice, String timeInForce,
            Boolean reduceOnly, String correlationId) {
        var what = Validation.combine(account(accountId), clientOrderId(clientOrderId), instrument(instrument),
                side(side), type(type), timeInForce(timeInForce)).ap(Tuple::of);
        var amounts = Validation.combine(decimal("quantity", quantity).flatMap(q -> q.toValidation(
                () -> new Violation("quantity", "is missing"))), decimal("limitPrice", limitPrice),
                decimal("triggerPrice", triggerPrice), correlation(correlationId)).ap(Tuple::of);
        return Validation.combine(what, amounts)
                .ap((w, a) -> new PlaceOrderCommand(w._1, w._2, w._3, w._4, w._5, a._1, a._2, a._3, w._6,
                        Boolean.TRUE.equals(reduceOnly), a._4))
                .mapError(nested -> nested.<Violation>flatMap(s -> s))
                .toEither().mapLeft(OrderErrors::invalid);
    }

    private static Validation<Violation, UUID> account(String text) {
        return uuid(text).toValidation(() -> new Violation("accountId", "must be the id of one of your paper accounts"));
    }

    private static Validation<Violation, Option<ClientOrderId>> clientOrderId(String text) {
        if (blank(text)) {
            return Validation.valid(Option.none());
        }
        return ClientOrderId.parse(text.strip()).map(Option::some).mapLeft(r -> new Violation("clientOrderId", r))
                .toValidation();
    }

    private static Validation<Violation, InstrumentId> instrument(String text) {
        return InstrumentId.parse(text == null ? "" : text.strip()).mapLeft(r -> new Violation("instrument", r))
                .toValidation();
    }

    private static Validation<Violation, Side> side(String text) {
        return enumOf(Side.class, text).toValidation(() -> new Violation("side", "must be buy or sell"));
    }

    private static Validation<Violation, OrderType> type(String text) {
        return enumOf(OrderType.class, text).toValidation(() -> new Violation("type",
                "must be one of market, limit, stop_market, stop_limit, take_profit"));
    }

    private static Validation<Violation, TimeInForce> timeInForce(String text) {
        return blank(text) ? Validation.valid(TimeInForce.GTC) : enumOf(TimeInForce.class, text)
                .toValidation(() -> new Violation("timeInForce", "must be one of gtc, ioc, fok"));
    }

    private static Validation<Violation, Option<CorrelationId>> correlation(String text) {
        return blank(text) ? Validation.valid(Option.none()) : uuid(text).map(CorrelationId::new).map(Option::some)
                .toValidation(() -> new Violation("correlationId", "must be a UUID"));
    }

    /** An exact decimal (exponent notation accepted), none when absent; never rounded. */
    private static Validation<Violation, Option<BigDecimal>> decimal(String field, String text) {
        if (blank(text)) {
            return Validation.valid(Option.none());
        }
        try {
            return Validation.valid(Option.some(FixedPoint.decimal(text.strip())));
        } catch (NumberFormatException e) {
            return Validation.invalid(new Violation(field, "'" + text.strip() + "' is not a number"));
        }
    }

    private static <E extends Enum<E>> Option<E> enumOf(Class<E> type, String text) {
        if (blank(text)) {
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
            return blank(text) ? Option.none() : Option.some(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
