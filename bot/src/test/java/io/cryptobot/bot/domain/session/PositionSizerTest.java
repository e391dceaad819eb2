package io.cryptobot.bot.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Entry sizes by hand: step 0.001, price 100, taker fee 0.1 %, slippage 5 bps, so one unit costs at most
 * 100 × 1.0005 × 1.001 = 100.15005 and a budget buys floor-to-step(budget / 100.15005).
 * <pre>
 * sizing                         budget                     quantity
 * all-in, 10,000 free            10,000                     99.850   (99.851 would cost 10,000.08)
 * 25 % of equity 10,000          2,500                      24.962   (24.963 would cost 2,500.05)
 * 25 % of equity, 1,000 free     min(2,500, 1,000) = 1,000  9.985
 * quote amount 100               100                        0.998
 * quote amount 20,000            min(20,000, 10,000)        99.850
 * fixed quantity 0.0125          -                          0.012    (whole steps, rounded down)
 * </pre>
 */
class PositionSizerTest {
    private static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    private static final Asset USDT = BTC.quote();
    private static final FillModel MODEL = new FillModel(
            new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 3)),
            FeeSchedule.inQuote(Rate.basisPoints(10), Rate.basisPoints(10)), SlippageModel.fixedBasisPoints(5),
            Rate.parse("1").get());
    private static final Price PRICE = new Price(10_000, 2);
    private static final Quantity FLAT = new Quantity(0, 3);

    private static Quantity buy(Sizing sizing, String free, String equity) {
        return PositionSizer.size(sizing, Side.BUY, MODEL, FLAT, PRICE, usdt(free), () -> usdt(equity));
    }

    private static Money usdt(String amount) {
        return Money.of(new BigDecimal(amount), USDT);
    }

    @Test
    void allInSpendsTheFreeBalanceWithTheFeeAndTheWorstSlippageReserved() {
        assertThat(buy(Sizing.ALL_IN, "10000", "10000")).isEqualTo(new Quantity(99_850, 3));
    }

    @Test
    void aPercentOfEquitySpendsThatShareOfEquity() {
        assertThat(buy(new Sizing.FractionOfEquity(new BigDecimal("0.25")), "10000", "10000"))
                .isEqualTo(new Quantity(24_962, 3));
    }

    @Test
    void aPercentOfEquityIsCappedByTheFreeBalance() {
        assertThat(buy(new Sizing.FractionOfEquity(new BigDecimal("0.25")), "1000", "10000"))
                .isEqualTo(new Quantity(9_985, 3));
    }

    @Test
    void aQuoteAmountSpendsThatAmountAtMostTheFreeBalance() {
        assertThat(buy(new Sizing.QuoteAmount(new BigDecimal("100")), "10000", "10000"))
                .isEqualTo(new Quantity(998, 3));
        assertThat(buy(new Sizing.QuoteAmount(new BigDecimal("20000")), "10000", "10000"))
                .isEqualTo(new Quantity(99_850, 3));
    }

    @Test
    void aFixedQuantityIsThatQuantityInWholeSteps() {
        assertThat(buy(new Sizing.FixedQuantity(new Quantity(125, 4)), "10000", "10000"))
                .isEqualTo(new Quantity(12, 3));
    }

    // a buy of 0.100 whose 0.1 % fee the venue took in the base asset (0.0001) leaves 0.0999 held: step 0.001

    @Test
    void closingAPositionShrunkByABaseFeeSellsWhatIsHeldRoundedDownToTheStep() {
        Quantity held = new Quantity(999, 4);
        assertThat(PositionSizer.size(Sizing.CLOSE_POSITION, Side.SELL, MODEL, held, PRICE, usdt("0"),
                () -> usdt("10"))).isEqualTo(new Quantity(99, 3));
    }

    @Test
    void aFixedSellLargerThanTheHeldPositionSellsWhatIsHeldRoundedDownToTheStep() {
        Quantity held = new Quantity(999, 4);
        assertThat(PositionSizer.size(new Sizing.FixedQuantity(new Quantity(100, 3)), Side.SELL, MODEL, held, PRICE,
                usdt("0"), () -> usdt("10"))).isEqualTo(new Quantity(99, 3));
        assertThat(PositionSizer.size(new Sizing.FixedQuantity(new Quantity(50, 3)), Side.SELL, MODEL, held, PRICE,
                usdt("0"), () -> usdt("10"))).as("less than held: as asked").isEqualTo(new Quantity(50, 3));
    }

    @Test
    void whatIsLeftBelowOneStepIsDustTheStrategySeesFlat() {
        // after the sell of 0.099: 0.0999 - 0.099 = 0.0009 < 0.001
        assertThat(PositionSizer.strategyView(new Quantity(9, 4), MODEL.rules())).isEqualTo(new Quantity(0, 4));
        assertThat(PositionSizer.strategyView(new Quantity(10, 4), MODEL.rules())).as("one whole step")
                .isEqualTo(new Quantity(10, 4));
        assertThat(PositionSizer.strategyView(new Quantity(999, 4), MODEL.rules()))
                .isEqualTo(new Quantity(999, 4));
        assertThat(PositionSizer.strategyView(new Quantity(0, 3), MODEL.rules())).isEqualTo(new Quantity(0, 3));
    }

    @Test
    void aSellablePartWorthLessThanTheVenuesMinimumNotionalIsDustToo() {
        io.vavr.control.Option<BigDecimal> five = io.vavr.control.Option.some(new BigDecimal("5"));
        Price hundred = Price.parse("100.00", 2).get();
        // 0.0499 held, 0.049 on the step: worth 4.90 < 5
        assertThat(PositionSizer.strategyView(new Quantity(499, 4), MODEL.rules(), five, hundred))
                .isEqualTo(new Quantity(0, 4));
        // 0.0500 worth 5.00: sellable, edge included
        assertThat(PositionSizer.strategyView(new Quantity(500, 4), MODEL.rules(), five, hundred))
                .isEqualTo(new Quantity(500, 4));
        assertThat(PositionSizer.strategyView(new Quantity(499, 4), MODEL.rules(), io.vavr.control.Option.none(),
                hundred)).as("no minimum: only the step").isEqualTo(new Quantity(499, 4));
        assertThat(PositionSizer.strategyView(new Quantity(499, 4), MODEL.rules(), five, null))
                .as("no price yet: not judged").isEqualTo(new Quantity(499, 4));
    }
}
