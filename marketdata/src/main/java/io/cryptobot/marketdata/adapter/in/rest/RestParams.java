package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.GenericCsvParser;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import jakarta.ws.rs.core.SecurityContext;

/** Turns raw path, query and body values into domain values, naming the offending input on failure. */
final class RestParams {
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");
    private RestParams() {
    }

    static Validation<Violation, InstrumentId> instrument(String venue, String base, String quote) {
        return Validation.fromEither(Venue.parse(venue).mapLeft(r -> new Violation("venue", r)))
                .flatMap(v -> Validation.fromEither(InstrumentId.parse(v, base + "/" + quote)
                        .mapLeft(r -> new Violation("instrument", r))));
    }

    /** {@code VENUE:BASE/QUOTE}. */
    static Validation<Violation, InstrumentId> instrument(String text) {
        return Validation.fromEither(InstrumentId.parse(text).mapLeft(r -> new Violation("instrument", r)));
    }

    static Validation<Violation, Timeframe> timeframe(String text) {
        return Validation.fromEither(Timeframe.parse(text).toEither(
                () -> new Violation("timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M, got '"
                        + text + "'")));
    }

    /** Epoch milliseconds or an ISO-8601 instant. */
    static Validation<Violation, Long> time(String name, String text) {
        if (text == null || text.isBlank()) {
            return Validation.invalid(new Violation(name, "is missing"));
        }
        return Validation.fromEither(GenericCsvParser.timestamp(text.trim())
                .mapLeft(r -> new Violation(name, r.replace("timestamp", name))));
    }

    /** A decimal such as {@code "0.001"}, or {@code fallback} when absent. */
    static Validation<Violation, Double> decimal(String name, String text, double fallback) {
        if (text == null || text.isBlank()) {
            return Validation.valid(fallback);
        }
        String plain = text.strip();
        return DECIMAL.matcher(plain).matches() ? Validation.valid(Double.parseDouble(plain))
                : Validation.invalid(new Violation(name, "must be a decimal such as 0.001, got '" + text + "'"));
    }

    static Either<Violation, Asset> asset(String name, String text) {
        return Asset.parse(text).mapLeft(r -> new Violation(name, r));
    }

    /** {@code private} (the default) or {@code shared}. */
    static Validation<Violation, DatasetTarget> dataset(String text) {
        return Validation.fromEither(DatasetTarget.parse(text).mapLeft(r -> new Violation("dataset", r)));
    }

    /**
     * Shared data is what every user's backtests and bots read: only an admin may write it. Checked here, where the
     * caller's role is known, before anything is queued.
     */
    static Either<DomainError, DatasetTarget> mayWrite(DatasetTarget target, SecurityContext security) {
        return target == DatasetTarget.SHARED && !security.isUserInRole(Roles.ADMIN)
                ? Either.left(MarketDataErrors.sharedDataNeedsAdmin())
                : Either.right(target);
    }
}
