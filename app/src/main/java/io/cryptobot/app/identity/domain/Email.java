package io.cryptobot.app.identity.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically plausible e-mail address, trimmed and lower-cased so that uniqueness and login are
 * case-insensitive. Deliverability is not checked here.
 */
public record Email(String value) {
    static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

    public Email {
        if (value == null || !value.equals(normalize(value)) || !SHAPE.matcher(value).matches()
                || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a normalized e-mail address");
        }
    }

    public static Validation<Violation, Email> parse(String field, String text) {
        Option<String> unsafe = Text.refusal(text);
        if (unsafe.isDefined()) {
            return Validation.invalid(new Violation(field, unsafe.get()));
        }
        if (text == null || text.isBlank()) {
            return Validation.invalid(new Violation(field, "must be given"));
        }
        String normalized = normalize(text);
        if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
            return Validation.invalid(new Violation(field, "must be an e-mail address"));
        }
        return Validation.valid(new Email(normalized));
    }

    private static String normalize(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
