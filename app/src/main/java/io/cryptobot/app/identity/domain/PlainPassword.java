package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
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

    /** Any non-empty password without characters the kernel {@link Text} policy refuses, as presented at login. */
    public static Validation<Violation, PlainPassword> presented(String field, String text) {
        if (text == null || text.isEmpty()) {
            return Validation.invalid(new Violation(field, "must be given"));
        }
        return Text.plain(field, text).map(PlainPassword::new);
    }

    @Override
    public String toString() {
        return "PlainPassword[***]";
    }
}
