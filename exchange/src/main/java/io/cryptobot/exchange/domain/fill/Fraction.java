package io.cryptobot.exchange.domain.fill;

import java.math.BigInteger;

/**
 * An exact non-negative ratio used inside the fill model, so that a price or fee is computed exactly first and
 * rounded once, in a stated direction. BigInteger because products of units at several scales overflow a long.
 */
record Fraction(BigInteger numerator, BigInteger denominator) {
    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    Fraction {
        if (denominator.signum() <= 0 || numerator.signum() < 0) {
            throw new IllegalArgumentException("a fraction here is non-negative with a positive denominator");
        }
    }

    static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Fraction min(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator)) <= 0 ? this : other;
    }

    static long floorDiv(BigInteger numerator, BigInteger denominator) {
        return numerator.divide(denominator).longValueExact();
    }

    static long ceilDiv(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return (qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0]).longValueExact();
    }
}
