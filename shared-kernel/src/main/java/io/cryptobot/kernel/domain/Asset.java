package io.cryptobot.kernel.domain;

import io.vavr.control.Either;
import java.util.regex.Pattern;

/** A currency or token code as venues spell it, upper case (BTC, USDT, 1000SHIB). */
public record Asset(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,20}");

    public Asset {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("asset code must be 1-20 upper-case letters or digits: " + code);
        }
    }

    public static Either<String, Asset> parse(String text) {
        if (text == null) {
            return Either.left("asset is missing");
        }
        String upper = text.trim().toUpperCase(java.util.Locale.ROOT);
        return CODE.matcher(upper).matches()
                ? Either.right(new Asset(upper))
                : Either.left("asset must be 1-20 letters or digits, got '" + text + "'");
    }

    @Override
    public String toString() {
        return code;
    }
}
