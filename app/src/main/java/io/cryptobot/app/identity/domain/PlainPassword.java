package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Validation;

/**
 * A password as the user typed it. Exists only between the request and the hash; {@link #toString()} never
 * reveals it, so it cannot end up in a log line by accident.
 */
public record PlainPassword(String value) {

    public PlainPassword {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("password must be given");
        }
    }

    /** Any non-empty password, as presented at login: the policy applies to new passwords only. */
    public static Validation<Violation, PlainPassword> presented(String field, String text) {
        return text == null || text.isEmpty()
                ? Validation.invalid(new Violation(field, "must be given"))
                : Validation.valid(new PlainPassword(text));
    }

    @Override
    public String toString() {
        return "PlainPassword[***]";
    }
}
