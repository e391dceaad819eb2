package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.execution.VenueOrder;
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
 */
public record VenueFilters(BigDecimal tick, BigDecimal step, Option<BigDecimal> minNotional) {
    public static final String RULE = "venue_filter";

    public VenueFilters {
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

    private static void offGrid(String what, BigDecimal value, BigDecimal grid, List<String> broken) {
        if (value.remainder(grid).signum() != 0) {
            broken.add(what + " " + value.stripTrailingZeros().toPlainString() + " is not a multiple of the venue's "
                    + (what.equals("quantity") ? "step " : "tick ") + grid.stripTrailingZeros().toPlainString());
        }
    }
}
