package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** How a user wants to be called; optional, under the kernel {@link Text} rules, at most {@value #MAX_LENGTH} characters. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 80;

    public DisplayName {
        if (value == null || value.isBlank() || !value.equals(value.strip())
                || value.codePointCount(0, value.length()) > MAX_LENGTH || Text.refusal(value).isDefined()) {
            throw new IllegalArgumentException("display name must be 1.." + MAX_LENGTH + " trimmed characters");
        }
    }

    public static Validation<Violation, Option<DisplayName>> parseOptional(String field, String text) {
        return Text.optional(field, text, MAX_LENGTH).map(name -> name.map(DisplayName::new));
    }
}
