package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The one fill model of every simulated venue (paper trading and backtests). It is shown an open order and the
 * candle that FOLLOWS the decision to place or keep it, never the candle the decision was made on, so nothing
 * is filled at a price the strategy could not yet have known. Pure and deterministic: no clock, no randomness.
 *
 * <p>Rules, each chosen to be conservative where a candle cannot tell the order of events:
 * <ul>
 * <li>Market: fills whole at the candle's open, slipped against the trader; taker. Not capped by volume (the
 *     slippage model prices size instead).</li>
 * <li>Limit: if the open is at or better than the limit, a new order was marketable on arrival: fills at the open
 *     (taker); a resting order fills at its own limit (maker), since a gap's improvement goes to the incoming side.
 *     Otherwise it rests and fills at its limit, maker, only if the candle trades strictly THROUGH the
 *     limit (buy: low &lt; limit; sell: high &gt; limit): touching it says nothing about our place in the queue.
 *     A limit fill takes at most {@code maxVolumeShare} of the candle's volume, rounded down to the step; the
 *     remainder stays open (GTC) or expires (IOC). FOK fills whole or expires.</li>
 * <li>Stop (market or limit): a buy stop triggers when the high reaches the trigger, a sell stop when the low
 *     does. Take-profit: a sell triggers when the high reaches the trigger, a buy when the low does. The price
 *     where a triggered order meets the market is the open if the candle opened beyond the trigger (a gap),
 *     else the trigger: for a stop that is the worse of the two (sell stop 95, open 90: 90), for a take-profit
 *     the better. Stop-market and take-profit then fill there as market orders, slipped.</li>
 * <li>Stop-limit: once triggered it is a limit order. Triggered by a gap at the open, the whole candle follows
 *     the trigger and the limit rules apply to it. Triggered inside the candle, the path after the trigger is
 *     unknown: it fills (taker) at the trigger only if the trigger is at or better than the limit, else it
 *     waits for the next candle.</li>
 * <li>Prices are exact, then rounded to the tick once, against the trader (buys up, sells down); a limit price
 *     off the grid is read in the trader's favour (buy down, sell up) so a fill never breaks the limit.</li>
 * <li>Fees: {@code rate * price * quantity} in the quote asset at {@link InstrumentRules quote scale}, or
 *     {@code rate * quantity} in the base asset at the quantity scale; rounded UP when the scale cannot hold the
 *     exact amount.</li>
 * <li>Nothing fills against a candle with zero volume.</li>
 * <li>A buy needs cost (+ quote fee) within the quote balance, a sell its quantity (+ base fee) within the base
 *     balance; otherwise the fill is refused whole, as a value.</li>
 * </ul>
 */
public record FillModel(InstrumentRules rules, FeeSchedule fees, SlippageModel slippage, Rate maxVolumeShare) {

    public FillModel {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(maxVolumeShare, "maxVolumeShare");
        if (maxVolumeShare.units() == 0) {
            throw new IllegalArgumentException("a zero volume share would never fill a limit order");
        }
    }

    /**
     * The largest whole-step quantity that a market buy sized at {@code reference} can pay for out of
     * {@code budget} (quote asset): {@code budget / (reference * (1 + worst slippage) * (1 + taker fee))}, the fee
     * counted only where it is charged in the quote, the slippage at its fixed rate or its cap. If the next open
     * is above the reference by more than the slippage allowance, the fill model will refuse the order for
     * insufficient balance, exactly as a venue refuses a quantity-sized order the account can no longer pay.
     */
    public Quantity buyableWith(BigDecimal budget, Price reference) {
        if (budget.signum() <= 0) {
            return rules.floorToStep(BigDecimal.ZERO);
        }
        BigDecimal slip = switch (slippage) {
            case SlippageModel.FixedBasisPoints fixed -> BigDecimal.valueOf(fixed.bps(), 4);
            case SlippageModel.VolumeProportional proportional -> BigDecimal.valueOf(proportional.capBps(), 4);
        };
        BigDecimal fee = fees.chargedIn() == FeeAsset.QUOTE
                ? fees.taker().toBigDecimal() : BigDecimal.ZERO;
        BigDecimal unitCost = reference.toBigDecimal().multiply(BigDecimal.ONE.add(slip))
                .multiply(BigDecimal.ONE.add(fee));
        return rules.floorToStep(budget.divide(unitCost, rules.quantityScale() + 2, RoundingMode.FLOOR));
    }

