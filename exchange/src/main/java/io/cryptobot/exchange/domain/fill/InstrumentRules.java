package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An instrument's trading grid: every fill price is a whole number of {@code tick}s and every fill quantity a
 * whole number of {@code step}s. The tick's scale is the instrument's price scale, the step's its quantity scale.
 * Quote amounts (costs, quote fees) are kept at {@code priceScale + quantityScale} decimals, where a price times a
 * quantity is exact; past {@link FixedPoint#MAX_SCALE} they are rounded, always against the trader.
 */
public record InstrumentRules(InstrumentId instrument, Price tick, Quantity step) {
    public InstrumentRules {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(step, "step");
        if (tick.units() <= 0 || step.units() <= 0) {
            throw new IllegalArgumentException("tick and step must be positive");
        }
    }

    int priceScale() {
        return tick.scale();
    }

    int quantityScale() {
        return step.scale();
    }

    int quoteScale() {
        return Math.min(priceScale() + quantityScale(), FixedPoint.MAX_SCALE);
    }

    /** How many times its starting cash an account's equity may grow before its amounts leave the quote scale. */
    public static final long GROWTH_ROOM = 100;

    /**
     * The largest starting cash these scales can trade with exactly. Quote amounts (balances, costs, fees, equity)
     * are {@code long} units at the quote scale, so at most 922,337,203.6854775807 at 10 decimals; a starting
     * cash that large would overflow as soon as a position gained a little, so the cash keeps
     * {@link #GROWTH_ROOM} times room: {@code floor(Long.MAX_VALUE / 100)} units (9,223,372.0368547758 at 10
     * decimals). Refused at the edge, never an overflow in the middle of a run.
     */
    public BigDecimal largestStartingCash() {
        return BigDecimal.valueOf(Long.MAX_VALUE / GROWTH_ROOM, quoteScale());
    }

    /** The largest quantity the quantity scale holds: {@code Long.MAX_VALUE} units of the step's scale. */
    public BigDecimal largestQuantity() {
        return BigDecimal.valueOf(Long.MAX_VALUE, quantityScale());
    }

    /** Units at the price scale; a candle price finer than the tick's scale is a data bug, not a rounding case. */
    long priceUnits(Price price) {
        return price.scale() == priceScale()
                ? price.units()
                : price.toBigDecimal().setScale(priceScale(), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** {@code price} in price units rounded up or down (never throws: for bounds that must hold for any candle). */
    long priceUnitsRounded(Price price, boolean up) {
        return price.scale() == priceScale()
                ? price.units()
                : price.toBigDecimal().setScale(priceScale(), up ? RoundingMode.CEILING : RoundingMode.FLOOR)
                        .unscaledValue().longValueExact();
    }

    /** Units at the quantity scale, rounded down: the model never fills more than was asked or traded. */
    long quantityUnits(Quantity quantity) {
        return quantity.scale() == quantityScale()
                ? quantity.units()
                : quantity.toBigDecimal().setScale(quantityScale(), RoundingMode.FLOOR).unscaledValue().longValueExact();
    }

    /**
     * {@code price} in price units rounded to a whole tick, up or down: {@link #toTick(BigInteger, BigInteger,
     * boolean)} of the price's exact value, computed in {@code long}s when the price is at the tick's scale already
     * (every price put on the grid at the edge, so every working order's limit, met by every bar), with the same
     * result: the quotient truncated as {@link BigInteger#divide} truncates, one more when rounding up a remainder.
     */
    long toTick(Price price, boolean up) {
        if (price.scale() != priceScale()) {
            return toTick(BigInteger.valueOf(price.units()).multiply(BigInteger.TEN.pow(priceScale())),
                    BigInteger.TEN.pow(price.scale()), up);
        }
        long ticks = price.units() / tick.units();
        if (up && price.units() % tick.units() > 0) {
            ticks++;
        }
        return Math.multiplyExact(ticks, tick.units());
    }

    /** {@code numerator / denominator} price units rounded to a whole tick, up or down. */
    long toTick(BigInteger numerator, BigInteger denominator, boolean up) {
        BigInteger perTick = denominator.multiply(BigInteger.valueOf(tick.units()));
        long ticks = up ? Fraction.ceilDiv(numerator, perTick) : Fraction.floorDiv(numerator, perTick);
        return Math.multiplyExact(ticks, tick.units());
    }

    /** {@code quantity} rounded down to a whole number of steps, at the quantity scale (zero if below one step). */
    public Quantity floorToStep(BigDecimal quantity) {
        long units = quantity.signum() <= 0 ? 0
                : quantity.setScale(quantityScale(), RoundingMode.FLOOR).unscaledValue().longValueExact();
        return quantity(floorToStep(units));
    }

    long floorToStep(long quantityUnits) {
        return quantityUnits - Math.floorMod(quantityUnits, step.units());
    }

    Price price(long units) {
        return new Price(units, priceScale());
    }

    Quantity quantity(long units) {
        return new Quantity(units, quantityScale());
    }
}
