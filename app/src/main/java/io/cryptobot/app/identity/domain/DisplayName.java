package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** How a user wants to be called; optional, trimmed, at most {@value #MAX_LENGTH} characters. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 80;

    public DisplayName {
        if (value == null || value.isBlank() || !value.equals(value.strip()) || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("display name must be 1.." + MAX_LENGTH + " trimmed characters");
        }
    }

    public static Validation<Violation, Option<DisplayName>> parseOptional(String field, String text) {
        if (text == null || text.isBlank()) {
            return Validation.valid(Option.none());
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_LENGTH) {
            return Validation.invalid(new Violation(field, "must be at most " + MAX_LENGTH + " characters"));
        }
        return Validation.valid(Option.some(new DisplayName(stripped)));
    }
}
