package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;

/**
 * An instrument's tick and step as other contexts read them: how to turn a client's decimal text into an exact
 * price (a multiple of the tick) or quantity (at the step's scale), with the reason when it cannot.
 */
public record TradingRules(InstrumentId instrument, Price tickSize, Quantity stepSize,
                           Function<String, Either<String, Price>> priceParser,
                           Function<String, Either<String, Quantity>> quantityParser) {
    public TradingRules {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(priceParser, "priceParser");
        Objects.requireNonNull(quantityParser, "quantityParser");
    }

    public Either<String, Price> price(String text) {
        return priceParser.apply(text);
    }

    public Either<String, Quantity> quantity(String text) {
        return quantityParser.apply(text);
    }
}
