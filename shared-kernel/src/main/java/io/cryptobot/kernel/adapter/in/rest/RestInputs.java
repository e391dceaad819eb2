package io.cryptobot.kernel.adapter.in.rest;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.PageRequest;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query and path inputs every REST adapter reads the same way, each naming the offending input on failure. */
public final class RestInputs {
    private RestInputs() {
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    public static Validation<Violation, Integer> integer(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return Validation.valid(fallback);
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value >= min && value <= max
                    ? Validation.valid(value)
                    : Validation.invalid(new Violation(name, "must be between " + min + " and " + max));
        } catch (NumberFormatException e) {
            return Validation.invalid(new Violation(name, "must be a whole number, got '" + text + "'"));
        }
    }

    /** {@code offset} (default 0) and {@code limit} (default 50, at most {@link PageRequest#MAX_LIMIT}). */
    public static Validation<Violation, PageRequest> page(String offset, String limit) {
        return Validation.combine(integer("offset", offset, 0, 0, Integer.MAX_VALUE),
                        integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT))
                .ap(PageRequest::new)
                .mapError(errors -> errors.head());
    }

    /** An optional ISO-8601 instant ({@code 2024-01-01T00:00:00Z}); none when absent. */
    public static Validation<Violation, Option<Instant>> instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return Validation.valid(Option.none());
        }
        try {
            return Validation.valid(Option.some(Instant.parse(text.strip())));
        } catch (DateTimeParseException e) {
            return Validation.invalid(new Violation(name, "must be an ISO-8601 instant such as 2024-01-01T00:00:00Z"));
        }
    }

    /** An optional id; none when absent. */
    public static Validation<Violation, Option<UUID>> uuid(String name, String text) {
        if (text == null || text.isBlank()) {
            return Validation.valid(Option.none());
        }
        try {
            return Validation.valid(Option.some(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Validation.invalid(new Violation(name, "must be an id (UUID)"));
        }
    }

    /** The caller's user id: access tokens carry it as their principal name. */
    public static UUID caller(SecurityContext security) {
        return UUID.fromString(security.getUserPrincipal().getName());
    }
}
