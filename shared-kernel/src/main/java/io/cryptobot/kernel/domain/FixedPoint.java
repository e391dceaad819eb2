package io.cryptobot.kernel.domain;

import io.vavr.control.Either;
import java.math.BigDecimal;

/**
 * Exact decimal numbers as a {@code long} count of {@code 10^-scale} units. Prices and quantities are stored,
 * compared and summed in this form: no binary floating point touches them, and a column of them is a
 * plain {@code long[]} (fast to scan, 8 bytes a value).
 */
public final class FixedPoint {
    public static final int MAX_SCALE = 12;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FixedPoint() {
    }

    public static long pow10(int exponent) {
        return POW10[exponent];
    }

    /**
     * Parses a plain decimal ({@code -12.3400}) into units of {@code 10^-scale}. Trailing zeros beyond the
     * scale are accepted; a non-zero digit beyond it is refused, never rounded. Exponent notation is
     * accepted through {@link BigDecimal}.
     */
    public static Either<String, Long> parse(CharSequence text, int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
        int length = text == null ? 0 : text.length();
        if (length == 0) {
            return Either.left("number is missing");
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long units = 0;
        int fractionDigits = -1;
        boolean anyDigit = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                int digit = c - '0';
                if (fractionDigits >= 0) {
                    if (fractionDigits == scale) {
                        if (digit != 0) {
                            return Either.left("'" + text + "' has more than " + scale + " decimals");
                        }
                        continue;
                    }
                    fractionDigits++;
                }
                if (units > (Long.MAX_VALUE - digit) / 10) {
                    return Either.left("'" + text + "' is too large");
                }
                units = units * 10 + digit;
            } else if (c == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else if (c == 'e' || c == 'E') {
                return parseExponent(text.toString(), scale);
            } else {
                return Either.left("'" + text + "' is not a number");
            }
        }
        if (!anyDigit) {
            return Either.left("'" + text + "' is not a number");
        }
        int missing = scale - Math.max(fractionDigits, 0);
        if (units > Long.MAX_VALUE / POW10[missing]) {
            return Either.left("'" + text + "' is too large");
        }
        units *= POW10[missing];
        return Either.right(negative ? -units : units);
    }

    private static Either<String, Long> parseExponent(String text, int scale) {
        try {
            return Either.right(decimal(text).setScale(scale).unscaledValue().longValueExact());
        } catch (ArithmeticException e) {
            return Either.left("'" + text + "' does not fit " + scale + " decimals");
        } catch (NumberFormatException e) {
            return Either.left("'" + text + "' is not a number");
        }
    }

    /** The largest exponent, either way, of a decimal read from outside (see {@link #decimal}). */
    public static final int MAX_EXPONENT = 1000;

    /**
     * {@code new BigDecimal(text)} for text from outside: the same {@link NumberFormatException} for what is not a
     * number, and also for an exponent beyond {@value #MAX_EXPONENT} either way. {@code "1e999999999"} parses in a
     * microsecond, but writing it out in plain notation or scaling it takes gigabytes: one hand order with that
     * quantity ran the server out of heap, a tick size of it overflowed BigInteger.
     */
    public static BigDecimal decimal(String text) {
        BigDecimal value = new BigDecimal(text);
        if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
            throw new NumberFormatException("the exponent of '" + abbreviate(text) + "' is out of range");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    public static BigDecimal toBigDecimal(long units, int scale) {
        return BigDecimal.valueOf(units, scale);
    }

    /** Plain text without exponent and without trailing zeros beyond the first decimal place. */
    public static String format(long units, int scale) {
        BigDecimal value = BigDecimal.valueOf(units, scale).stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }

    /** The number of decimals needed to write {@code value} exactly ({@code 0.010} needs 2). */
    public static int scaleOf(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
