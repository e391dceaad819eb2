package io.cryptobot.kernel.domain;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.text.Normalizer;

/**
 * The one input policy for text from outside, in every context. Refused anywhere in a string:
 * <ul>
 *   <li>control characters (general category Cc: C0 including NUL, tab and line breaks, DEL, C1);</li>
 *   <li>invisible and formatting characters (category Cf): bidirectional overrides, embeddings, isolates and marks
 *       (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C), zero-width space, joiners and non-joiners
 *       (U+200B..U+200D), word joiner (U+2060), the byte order mark (U+FEFF), soft hyphen, tag characters;</li>
 *   <li>line and paragraph separators (U+2028, U+2029);</li>
 *   <li>lone surrogates (a UTF-16 half without its pair: not a character at all).</li>
 * </ul>
 * Such characters make one text look like another (a reversed file name, an e-mail with an invisible letter),
 * break logs and terminals, and PostgreSQL refuses NUL outright. Joiners are refused too, at the price of emoji
 * sequences and the few scripts that need them in names.
 *
 * <p>Free text that is kept and shown (names, reasons) is also normalised to NFC (so {@code e + ◌́} and
 * {@code é} are the same name), stripped of surrounding white space, and limited in code points counted after
 * normalisation. Values that a parser reads (ids, numbers, instruments) need only {@link #plain}: their parser
 * refuses everything else.
 */
public final class Text {
    /** Names of things a user creates: bots, accounts, connections, display names. */
    public static final int NAME_MAX = 100;
    /** Free-text reasons recorded with a change (kill switch, bot controls). */
    public static final int REASON_MAX = 500;

    private Text() {
    }

    /** Why {@code text} is refused, naming the first offending code point; none when it may be used. */
    public static Option<String> refusal(String text) {
        if (text == null) {
            return Option.none();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (Character.getType(codePoint) == Character.FORMAT) {
                    return Option.some(describe(codePoint, "an invisible or formatting character"));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Option.some(describe(c, "a lone surrogate, not a character"));
            }
            switch (Character.getType(c)) {
                case Character.CONTROL:
                    return Option.some(describe(c, "a control character"));
                case Character.FORMAT:
                    return Option.some(describe(c, "an invisible or formatting character"));
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                    return Option.some(describe(c, "a line separator"));
                default:
                    break;
            }
        }
        return Option.none();
    }

    /** {@code text} unchanged (null stays null) unless it holds a refused character. */
    public static Validation<Violation, String> plain(String field, String text) {
        Option<String> refusal = refusal(text);
        return refusal.isDefined()
                ? Validation.invalid(new Violation(field, refusal.get()))
                : Validation.valid(text);
    }

    /** A required name or label: safe, NFC, stripped, not blank, at most {@code maxLength} code points. */
    public static Validation<Violation, String> name(String field, String text, int maxLength) {
        Option<String> refusal = refusal(text);
        if (refusal.isDefined()) {
            return Validation.invalid(new Violation(field, refusal.get()));
        }
        if (text == null || text.isBlank()) {
            return Validation.invalid(new Violation(field, "must be given"));
        }
        return normalised(field, text, maxLength);
    }

    /** Optional free text: absent or blank is none, otherwise the rules of {@link #name}. */
    public static Validation<Violation, Option<String>> optional(String field, String text, int maxLength) {
        Option<String> refusal = refusal(text);
        if (refusal.isDefined()) {
            return Validation.invalid(new Violation(field, refusal.get()));
        }
        if (text == null || text.isBlank()) {
            return Validation.valid(Option.none());
        }
        return normalised(field, text, maxLength).map(Option::some);
    }

    private static Validation<Violation, String> normalised(String field, String text, int maxLength) {
        String value = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (value.codePointCount(0, value.length()) > maxLength) {
            return Validation.invalid(new Violation(field, "must be at most " + maxLength + " characters"));
        }
        return Validation.valid(value);
    }

    private static String describe(int codePoint, String what) {
        return String.format("must not contain U+%04X (%s)", codePoint, what);
    }
}
