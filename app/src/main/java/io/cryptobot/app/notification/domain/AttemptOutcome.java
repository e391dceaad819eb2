package io.cryptobot.app.notification.domain;

import io.vavr.control.Option;

/**
 * What one attempt to deliver came to: delivered (2xx), worth another attempt (5xx, 408, 429, a timeout or a
 * connection failure) or refused for good (any other answer, or a target no longer allowed).
 */
public sealed interface AttemptOutcome {
    Option<Integer> statusCode();

    String summary();

    record Delivered(int status) implements AttemptOutcome {
        public Option<Integer> statusCode() {
            return Option.some(status);
        }

        public String summary() {
            return "HTTP " + status;
        }
    }

    record Retryable(Option<Integer> statusCode, String summary) implements AttemptOutcome {
    }

    record Refused(Option<Integer> statusCode, String summary) implements AttemptOutcome {
    }

    /** The outcome of an HTTP answer with {@code status}. */
    static AttemptOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new Retryable(Option.some(status), "HTTP " + status);
        }
        return new Refused(Option.some(status), "HTTP " + status);
    }
}
