package io.cryptobot.kernel.domain.market;

import java.time.Duration;
import java.util.Objects;

/** Why a venue call gave no answer, as a value: callers decide whether to back off, retry later or report. */
public sealed interface VenueFailure {

    /** A short, secret-free sentence for events, logs and problem details. */
    String describe();

    /**
     * The venue (or our own budget of its documented limits) says wait: HTTP 429, or 418 when the venue has banned
     * the address ({@code banned}). {@code retryAfter} is the venue's {@code Retry-After} or the time until our budget
     * refills.
     */
    record RateLimited(Duration retryAfter, boolean banned) implements VenueFailure {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public String describe() {
            return (banned ? "address banned by the venue" : "rate limited") + ", retry after "
                    + retryAfter.toSeconds() + " s";
        }
    }

    /** No usable answer: connection refused or reset, timeout, 5xx. The outcome of a write would be unknown. */
    record Unavailable(String reason) implements VenueFailure {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "venue unavailable: " + reason;
        }
    }

    /** The keys were refused (bad key, bad signature, IP not allowed) or the request was outside the receive window. */
    record Unauthorized(String code, String message) implements VenueFailure {
        public Unauthorized {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return "venue refused the credentials (" + code + "): " + message;
        }
    }

    /** The venue understood and refused the request (unknown symbol, bad parameter), with its own code and message. */
    record Rejected(int httpStatus, String code, String message) implements VenueFailure {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return "venue rejected the request (" + httpStatus + " " + code + "): " + message;
        }
    }
}
