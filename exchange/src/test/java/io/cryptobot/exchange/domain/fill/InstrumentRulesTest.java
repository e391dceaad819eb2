package io.cryptobot.exchange.domain.fill;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import org.junit.jupiter.api.Test;

/**
 * The largest starting cash, by hand: quote amounts are long units at tick decimals + step decimals (at most 12);
 * Long.MAX_VALUE = 9,223,372,036,854,775,807, and the cash keeps room to grow 100 times, so floor(max / 100) =
 * 92,233,720,368,547,758 units.
 */
class InstrumentRulesTest {
    private static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();

    private static InstrumentRules rules(Price tick, Quantity step) {
        return new InstrumentRules(BTC, tick, step);
    }

    @Test
    void theLargestStartingCashLeavesRoomForEquityToGrowAHundredTimes() {
        // 2 + 8 = 10 decimals
        assertThat(rules(new Price(1, 2), new Quantity(1, 8)).largestStartingCash().toPlainString())
                .isEqualTo("9223372.0368547758");
        // 2 + 5 = 7 decimals
        assertThat(rules(new Price(1, 2), new Quantity(1, 5)).largestStartingCash().toPlainString())
                .isEqualTo("9223372036.8547758");
        // 8 + 8 = 16 decimals are kept at 12
        assertThat(rules(new Price(1, 8), new Quantity(1, 8)).largestStartingCash().toPlainString())
                .isEqualTo("92233.720368547758");
    }

    @Test
    void theLargestQuantityIsALongOfSteps() {
        assertThat(rules(new Price(1, 2), new Quantity(1, 8)).largestQuantity().toPlainString())
                .isEqualTo("92233720368.54775807");
    }

    @Test
    void aPriceAtTheTicksScaleRoundsToTheTickExactlyAsTheExactArithmeticDoes() {
        // tick 0.05: 42000.05 is on the grid, 42000.07 between 42000.05 and 42000.10
        InstrumentRules rules = rules(new Price(5, 2), new Quantity(1, 5));
        assertThat(rules.toTick(new Price(4_200_005, 2), true)).isEqualTo(4_200_005);
        assertThat(rules.toTick(new Price(4_200_005, 2), false)).isEqualTo(4_200_005);
        assertThat(rules.toTick(new Price(4_200_007, 2), true)).isEqualTo(4_200_010);
        assertThat(rules.toTick(new Price(4_200_007, 2), false)).isEqualTo(4_200_005);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long tick = 1 + random.nextLong(1_000);
            long units = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            boolean up = random.nextBoolean();
            InstrumentRules grid = rules(new Price(tick, 4), new Quantity(1, 5));
            long exact = grid.toTick(java.math.BigInteger.valueOf(units).multiply(java.math.BigInteger.TEN.pow(4)),
                    java.math.BigInteger.TEN.pow(4), up);
            assertThat(grid.toTick(new Price(units, 4), up)).as("%d at tick %d, up %s", units, tick, up)
                    .isEqualTo(exact);
        }
    }

    @Test
    void aPriceAtAnotherScaleIsRoundedByTheExactArithmetic() {
        // 42000.123 on a 0.01 grid: up 42000.13, down 42000.12
        InstrumentRules rules = rules(new Price(1, 2), new Quantity(1, 5));
        assertThat(rules.toTick(new Price(42_000_123, 3), true)).isEqualTo(4_200_013);
        assertThat(rules.toTick(new Price(42_000_123, 3), false)).isEqualTo(4_200_012);
    }
}
