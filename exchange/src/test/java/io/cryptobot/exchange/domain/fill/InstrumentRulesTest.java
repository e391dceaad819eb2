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
}