    /** Evaluates {@code order} against the candle after the decision, given what the account can spend. */
    public Either<FillRefused, FillOutcome> evaluate(SimulatedOrder order, Candle next, Balances available) {
        requireInstrumentAssets(available);
        long volume = rules.quantityUnits(next.volume());
        if (volume == 0) {
            return Either.right(notFilled(order, NoFillReason.ZERO_VOLUME, false));
        }
        long open = rules.priceUnits(next.open());
        if (!order.type().isConditional() || order.triggered()) {
            return order.type().hasLimitPrice()
                    ? limitFill(order, next, volume, false, available)
                    : marketFill(order, open, false, volume, available);
        }
        Price trigger = order.triggerPrice().get();
        boolean onRise = order.type().triggersOnRise(order.side());
        boolean reached = onRise ? next.high().compareTo(trigger) >= 0 : next.low().compareTo(trigger) <= 0;
        if (!reached) {
            return Either.right(new FillOutcome.NoFill(NoFillReason.NOT_TRIGGERED, false));
        }
        boolean gapped = onRise ? next.open().compareTo(trigger) >= 0 : next.open().compareTo(trigger) <= 0;
        if (order.type().hasLimitPrice()) {
            return gapped
                    ? limitFill(order, next, volume, true, available)
                    : triggeredLimitFill(order, trigger, volume, available);
        }
        long meets = gapped ? open : roundAgainst(order.side(), trigger);
        return marketFill(order, meets, true, volume, available);
    }

    /**
     * What {@code bar} can reach of the orders already on a book (each has seen a candle, GTC), so that a venue
     * keeping them by price meets only those: for any other such order {@link #evaluate} answers a {@code NoFill}
     * that changes nothing ({@code PRICE_NOT_REACHED} or {@code NOT_TRIGGERED}, not triggered). The exact
     * complement of the rules above: a bar without volume reaches none; a buy limit (triggered stop-limits too) is
     * reached when the open is at or below its {@link #limitUnits limit} or the low strictly below it, a sell limit
     * likewise upwards; an untriggered conditional order when the high (triggers on a rise) or the low (on a fall)
     * reaches its trigger.
     */
    public Reach reach(Candle bar) {
        if (rules.quantityUnits(bar.volume()) == 0) {
            return new Reach(false, Long.MAX_VALUE, Long.MIN_VALUE, bar.high(), bar.low());
        }
        long buyThroughLow = Math.addExact(rules.priceUnitsRounded(bar.low(), false), 1);
        long sellThroughHigh = Math.subtractExact(rules.priceUnitsRounded(bar.high(), true), 1);
        return new Reach(true,
                Math.min(rules.priceUnitsRounded(bar.open(), true), buyThroughLow),
                Math.max(rules.priceUnitsRounded(bar.open(), false), sellThroughHigh), bar.high(), bar.low());
    }

    /**
     * What one bar reaches of a book: buy limits from {@code lowestBuyLimit} up, sell limits up to
     * {@code highestSellLimit} (price units, as {@link #limitUnits}), triggers on a rise up to {@code high},
     * triggers on a fall from {@code low} up; nothing when {@code anyVolume} is false.
     */
    public record Reach(boolean anyVolume, long lowestBuyLimit, long highestSellLimit, Price high, Price low) {
    }

