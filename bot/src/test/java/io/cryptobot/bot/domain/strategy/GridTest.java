package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-calculated with lower 100, upper 104, 5 levels (lines 100, 101, 102, 103, 104; line 104 only sells) and
 * amount 100, on closes 102.5, 101.5, 103.5, 99, 101, 101, 100.5, 100, 105. Buys fill at the close for
 * 100 / close, rounded down to 8 decimals.
 * <pre>
 * candle  close  crossed lines        orders
 *   1     102.5                       reference only
 *   2     101.5  102 down             buy 102 (fills 0.98522167)
 *   3     103.5  102 up, 103 up       102: 101 is empty; 103: sell 0.98522167 for 102
 *   4      99    103, 102, 101, 100   buy 103, 102, 101, 100 in that order (each fills 1.01010101)
 *                down
 *   5     101    100 up, 101 up       100: no line below; 101: sell 1.01010101 for 100
 *   6     101                         no move
 *   7     100.5                       none: it left 101 from the line itself
 *   8     100    100 down             buy 100 (fills 1)
 *   9     105    101, 102, 103, 104   sell for 100 (1), 101, 102, 103 (1.01010101 each) in that order
 *                up
 * </pre>
 */
class GridTest {
    private static final double[] CLOSES = {102.5, 101.5, 103.5, 99, 101, 101, 100.5, 100, 105};
    private final StrategyDefinition definition = StrategyCatalog.find("grid").get();

    private Grid grid(String lower, String upper, int levels, String amount) {
        return (Grid) definition.newStrategy(definition.validate(Map.of("lower", lower, "upper", upper,
                "levels", String.valueOf(levels), "amount", amount)).get());
    }

    private static Quantity sold(RecordingContext context, int index) {
        OrderIntent intent = context.emitted.get(index).intent();
        assertThat(intent.side()).isEqualTo(Side.SELL);
        return ((Sizing.FixedQuantity) intent.sizing()).quantity();
    }

    @Test
    void linesAreEquallySpacedFromLowerToUpperInclusive() {
        assertThat(grid("100", "104", 5, "100").lines()).containsExactly(100, 101, 102, 103, 104);
        assertThat(grid("0.1", "0.2", 4, "100").lines())
                .containsExactly(new double[] {0.1, 0.4 / 3, 0.5 / 3, 0.2}, within(1e-15));
    }

    @Test
    void buysOnEveryEmptyLineCrossedDownAndSellsEachLinesQuantityOnTheCrossUpThroughTheNextLine() {
        RecordingContext context = RecordingContext.run(grid("100", "104", 5, "100"), CLOSES);

        assertThat(context.summary()).containsExactly("BUY@2", "SELL@3", "BUY@4", "BUY@4", "BUY@4", "BUY@4",
                "SELL@5", "BUY@8", "SELL@9", "SELL@9", "SELL@9", "SELL@9");
        OrderIntent buy = context.emitted.get(0).intent();
        assertThat(buy.sizing()).isEqualTo(new Sizing.QuoteAmount(new BigDecimal("100")));
        assertThat(buy.tag()).isEqualTo("grid_buy_2");
        assertThat(context.emitted.get(1).intent().tag()).isEqualTo("grid_sell_2");
        assertThat(sold(context, 1)).isEqualTo(new Quantity(98_522_167, 8));
        assertThat(sold(context, 6)).isEqualTo(new Quantity(101_010_101, 8));
        assertThat(sold(context, 8)).isEqualTo(new Quantity(100_000_000, 8));
        assertThat(sold(context, 9)).isEqualTo(new Quantity(101_010_101, 8));
        assertThat(sold(context, 11)).isEqualTo(new Quantity(101_010_101, 8));
        // Everything bought was sold again.
        assertThat(context.position.units()).isZero();
    }

    @Test
    void theInventoryFollowsTheLines() {
        Grid grid = grid("100", "104", 5, "100");
        RecordingContext context = new RecordingContext();

        context.feed(grid, 102.5, 101.5);
        assertThat(holding(grid)).containsExactly(false, false, true, false, false);
        context.feed(grid, 103.5, 99);
        assertThat(holding(grid)).containsExactly(true, true, true, true, false);
        context.feed(grid, 101);
        assertThat(holding(grid)).containsExactly(false, true, true, true, false);
    }

    @Test
    void aLineWhoseBuyHasNotFilledDoesNotSellAndWaitsForTheNextCrossUp() {
        Grid grid = grid("100", "104", 5, "100");
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        context.feed(grid, 102.5, 101.5, 103.5);
        // Buy on 2 for line 102; on 3 the close crosses 103 up, but line 102 has no fill yet.
        assertThat(context.summary()).containsExactly("BUY@2");
        assertThat(grid.isBuying(2)).isTrue();

        context.fillPending(grid);
        assertThat(grid.isHolding(2)).isTrue();
        // 4: 103 down, so line 103 buys (left unfilled); 5: 103 up again, so line 102 sells what it bought at 103.5.
        context.feed(grid, 102.5, 103);

        assertThat(context.summary()).containsExactly("BUY@2", "BUY@4", "SELL@5");
        assertThat(sold(context, 2)).isEqualTo(new Quantity(96_618_357, 8));
        assertThat(grid.isHolding(2)).isFalse();
        assertThat(grid.isBuying(3)).isTrue();
    }

