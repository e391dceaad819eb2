package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Rules for a new password. Length is what matters most against guessing (NIST SP 800-63B); composition rules
 * are deliberately absent. The upper bound keeps hashing cost bounded for hostile inputs.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static Validation<Violation, PlainPassword> newPassword(String field, String text) {
        if (text == null || text.isEmpty()) {
            return Validation.invalid(new Violation(field, "must be given"));
        }
        Option<String> unsafe = Text.refusal(text);
        if (unsafe.isDefined()) {
            return Validation.invalid(new Violation(field, unsafe.get()));
        }
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            return Validation.invalid(new Violation(field, "must be at least " + MIN_LENGTH + " characters"));
        }
        if (length > MAX_LENGTH) {
            return Validation.invalid(new Violation(field, "must be at most " + MAX_LENGTH + " characters"));
        }
        if (text.isBlank()) {
            return Validation.invalid(new Violation(field, "must not be only whitespace"));
        }
        return Validation.valid(new PlainPassword(text));
    }
}