    private Either<FillRefused, FillOutcome> marketFill(SimulatedOrder order, long referenceUnits, boolean triggered,
                                                        long volume, Balances available) {
        long remaining = remaining(order);
        long quantity = rules.floorToStep(remaining);
        if (quantity == 0) {
            return Either.right(new FillOutcome.Expired(NoFillReason.QUANTITY_BELOW_STEP, rules.quantity(remaining), triggered));
        }
        Fraction slip = slippageFraction(quantity, volume);
        boolean buy = order.side() == Side.BUY;
        BigInteger reference = BigInteger.valueOf(referenceUnits);
        BigInteger factor = buy ? slip.denominator().add(slip.numerator()) : slip.denominator().subtract(slip.numerator());
        long price = rules.toTick(reference.multiply(factor), slip.denominator(), buy);
        return settle(order, quantity, price, LiquiditySide.TAKER, remaining - quantity, true, triggered, available);
    }

    /** A stop-limit triggered inside the candle: marketable at its trigger, or it waits for the next candle. */
    private Either<FillRefused, FillOutcome> triggeredLimitFill(SimulatedOrder order, Price trigger, long volume,
                                                                Balances available) {
        long limit = limitUnits(order);
        long meets = roundAgainst(order.side(), trigger);
        if (!atOrBetter(order.side(), meets, limit)) {
            return Either.right(new FillOutcome.NoFill(NoFillReason.PRICE_NOT_REACHED, true));
        }
        return cappedFill(order, meets, LiquiditySide.TAKER, volume, true, available);
    }

    private Either<FillRefused, FillOutcome> limitFill(SimulatedOrder order, Candle next, long volume,
                                                       boolean triggered, Balances available) {
        long limit = limitUnits(order);
        long open = rules.priceUnits(next.open());
        if (atOrBetter(order.side(), open, limit)) {
            // A new order meets the opening price (taker). One already resting on the book when the market gaps
            // through it is matched at its own price: the price improvement goes to the incoming side.
            return order.resting()
                    ? cappedFill(order, limit, LiquiditySide.MAKER, volume, triggered, available)
                    : cappedFill(order, open, LiquiditySide.TAKER, volume, triggered, available);
        }
        boolean through = order.side() == Side.BUY
                ? rules.priceUnits(next.low()) < limit
                : rules.priceUnits(next.high()) > limit;
        if (!through) {
            return Either.right(notFilled(order, NoFillReason.PRICE_NOT_REACHED, triggered));
        }
        return cappedFill(order, limit, LiquiditySide.MAKER, volume, triggered, available);
    }

    private Either<FillRefused, FillOutcome> cappedFill(SimulatedOrder order, long price, LiquiditySide liquidity,
                                                        long volume, boolean triggered, Balances available) {
        long remaining = remaining(order);
        long cap = rules.floorToStep(Fraction.floorDiv(
                BigInteger.valueOf(volume).multiply(BigInteger.valueOf(maxVolumeShare.units())),
                BigInteger.TEN.pow(maxVolumeShare.scale())));
        long wanted = rules.floorToStep(remaining);
        long quantity = Math.min(wanted, cap);
        if (order.timeInForce() == TimeInForce.FOK && quantity < remaining) {
            return Either.right(notFilled(order, NoFillReason.CANNOT_FILL_WHOLE, triggered));
        }
        if (quantity == 0) {
            return Either.right(notFilled(order, NoFillReason.VOLUME_TOO_SMALL, triggered));
        }
        boolean expireRest = order.timeInForce() != TimeInForce.GTC;
        return settle(order, quantity, price, liquidity, remaining - quantity, expireRest, triggered, available);
    }

