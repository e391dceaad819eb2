package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.vavr.control.Either;

/** Turns one data row of a file into a candle of the instrument, or says every reason it cannot. */
@FunctionalInterface
public interface CandleRowParser {
    Either<String, Candle> parse(String line);
}
