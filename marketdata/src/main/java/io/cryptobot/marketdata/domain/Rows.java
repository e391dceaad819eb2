package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/** Field splitting and the price/volume checks both row layouts share. */
final class Rows {
    private Rows() {
    }

    /** Splits on commas without a regex; quotes are not part of either layout. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(12);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                fields.add(line.substring(start, i).trim());
                start = i + 1;
            }
        }
        fields.add(line.substring(start).trim());
        return fields;
    }

    /** Parses the four prices and the volume, then OHLC sanity; all reasons are joined with "; ". */
    static Either<String, Candle> candle(Instrument instrument, long openTime, String open, String high, String low,
                                         String close, String volume) {
        List<String> reasons = new ArrayList<>(0);
        Price o = price(instrument, "open", open, reasons);
        Price h = price(instrument, "high", high, reasons);
        Price l = price(instrument, "low", low, reasons);
        Price c = price(instrument, "close", close, reasons);
        Either<String, Quantity> v = instrument.quantity(volume);
        if (v.isLeft()) {
            reasons.add("volume: " + v.getLeft());
        }
        if (!reasons.isEmpty()) {
            return Either.left(String.join("; ", reasons));
        }
        return Candle.checked(openTime, o, h, l, c, v.get()).toEither().mapLeft(violations -> violations.mkString("; "));
    }

    private static Price price(Instrument instrument, String name, String text, List<String> reasons) {
        Either<String, Price> parsed = instrument.price(text);
        if (parsed.isLeft()) {
            reasons.add(name + ": " + parsed.getLeft());
            return null;
        }
        return parsed.get();
    }
}