    private Either<FillRefused, FillOutcome> settle(SimulatedOrder order, long quantity, long price,
                                                    LiquiditySide liquidity, long rest, boolean expireRest,
                                                    boolean triggered, Balances available) {
        Money fee = fee(quantity, price, fees.rateFor(liquidity));
        boolean buy = order.side() == Side.BUY;
        boolean feeInQuote = fees.chargedIn() == FeeAsset.QUOTE;
        Money required;
        Money balance;
        if (buy) {
            Money cost = cost(quantity, price);
            required = feeInQuote ? cost.plus(fee) : cost;
            balance = available.quote();
        } else {
            Money sold = new Money(quantity, rules.quantityScale(), rules.instrument().base());
            required = feeInQuote ? sold : sold.plus(fee);
            balance = available.base();
        }
        if (required.toBigDecimal().compareTo(balance.toBigDecimal()) > 0) {
            return Either.left(new FillRefused("insufficient " + required.asset() + " balance", required, balance));
        }
        SimulatedFill fill = new SimulatedFill(rules.quantity(quantity), rules.price(price), fee, liquidity);
        Quantity none = rules.quantity(0);
        return Either.right(expireRest
                ? new FillOutcome.Filled(fill, none, rules.quantity(rest), triggered)
                : new FillOutcome.Filled(fill, rules.quantity(rest), none, triggered));
    }

    private Money cost(long quantity, long price) {
        BigInteger exact = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(price));
        BigInteger surplusDigits = BigInteger.TEN.pow(rules.priceScale() + rules.quantityScale() - rules.quoteScale());
        return new Money(Fraction.ceilDiv(exact, surplusDigits), rules.quoteScale(), rules.instrument().quote());
    }

    private Money fee(long quantity, long price, Rate rate) {
        BigInteger rateUnits = BigInteger.valueOf(rate.units());
        if (fees.chargedIn() == FeeAsset.BASE) {
            long units = Fraction.ceilDiv(BigInteger.valueOf(quantity).multiply(rateUnits), BigInteger.TEN.pow(rate.scale()));
            return new Money(units, rules.quantityScale(), rules.instrument().base());
        }
        BigInteger exact = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(price)).multiply(rateUnits);
        int surplusDigits = rate.scale() + rules.priceScale() + rules.quantityScale() - rules.quoteScale();
        long units = Fraction.ceilDiv(exact, BigInteger.TEN.pow(surplusDigits));
        return new Money(units, rules.quoteScale(), rules.instrument().quote());
    }

    private FillOutcome notFilled(SimulatedOrder order, NoFillReason reason, boolean triggered) {
        return order.timeInForce() == TimeInForce.GTC
                ? new FillOutcome.NoFill(reason, triggered)
                : new FillOutcome.Expired(reason, rules.quantity(remaining(order)), triggered);
    }

    private long remaining(SimulatedOrder order) {
        return rules.quantityUnits(order.quantity()) - rules.quantityUnits(order.filled());
    }

    /**
     * The limit on the grid in price units, read in the trader's favour, so a fill at it never breaks the order's
     * limit: the price a book keeps a limit order by (see {@link #reach}).
     */
    public long limitUnits(SimulatedOrder order) {
        return rules.toTick(order.limitPrice().get(), order.side() != Side.BUY);
    }

    private long roundAgainst(Side side, Price price) {
        return rules.toTick(price, side == Side.BUY);
    }

    /** The slippage as a fraction of the price, given the fill quantity and the candle volume (same scale, volume > 0). */
    private Fraction slippageFraction(long quantityUnits, long volumeUnits) {
        return switch (slippage) {
            case SlippageModel.FixedBasisPoints fixed -> Fraction.of(fixed.bps(), 10_000);
            case SlippageModel.VolumeProportional proportional -> new Fraction(
                    BigInteger.valueOf(proportional.coefficientBps()).multiply(BigInteger.valueOf(quantityUnits)),
                    BigInteger.valueOf(volumeUnits).multiply(BigInteger.valueOf(10_000)))
                    .min(Fraction.of(proportional.capBps(), 10_000));
        };
    }

    private static boolean atOrBetter(Side side, long price, long limit) {
        return side == Side.BUY ? price <= limit : price >= limit;
    }

    private void requireInstrumentAssets(Balances available) {
        if (!available.quote().asset().equals(rules.instrument().quote())
                || !available.base().asset().equals(rules.instrument().base())) {
            throw new IllegalArgumentException("balances " + available + " are not in " + rules.instrument().symbol());
        }
    }
}
