package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Long-only spot grid on closing prices. {@code levels} grid lines lie equally spaced from {@code lower} to
 * {@code upper}, both included. Each line but the top one is a buy line that is empty, buying (its buy awaits
 * its fill) or holding (it knows the quantity its buy filled) or selling (its sell awaits its end); the line above a buy line is where that line
 * sells. The first candle only sets the reference close. After that, with {@code p} the previous close and
 * {@code c} the current one:
 * <ul>
 *   <li>the close crosses a line down when {@code p > line >= c}: if that line is empty it buys
 *       {@code amount} of the quote asset at market and the line becomes buying;</li>
 *   <li>the close crosses a line up when {@code p < line <= c}: if the line below it is holding, it sells
 *       exactly the quantity that line bought, at market; the line is selling until the sell is done, then empty
 *       (or still holding what a partial sell left). A line still buying does not sell: it waits for its fill
 *       and for the next cross up.</li>
 * </ul>
 * A candle that moves across several lines emits one order per crossed line that qualifies, in the order the
 * price passes them: a falling candle buys from the highest crossed line down, a rising one sells from the
 * lowest up. A candle never both buys and sells. A close equal to a line has crossed it in the direction it
 * came from; moving on from there crosses it no more.
 *
 * <p>Each line has its own buy intent (built once), so when the runner reports an intent done
 * ({@link #onIntentDone}) the line is known exactly: a buy that filled makes its line holding the quantity it
 * filled; a buy that filled nothing (rejected, denied, too small to size) leaves its line empty again. A sell
 * that filled less than asked leaves its line holding the rest. Candles without a cross allocate nothing; each
 * sell allocates its intent.
 */
final class Grid implements Strategy {
    static final String LOWER = "lower";
    static final String UPPER = "upper";
    static final String LEVELS = "levels";
    static final String AMOUNT = "amount";
    private static final byte EMPTY = 0;
    private static final byte BUYING = 1;
    private static final byte HOLDING = 2;
    private static final byte SELLING = 3;

    private final double[] lines;
    private final byte[] states;
    private final Quantity[] held;
    private final OrderIntent[] buys;
    private final OrderIntent[] sells;
    private boolean hasPrevious;
    private double previous;

    private Grid(BigDecimal lower, BigDecimal upper, int levels, Sizing perLine) {
        this.lines = new double[levels];
        BigDecimal step = upper.subtract(lower).divide(BigDecimal.valueOf(levels - 1L), MathContext.DECIMAL128);
        for (int i = 0; i < levels; i++) {
            BigDecimal line = i == levels - 1 ? upper : lower.add(step.multiply(BigDecimal.valueOf(i)));
            lines[i] = line.doubleValue();
        }
        this.states = new byte[levels];
        this.held = new Quantity[levels];
        this.sells = new OrderIntent[levels];
        // Built once per line: every buy is sized alike, and the instance names its line.
        this.buys = new OrderIntent[levels];
        for (int i = 0; i < levels - 1; i++) {
            buys[i] = OrderIntent.market(Side.BUY, perLine, "grid_buy_" + i);
        }
    }

    static StrategyDefinition definition() {
        return new StrategyDefinition("grid",
                "Long only: buys a fixed quote amount when the close falls through an empty grid line between "
                        + "lower and upper, and sells what that line bought when the close rises through the "
                        + "next line up.",
                List.of(ParameterSpec.requiredDecimal(LOWER, "100", "0.00000001", "1000000000",
                                "price of the lowest grid line"),
                        ParameterSpec.requiredDecimal(UPPER, "200", "0.00000001", "1000000000",
                                "price of the highest grid line"),
                        ParameterSpec.integer(LEVELS, 10, 2, 1_000, "number of grid lines, lower and upper included"),
                        ParameterSpec.decimal(AMOUNT, "100", "0.00000001", "1000000000",
                                "quote amount spent per buy")),
                Grid::lowerBelowUpper, EntrySizing.Use.REPLACES_AMOUNT,
                (p, perLine) -> new Grid(p.decimal(LOWER), p.decimal(UPPER), p.integer(LEVELS), perLine));
    }

    private static Seq<Violation> lowerBelowUpper(Parameters parameters) {
        BigDecimal lower = parameters.decimal(LOWER);
        BigDecimal upper = parameters.decimal(UPPER);
        return lower.compareTo(upper) < 0
                ? List.empty()
                : List.of(new Violation(LOWER, "must be below upper (" + upper.toPlainString() + "), got "
                        + lower.toPlainString()));
    }

    @Override
    public int warmUpCandles() {
        return 1;
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        double close = Prices.toDouble(candle.close());
        if (hasPrevious) {
            if (close < previous) {
                crossDown(instrument, close, context);
            } else if (close > previous) {
                crossUp(instrument, close, context);
            }
        }
        previous = close;
        hasPrevious = true;
    }

    /** Buys on every empty buy line with {@code previous > line >= close}, from the highest down. */
    private void crossDown(InstrumentId instrument, double close, StrategyContext context) {
        for (int i = lines.length - 2; i >= 0 && lines[i] >= close; i--) {
            if (lines[i] < previous && states[i] == EMPTY) {
                states[i] = BUYING;
                context.submit(instrument, buys[i]);
            }
        }
    }

    /** Sells the line below every line with {@code previous < line <= close} that holds, from the lowest up. */
    private void crossUp(InstrumentId instrument, double close, StrategyContext context) {
        for (int i = 1; i < lines.length && lines[i] <= close; i++) {
            if (lines[i] > previous && states[i - 1] == HOLDING) {
                OrderIntent sell = OrderIntent.market(Side.SELL, new Sizing.FixedQuantity(held[i - 1]),
                        "grid_sell_" + (i - 1));
                sells[i - 1] = sell;
                states[i - 1] = SELLING;
                context.submit(instrument, sell);
            }
        }
    }

    @Override
    public void onIntentDone(InstrumentId instrument, OrderIntent intent, Quantity filled) {
        for (int line = 0; line < lines.length - 1; line++) {
            if (intent == buys[line] && states[line] == BUYING) {
                states[line] = filled.units() > 0 ? HOLDING : EMPTY;
                held[line] = filled.units() > 0 ? filled : null;
                return;
            }
            if (intent == sells[line]) {
                sells[line] = null;
                long rest = held[line].units() - filled.units();
                // a sell that did not fill in full leaves the line holding what is left
                held[line] = rest > 0 ? new Quantity(rest, held[line].scale()) : null;
                states[line] = rest > 0 ? HOLDING : EMPTY;
                return;
            }
        }
    }

    /** The grid line prices, lowest first (a copy). */
    double[] lines() {
        return lines.clone();
    }

    /** Whether the line at this index is holding a filled buy. */
    boolean isHolding(int line) {
        return states[line] == HOLDING;
    }

    /** Whether the line at this index has a buy awaiting its fill. */
    boolean isBuying(int line) {
        return states[line] == BUYING;
    }

    @Override
    public String toString() {
        return "Grid(" + lines[0] + ".." + lines[lines.length - 1] + ", " + lines.length + " lines, "
                + buys[0].sizing() + ")";
    }
}
