package io.cryptobot.exchange.domain.fill;

import static io.cryptobot.exchange.domain.fill.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BuyableQuantityTest {

    @Test
    void a_budget_buys_whole_steps_after_the_taker_fee() {
        // 10,000 / (40,000 * 1.001) = 0.249750..., down to the step 0.0001
        assertThat(model(SlippageModel.none()).buyableWith(new BigDecimal("10000"), price("40000")))
                .isEqualTo(qty("0.2497"));
    }

    @Test
    void the_worst_slippage_is_reserved_too() {
        // 10,000 / (40,000 * 1.0005 * 1.001) = 10,000 / 40,060.02 = 0.249625...
        assertThat(model(SlippageModel.fixedBasisPoints(5)).buyableWith(new BigDecimal("10000"), price("40000")))
                .isEqualTo(qty("0.2496"));
        // the volume-proportional model reserves its cap (5 bps here) the same way
        assertThat(model(SlippageModel.proportionalToVolume(100, 5)).buyableWith(new BigDecimal("10000"), price("40000")))
                .isEqualTo(qty("0.2496"));
    }

    @Test
    void a_base_asset_fee_costs_no_quote() {
        FillModel baseFee = new FillModel(RULES, new FeeSchedule(Rate.basisPoints(2), Rate.basisPoints(10), FeeAsset.BASE),
                SlippageModel.none(), TEN_PERCENT);
        assertThat(baseFee.buyableWith(new BigDecimal("10000"), price("40000"))).isEqualTo(qty("0.25"));
    }

    @Test
    void nothing_or_less_than_a_step_buys_zero() {
        assertThat(model(SlippageModel.none()).buyableWith(BigDecimal.ZERO, price("40000")).units()).isZero();
        assertThat(model(SlippageModel.none()).buyableWith(new BigDecimal("3"), price("40000")).units()).isZero();
    }

    @Test
    void the_sized_quantity_then_fills_at_an_unchanged_open_within_the_budget() {
        FillModel model = model(SlippageModel.none());
        var quantity = model.buyableWith(new BigDecimal("10000"), price("40000"));
        var outcome = model.evaluate(SimulatedOrder.market(Side.BUY, quantity),
                candle("40000", "40100", "39900", "40050", "10"), balances("10000", "0"));
        // 0.2497 * 40,000 = 9,988 + 9.988 fee = 9,997.988 <= 10,000
        assertThat(outcome.isRight()).isTrue();
        assertThat(outcome.get()).isInstanceOf(FillOutcome.Filled.class);
    }
}
