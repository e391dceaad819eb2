package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.FixedPoint;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share of a whole, exact, in basis points (2500 = 25%). Always more than 0% and at most 100%: a limit of 0%
 * would be a halt, which the trading state already says plainly.
 */
public record Share(long basisPoints) {
    static final long WHOLE = 10_000;

    public Share {
        if (basisPoints <= 0 || basisPoints > WHOLE) {
            throw new IllegalArgumentException("a share must be more than 0% and at most 100%, got "
                    + percentText(basisPoints) + "%");
        }
    }

    public static Share ofPercent(long percent) {
        return new Share(Math.multiplyExact(percent, 100));
    }

    /** Parses a percentage such as {@code 25} or {@code 12.5} (at most two decimals). */
    public static Either<String, Share> parsePercent(String text) {
        return FixedPoint.parse(text, 2).flatMap(bp -> bp > 0 && bp <= WHOLE
                ? Either.right(new Share(bp))
                : Either.left("a share must be more than 0% and at most 100%, got " + text + "%"));
    }

    /** {@code part <= this share of whole}, exactly. */
    boolean admits(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(WHOLE)).compareTo(whole.multiply(BigDecimal.valueOf(basisPoints))) <= 0;
    }

    /** This share of {@code whole}, exact. */
    BigDecimal of(BigDecimal whole) {
        return whole.multiply(BigDecimal.valueOf(basisPoints, 4));
    }

    /** {@code part / whole} as a percentage with two decimals, for reasons only (decisions use {@link #admits}). */
    static String percentOf(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percentText(long basisPoints) {
        return Amounts.plain(BigDecimal.valueOf(basisPoints, 2));
    }

    @Override
    public String toString() {
        return percentText(basisPoints) + "%";
    }
}
