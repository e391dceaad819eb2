package io.cryptobot.kernel.domain;

import io.vavr.control.Either;
import java.util.Objects;

/**
 * A tradable pair on one venue: {@code BINANCE:BTC/USDT}. The textual form is the one clients use in paths
 * and files; {@link #parse(String)} accepts it and also {@code BTC/USDT} with the venue given separately.
 */
public record InstrumentId(Venue venue, Asset base, Asset quote) {
    public InstrumentId {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        if (base.equals(quote)) {
            throw new IllegalArgumentException("base and quote must differ: " + base);
        }
    }

    public String symbol() {
        return base.code() + "/" + quote.code();
    }

    /** Parses {@code VENUE:BASE/QUOTE}. */
    public static Either<String, InstrumentId> parse(String text) {
        if (text == null) {
            return Either.left("instrument is missing");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Either.left("instrument must look like VENUE:BASE/QUOTE, got '" + text + "'");
        }
        return Venue.parse(text.substring(0, colon)).flatMap(v -> parse(v, text.substring(colon + 1)));
    }

    /** Parses {@code BASE/QUOTE} on the given venue. */
    public static Either<String, InstrumentId> parse(Venue venue, String symbol) {
        int slash = symbol == null ? -1 : symbol.indexOf('/');
        if (slash < 0) {
            return Either.left("symbol must look like BASE/QUOTE, got '" + symbol + "'");
        }
        return Asset.parse(symbol.substring(0, slash))
                .flatMap(b -> Asset.parse(symbol.substring(slash + 1)).flatMap(q -> b.equals(q)
                        ? Either.left("base and quote must differ")
                        : Either.right(new InstrumentId(venue, b, q))));
    }

    @Override
    public String toString() {
        return venue.code() + ":" + symbol();
    }
}
