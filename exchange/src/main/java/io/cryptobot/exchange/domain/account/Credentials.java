package io.cryptobot.exchange.domain.account;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Objects;

/**
 * A venue API key, its secret and an optional passphrase, in plain text: they exist only between the request and
 * sealing (and, later, when an adapter signs a request). {@link #toString()} masks all of them, so a stray log line
 * cannot leak one; {@link #hint()} is the only part ever shown: the key's last four characters.
 */
public final class Credentials {
    private final String apiKey;
    private final String secret;
    private final Option<String> passphrase;

    private Credentials(String apiKey, String secret, Option<String> passphrase) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.passphrase = passphrase;
    }

    /** Keys and secrets of 8 to 512 printable characters without spaces; a passphrase of at most 128. */
    public static Validation<Seq<Violation>, Credentials> checked(String apiKey, String secret, String passphrase) {
        List<Violation> found = List.empty();
        found = found.appendAll(token("apiKey", apiKey, 8, 512, true));
        found = found.appendAll(token("secret", secret, 8, 512, true));
        if (passphrase != null) {
            found = found.appendAll(token("passphrase", passphrase, 1, 128, false));
        }
        return found.isEmpty()
                ? Validation.valid(new Credentials(apiKey, secret, Option.of(passphrase)))
                : Validation.invalid(found);
    }

    private static List<Violation> token(String field, String value, int min, int max, boolean noSpaces) {
        if (value == null || value.isEmpty()) {
            return List.of(new Violation(field, "is required"));
        }
        if (value.length() < min || value.length() > max) {
            return List.of(new Violation(field, "must be " + min + " to " + max + " characters"));
        }
        boolean printable = value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e || !noSpaces && c == ' ');
        return printable ? List.empty() : List.of(new Violation(field, "must be printable ASCII"
                + (noSpaces ? " without spaces" : "")));
    }

    public String apiKey() {
        return apiKey;
    }

    public String secret() {
        return secret;
    }

    public Option<String> passphrase() {
        return passphrase;
    }

    /** The key's last four characters behind a mask: {@code ****Wx9z}. */
    public String hint() {
        return hintOf(apiKey);
    }

    public static String hintOf(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        return "****" + apiKey.substring(Math.max(0, apiKey.length() - 4));
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + hint() + ", secret=****, passphrase=" + (passphrase.isDefined() ? "****" : "none")
                + "]";
    }
}