    @Test
    void aRejectedBuyLeavesItsLineEmptySoItBuysAgainAndOtherLinesKeepTheirOwnQuantities() {
        Grid grid = grid("100", "104", 5, "100");
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        // 2: 102 and 101 down: buys for 102 (first) and 101. The 102 buy is rejected, the 101 buy fills at 100.5.
        context.feed(grid, 102.5, 100.5);
        context.rejectNext(grid);
        context.fillNext(grid);
        assertThat(grid.isHolding(2)).isFalse();
        assertThat(grid.isBuying(2)).isFalse();
        assertThat(grid.isHolding(1)).isTrue();
        // 4: up through 101 and 102: only line 101 holds, so one sell, of exactly what line 101 bought
        context.feed(grid, 102.2);
        assertThat(context.summary()).containsExactly("BUY@2", "BUY@2", "SELL@3");
        assertThat(context.emitted.get(2).intent().tag()).isEqualTo("grid_sell_1");
        assertThat(sold(context, 2)).isEqualTo(new Quantity(99_502_487, 8));
        // 5: back down through 102 and 101: line 102 (empty after its rejection) buys again; 101 is still selling
        context.feed(grid, 100.9);
        assertThat(context.summary()).containsExactly("BUY@2", "BUY@2", "SELL@3", "BUY@4");
        assertThat(context.emitted.get(3).intent().tag()).isEqualTo("grid_buy_2");
    }

    @Test
    void fillsAreMatchedToLinesInTheOrderTheBuysWereSubmitted() {
        Grid grid = grid("100", "104", 5, "100");
        RecordingContext context = new RecordingContext();
        context.fillImmediately = false;

        // 2: 102 and 101 down: buys for 102, then for 101. The first fill (at 100.5) is line 102's, the second
        // (at 100.2, after a candle that crosses nothing) line 101's.
        context.feed(grid, 102.5, 100.5);
        context.fillNext(grid);
        context.feed(grid, 100.2);
        context.fillNext(grid);
        // 4: 101, 102, 103 up: line 100 holds nothing; sell for 101, then for 102.
        context.feed(grid, 103);

        assertThat(context.summary()).containsExactly("BUY@2", "BUY@2", "SELL@4", "SELL@4");
        assertThat(sold(context, 2)).isEqualTo(new Quantity(99_800_399, 8));
        assertThat(sold(context, 3)).isEqualTo(new Quantity(99_502_487, 8));
    }

    @Test
    void theTopLineNeverBuysAndPricesOutsideTheGridCrossNothing() {
        // 105 to 104 crosses the top line down: it only sells, so no buy; 99 to 95: below the grid.
        RecordingContext context = RecordingContext.run(grid("100", "104", 5, "100"), 105, 104, 104.5, 99, 95);

        assertThat(context.summary()).containsExactly("BUY@4", "BUY@4", "BUY@4", "BUY@4");
    }

    @Test
    void theFirstCandleOnlySetsTheReference() {
        Grid grid = grid("100", "104", 5, "100");

        assertThat(grid.warmUpCandles()).isEqualTo(1);
        assertThat(RecordingContext.run(grid, 100).emitted).isEmpty();
    }

    @Test
    void theRangeMustBeGivenTheRestHasDefaultsAndLowerMustBeBelowUpper() {
        assertThat(definition.validate(Map.of()).getError()).containsExactly(
                new Violation("lower", "is required (for example 100)"),
                new Violation("upper", "is required (for example 200)"));
        Parameters defaults = definition.validate(Map.of("lower", "40000", "upper", "50000")).get();
        assertThat(defaults.integer("levels")).isEqualTo(10);
        assertThat(defaults.decimal("amount")).isEqualByComparingTo("100");

        assertThat(definition.validate(Map.of("lower", "200", "upper", "200")).getError())
                .containsExactly(new Violation("lower", "must be below upper (200), got 200"));
        assertThat(definition.validate(Map.of("lower", "1", "upper", "2", "levels", "1", "amount", "0")).getError())
                .containsExactly(
                new Violation("levels", "1 is below the minimum 2"),
                new Violation("amount", "0 is below the minimum 0.00000001"));
    }

    private static java.util.List<Boolean> holding(Grid grid) {
        java.util.List<Boolean> holding = new java.util.ArrayList<>();
        for (int line = 0; line < grid.lines().length; line++) {
            holding.add(grid.isHolding(line));
        }
        return holding;
    }
}
