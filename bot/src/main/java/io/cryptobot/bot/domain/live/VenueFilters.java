package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.market.PriceBand;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An instrument's order filters as its venue states them (synced into the catalog's venue listing): prices on the
 * tick grid, quantities on the step grid, and a minimum notional in the quote. An order that breaks one would only
 * be rejected by the venue after a round trip (and count against its rate limits), so it is refused before it leaves,
 * every broken filter named with its numbers. A market order's notional is valued at {@code reference} (the last
 * close); without one the minimum notional is not judged here (the venue still is).
 *
 * <p>The percent-price band ({@link PriceBand}) is judged separately ({@link #bandRefusal}), against the venue's own
 * weighted average price, which is asked of the venue right before the order would leave: only an order with a
 * limit price on an instrument with a band needs it ({@link #needsAveragePrice}); a market order has no price of
 * its own to judge (the venue's matching decides its price).
 */
public record VenueFilters(BigDecimal tick, BigDecimal step, Option<BigDecimal> minNotional,
                           Option<PriceBand> band) {
    public static final String RULE = "venue_filter";

    /** Filters without a percent-price band. */
    public VenueFilters(BigDecimal tick, BigDecimal step, Option<BigDecimal> minNotional) {
        this(tick, step, minNotional, Option.none());
    }

    public VenueFilters {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(minNotional, "minNotional");
        if (tick.signum() <= 0 || step.signum() <= 0) {
            throw new IllegalArgumentException("tick and step must be positive");
        }
    }

    /** Why the venue would refuse {@code order}, every broken filter; none when it passes. */
    public Option<String> refusal(VenueOrder order, Option<Price> reference) {
        List<String> broken = new ArrayList<>();
        order.limitPrice().forEach(p -> offGrid("limit price", p.toBigDecimal(), tick, broken));
        order.triggerPrice().forEach(p -> offGrid("trigger price", p.toBigDecimal(), tick, broken));
        offGrid("quantity", order.quantity().toBigDecimal(), step, broken);
        Option<BigDecimal> price = order.limitPrice().orElse(reference).map(Price::toBigDecimal);
        if (minNotional.isDefined() && price.isDefined()) {
            BigDecimal notional = order.quantity().toBigDecimal().multiply(price.get());
            if (notional.compareTo(minNotional.get()) < 0) {
                broken.add("notional " + notional.stripTrailingZeros().toPlainString() + " is below the venue's "
                        + "minimum " + minNotional.get().stripTrailingZeros().toPlainString());
            }
        }
        return broken.isEmpty() ? Option.none() : Option.some(String.join("; ", broken));
    }

    /** Whether {@code order} is judged by the band: it has a limit price and the instrument a band. */
    public boolean needsAveragePrice(VenueOrder order) {
        return band.isDefined() && order.limitPrice().isDefined();
    }

    /**
     * Why the venue would refuse {@code order}'s limit price against its band around {@code average} (the venue's
     * weighted average price): a buy within {@code [average x bidDown, average x bidUp]}, a sell within
     * {@code [average x askDown, average x askUp]}, edges included; none when it lies within, or nothing is judged.
     */
    public Option<String> bandRefusal(VenueOrder order, BigDecimal average) {
        if (!needsAveragePrice(order)) {
            return Option.none();
        }
        PriceBand b = band.get();
        boolean buy = order.side() == Side.BUY;
        BigDecimal up = buy ? b.bidUp() : b.askUp();
        BigDecimal down = buy ? b.bidDown() : b.askDown();
        BigDecimal price = order.limitPrice().get().toBigDecimal();
        String side = buy ? "buy" : "sell";
        BigDecimal high = average.multiply(up);
        if (price.compareTo(high) > 0) {
            return Option.some(outside(side, price, "above", high, average, up, b));
        }
        BigDecimal low = average.multiply(down);
        if (price.compareTo(low) < 0) {
            return Option.some(outside(side, price, "below", low, average, down, b));
        }
        return Option.none();
    }

    private static String outside(String side, BigDecimal price, String where, BigDecimal edge, BigDecimal average,
                                  BigDecimal multiplier, PriceBand band) {
        return side + " price " + plain(price) + " is " + where + " " + plain(edge) + " (the venue's average price "
                + plain(average) + " x " + plain(multiplier) + ", its percent-price band over "
                + band.averageMinutes() + " min)";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void offGrid(String what, BigDecimal value, BigDecimal grid, List<String> broken) {
        if (value.remainder(grid).signum() != 0) {
            broken.add(what + " " + value.stripTrailingZeros().toPlainString() + " is not a multiple of the venue's "
                    + (what.equals("quantity") ? "step " : "tick ") + grid.stripTrailingZeros().toPlainString());
        }
    }
}
