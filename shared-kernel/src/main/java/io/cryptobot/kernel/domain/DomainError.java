package io.cryptobot.kernel.domain;

import java.util.List;
import java.util.Objects;

/**
 * An expected failure, returned as a value ({@code Either<DomainError, T>}). The kind says how a
 * client should react (the REST layer maps each kind to one HTTP status); {@link #code()} is a stable,
 * dotted identifier clients may switch on; {@link #detail()} is for humans and never carries secrets.
 *
 * <p>Contexts do not subclass this root (sealed types must stay in one package); they create instances
 * of the kinds below with their own codes, e.g. {@code new NotFound("marketdata.instrument.not_found", ...)}.
 */
public sealed interface DomainError {

    String code();

    String detail();

    /** The resource does not exist, or it belongs to someone else (tenancy answers the same way). */
    record NotFound(String code, String detail) implements DomainError {
        public NotFound {
            requireText(code, detail);
        }
    }

    /** The input is malformed; every violation is listed, none of the input was applied. */
    record Invalid(String code, String detail, List<Violation> violations) implements DomainError {
        public Invalid {
            requireText(code, detail);
            violations = List.copyOf(violations);
        }

        public static Invalid of(String code, String detail, Violation... violations) {
            return new Invalid(code, detail, List.of(violations));
        }
    }

    /** The request conflicts with the current state (duplicate, already done, stale). */
    record Conflict(String code, String detail) implements DomainError {
        public Conflict {
            requireText(code, detail);
        }
    }

    /** A business rule refused the request although it was well-formed. */
    record Refused(String code, String detail) implements DomainError {
        public Refused {
            requireText(code, detail);
        }
    }

    /** Credentials are missing, wrong, expired or revoked. */
    record Unauthenticated(String code, String detail) implements DomainError {
        public Unauthenticated {
            requireText(code, detail);
        }
    }

    /** The caller is known but its role does not allow the action. */
    record Forbidden(String code, String detail) implements DomainError {
        public Forbidden {
            requireText(code, detail);
        }
    }

    /**
     * The caller already holds as much as a quota allows (stored data, say); nothing was changed, and the same
     * request succeeds only once the caller has made room. The detail names the quota and its value.
     */
    record QuotaExceeded(String code, String detail) implements DomainError {
        public QuotaExceeded {
            requireText(code, detail);
        }
    }

    /** Too many attempts; the caller may retry after {@code retryAfterSeconds}. */
    record RateLimited(String code, String detail, long retryAfterSeconds) implements DomainError {
        public RateLimited {
            requireText(code, detail);
        }
    }

    /**
     * The request could not be served now because something it needs (the database, a venue) cannot be reached;
     * nothing was changed, and the same request may succeed after {@code retryAfterSeconds}. The detail must not
     * name the dependency's address or internals.
     */
    record Unavailable(String code, String detail, long retryAfterSeconds) implements DomainError {
        public Unavailable {
            requireText(code, detail);
            if (retryAfterSeconds < 1) {
                throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
            }
        }
    }

    /**
     * One reason an input was refused. {@code field} names the input (a JSON field, a query parameter, or
     * {@code line 17} for a file row); {@code reason} says what is wrong with it.
     */
    record Violation(String field, String reason) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static void requireText(String code, String detail) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must be given");
        }
        Objects.requireNonNull(detail, "detail");
    }
}
