package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.TimeInForce;
import static io.cryptobot.exchange.domain.fill.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FillModelTest {

    private static final FillModel NO_SLIPPAGE = model(SlippageModel.none());

    private static FillOutcome.Filled filled(Either<FillRefused, FillOutcome> result) {
        assertThat(result.isRight()).as("not refused: %s", result).isTrue();
        assertThat(result.get()).isInstanceOf(FillOutcome.Filled.class);
        return (FillOutcome.Filled) result.get();
    }

    private static FillOutcome outcome(Either<FillRefused, FillOutcome> result) {
        assertThat(result.isRight()).as("not refused: %s", result).isTrue();
        return result.get();
    }

    @Nested
    class MarketOrders {

        @Test
        void a_market_buy_fills_whole_at_the_next_open_plus_fixed_slippage_and_pays_the_taker_fee() {
            // 100.00 * (1 + 10/10000) = 100.10; fee 0.5 * 100.10 * 0.001 = 0.05005 USDT
            var result = model(SlippageModel.fixedBasisPoints(10))
                    .evaluate(SimulatedOrder.market(Side.BUY, qty("0.5")), candle("100.00", "103", "97", "102", "2"), RICH);

            var filled = filled(result);
            assertThat(filled.fill()).isEqualTo(new SimulatedFill(qty("0.5"), price("100.10"), usdt("0.05005"), LiquiditySide.TAKER));
            assertThat(filled.remaining().units()).isZero();
            assertThat(filled.expired().units()).isZero();
        }

        @Test
        void a_market_sell_receives_the_open_less_slippage() {
            // 100.00 * (1 - 10/10000) = 99.90; fee 0.5 * 99.90 * 0.001 = 0.04995
            var filled = filled(model(SlippageModel.fixedBasisPoints(10))
                    .evaluate(SimulatedOrder.market(Side.SELL, qty("0.5")), candle("100.00", "103", "97", "102", "2"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("99.90"));
            assertThat(filled.fill().fee()).isEqualTo(usdt("0.04995"));
        }

        @Test
        void a_slipped_price_off_the_tick_is_rounded_against_the_trader() {
            // buy: 100.03 * 1.0007 = 100.100021 -> up to 100.11; sell: 100.03 * 0.9993 = 99.959979 -> down to 99.95
            var model = model(SlippageModel.fixedBasisPoints(7));
            Candle next = candle("100.03", "101", "99", "100", "2");

            assertThat(filled(model.evaluate(SimulatedOrder.market(Side.BUY, qty("0.5")), next, RICH)).fill().price())
                    .isEqualTo(price("100.11"));
            assertThat(filled(model.evaluate(SimulatedOrder.market(Side.SELL, qty("0.5")), next, RICH)).fill().price())
                    .isEqualTo(price("99.95"));
        }

        @Test
        void slippage_proportional_to_size_over_volume_grows_with_the_order_and_stops_at_its_cap() {
            // k = 100 bps: 0.5 of 2.0 traded -> 25 bps -> 100.00 * 1.0025 = 100.25
            // 0.5 of 0.5 traded -> 100 bps, capped at 50 bps -> 100.50
            var model = model(SlippageModel.proportionalToVolume(100, 50));
            var order = SimulatedOrder.market(Side.BUY, qty("0.5"));

            assertThat(filled(model.evaluate(order, candle("100.00", "101", "99", "100", "2"), RICH)).fill().price())
                    .isEqualTo(price("100.25"));
            assertThat(filled(model.evaluate(order, candle("100.00", "101", "99", "100", "0.5"), RICH)).fill().price())
                    .isEqualTo(price("100.50"));
        }

        @Test
        void a_market_order_fills_whole_steps_and_gives_up_the_part_below_one_step() {
            // step 0.05: 0.12 -> 0.10 filled, 0.02 expired
            var steps = new InstrumentRules(BTC_USDT, price("0.01"), Quantity.parse("0.05", 2).get());
            var model = new FillModel(steps, FEES, SlippageModel.none(), TEN_PERCENT);

            var filled = filled(model.evaluate(SimulatedOrder.market(Side.BUY, Quantity.parse("0.12", 2).get()),
                    candle("100.00", "101", "99", "100", "10"), RICH));

            assertThat(filled.fill().quantity()).isEqualTo(Quantity.parse("0.10", 2).get());
            assertThat(filled.expired()).isEqualTo(Quantity.parse("0.02", 2).get());
        }

        @Test
        void nothing_fills_against_a_candle_where_nothing_traded() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.market(Side.BUY, qty("0.5")),
                    candle("100.00", "100.00", "100.00", "100.00", "0"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.ZERO_VOLUME, false));
        }
    }

    @Nested
    class LimitOrders {

        @Test
        void a_buy_limit_the_candle_trades_through_fills_at_the_limit_as_maker() {
            // low 98.50 < 99.00; maker fee 0.5 * 99.00 * 0.0002 = 0.0099
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC),
                    candle("100.00", "100.50", "98.50", "99.50", "10"), RICH));

            assertThat(filled.fill()).isEqualTo(new SimulatedFill(qty("0.5"), price("99.00"), usdt("0.0099"), LiquiditySide.MAKER));
        }

        @Test
        void a_buy_limit_the_candle_opens_below_fills_at_the_open_as_taker() {
            // marketable on arrival: 98.00 <= 99.00; taker fee 0.5 * 98.00 * 0.001 = 0.049
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC),
                    candle("98.00", "98.80", "97.50", "98.20", "10"), RICH));

            assertThat(filled.fill()).isEqualTo(new SimulatedFill(qty("0.5"), price("98.00"), usdt("0.049"), LiquiditySide.TAKER));
        }

        @Test
        void a_resting_buy_limit_the_market_gaps_through_fills_at_its_own_limit_as_maker() {
            // on the book since an earlier candle; the market opens at 98.00 below the 99.00 bid: the resting bid
            // is matched at 99.00 (the improvement goes to the incoming seller); maker fee 0.5 * 99.00 * 0.0002 = 0.0099
            var resting = SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC).asResting();
            var filled = filled(NO_SLIPPAGE.evaluate(resting, candle("98.00", "98.80", "97.50", "98.20", "10"), RICH));

            assertThat(filled.fill()).isEqualTo(new SimulatedFill(qty("0.5"), price("99.00"), usdt("0.0099"), LiquiditySide.MAKER));
        }

        @Test
        void a_partly_filled_limit_rests_so_its_next_gap_fill_is_at_its_limit() {
            // 0.2 of 0.5 filled earlier; the remaining 0.3 rests at 99.00; a gap open at 98.00 fills it at 99.00
            var partly = SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC).withFilled(qty("0.2"));
            var filled = filled(NO_SLIPPAGE.evaluate(partly, candle("98.00", "98.80", "97.50", "98.20", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("99.00"));
            assertThat(filled.fill().liquidity()).isEqualTo(LiquiditySide.MAKER);
        }

        @Test
        void a_limit_only_touched_is_not_filled_because_the_queue_ahead_of_it_is_unknown() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC),
                    candle("100.00", "100.50", "99.00", "99.50", "10"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.PRICE_NOT_REACHED, false));
        }

        @Test
        void a_sell_limit_fills_when_the_high_trades_through_it() {
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.SELL, qty("0.5"), price("101.00"), TimeInForce.GTC),
                    candle("100.00", "101.50", "99.50", "101.20", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("101.00"));
            assertThat(filled.fill().liquidity()).isEqualTo(LiquiditySide.MAKER);
        }

        @Test
        void a_limit_price_off_the_tick_is_read_in_the_traders_favour_so_the_fill_never_breaks_it() {
            // buy limit 99.005 on a 0.01 tick -> 99.00; sell limit 100.995 -> 101.00
            var buy = SimulatedOrder.limit(Side.BUY, qty("0.5"), Price.parse("99.005", 3).get(), TimeInForce.GTC);
            var sell = SimulatedOrder.limit(Side.SELL, qty("0.5"), Price.parse("100.995", 3).get(), TimeInForce.GTC);
            Candle wide = candle("100.00", "102.00", "98.00", "100.00", "10");

            assertThat(filled(NO_SLIPPAGE.evaluate(buy, wide, RICH)).fill().price()).isEqualTo(price("99.00"));
            assertThat(filled(NO_SLIPPAGE.evaluate(sell, wide, RICH)).fill().price()).isEqualTo(price("101.00"));
        }

        @Test
        void a_resting_limit_the_candle_does_not_reach_stays_open() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.SELL, qty("0.5"), price("101.00"), TimeInForce.GTC),
                    candle("100.00", "100.90", "99.00", "100.50", "10"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.PRICE_NOT_REACHED, false));
        }

        @Test
        void a_limit_fill_takes_at_most_its_share_of_the_volume_and_the_rest_fills_on_the_next_candle() {
            // cap 10% of 2.0 = 0.2 of 0.5; then 10% of 5.0 = 0.5 covers the remaining 0.3
            var order = SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC);
            var first = filled(NO_SLIPPAGE.evaluate(order, candle("100.00", "100.50", "98.50", "99.50", "2"), RICH));
            assertThat(first.fill().quantity()).isEqualTo(qty("0.2"));
            assertThat(first.remaining()).isEqualTo(qty("0.3"));

            var second = filled(NO_SLIPPAGE.evaluate(order.withFilled(qty("0.2")),
                    candle("99.50", "100.00", "98.00", "99.00", "5"), RICH));
            assertThat(second.fill().quantity()).isEqualTo(qty("0.3"));
            assertThat(second.remaining().units()).isZero();
        }

        @Test
        void a_partial_fill_is_rounded_down_to_the_quantity_step() {
            // step 0.01: 10% of 1.2345 = 0.12345 -> 0.12
            var coarse = new InstrumentRules(BTC_USDT, price("0.01"), Quantity.parse("0.01", 2).get());
            var model = new FillModel(coarse, FEES, SlippageModel.none(), TEN_PERCENT);
            var order = SimulatedOrder.limit(Side.BUY, Quantity.parse("1", 2).get(), price("99.00"), TimeInForce.GTC);

            var filled = filled(model.evaluate(order, candle("100.00", "100.50", "98.50", "99.50", "1.2345"),
                    new Balances(new io.cryptobot.kernel.domain.Money(100_000_0000L, 4, USDT),
                            new io.cryptobot.kernel.domain.Money(0, 2, BTC))));

            assertThat(filled.fill().quantity()).isEqualTo(Quantity.parse("0.12", 2).get());
            assertThat(filled.remaining()).isEqualTo(Quantity.parse("0.88", 2).get());
        }

        @Test
        void a_share_of_volume_below_one_step_leaves_the_order_open() {
            // 10% of 0.0009 = 0.00009 -> 0 steps of 0.0001
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.GTC),
                    candle("100.00", "100.50", "98.50", "99.50", "0.0009"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.VOLUME_TOO_SMALL, false));
        }

        @Test
        void an_immediate_or_cancel_order_fills_what_the_first_candle_allows_and_expires_the_rest() {
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.IOC),
                    candle("100.00", "100.50", "98.50", "99.50", "2"), RICH));

            assertThat(filled.fill().quantity()).isEqualTo(qty("0.2"));
            assertThat(filled.remaining().units()).isZero();
            assertThat(filled.expired()).isEqualTo(qty("0.3"));
        }

        @Test
        void an_immediate_or_cancel_order_whose_price_is_not_reached_expires_whole() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.IOC),
                    candle("100.00", "100.50", "99.50", "99.80", "2"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.Expired(NoFillReason.PRICE_NOT_REACHED, qty("0.5"), false));
        }

        @Test
        void a_fill_or_kill_order_expires_whole_when_the_volume_share_cannot_cover_it() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.FOK),
                    candle("100.00", "100.50", "98.50", "99.50", "2"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.Expired(NoFillReason.CANNOT_FILL_WHOLE, qty("0.5"), false));
        }

        @Test
        void a_fill_or_kill_order_fills_whole_when_the_volume_share_covers_it() {
            // 10% of 5.0 = 0.5
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.FOK),
                    candle("100.00", "100.50", "98.50", "99.50", "5"), RICH));

            assertThat(filled.fill().quantity()).isEqualTo(qty("0.5"));
        }

        @Test
        void an_immediate_or_cancel_order_on_a_candle_without_trades_expires() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.limit(Side.BUY, qty("0.5"), price("99.00"), TimeInForce.IOC),
                    candle("98.00", "98.00", "98.00", "98.00", "0"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.Expired(NoFillReason.ZERO_VOLUME, qty("0.5"), false));
        }
    }

    @Nested
    class StopAndTakeProfitOrders {

        @Test
        void a_sell_stop_gapped_through_fills_at_the_worse_open() {
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.stopMarket(Side.SELL, qty("0.5"), price("95.00")),
                    candle("90.00", "91.00", "89.00", "90.50", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("90.00"));
            assertThat(filled.fill().liquidity()).isEqualTo(LiquiditySide.TAKER);
            assertThat(filled.triggered()).isTrue();
        }

        @Test
        void a_sell_stop_reached_inside_the_candle_fills_at_its_trigger_less_slippage() {
            // 95.00 * (1 - 10/10000) = 94.905 -> down to 94.90
            var filled = filled(model(SlippageModel.fixedBasisPoints(10)).evaluate(
                    SimulatedOrder.stopMarket(Side.SELL, qty("0.5"), price("95.00")),
                    candle("100.00", "100.50", "94.00", "96.00", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("94.90"));
        }

        @Test
        void a_sell_stop_above_the_low_is_not_triggered() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.stopMarket(Side.SELL, qty("0.5"), price("95.00")),
                    candle("100.00", "100.50", "95.01", "96.00", "10"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.NOT_TRIGGERED, false));
        }

        @Test
        void a_buy_stop_triggers_when_the_high_reaches_it() {
            var model = NO_SLIPPAGE;
            var order = SimulatedOrder.stopMarket(Side.BUY, qty("0.5"), price("105.00"));

            assertThat(filled(model.evaluate(order, candle("100.00", "105.00", "99.00", "104.00", "10"), RICH)).fill().price())
                    .isEqualTo(price("105.00"));
            assertThat(filled(model.evaluate(order, candle("107.00", "108.00", "106.00", "107.50", "10"), RICH)).fill().price())
                    .as("gapped above the trigger: the worse open").isEqualTo(price("107.00"));
        }

        @Test
        void a_sell_take_profit_triggers_on_a_rise_and_acts_as_a_market_order() {
            var order = SimulatedOrder.takeProfit(Side.SELL, qty("0.5"), price("110.00"));

            var atTrigger = filled(NO_SLIPPAGE.evaluate(order, candle("100.00", "111.00", "99.00", "110.50", "10"), RICH));
            assertThat(atTrigger.fill().price()).isEqualTo(price("110.00"));
            assertThat(atTrigger.fill().liquidity()).isEqualTo(LiquiditySide.TAKER);
            assertThat(filled(NO_SLIPPAGE.evaluate(order, candle("112.00", "113.00", "111.00", "112.50", "10"), RICH)).fill().price())
                    .as("gapped above the trigger: the better open").isEqualTo(price("112.00"));
            assertThat(outcome(NO_SLIPPAGE.evaluate(order, candle("100.00", "105.00", "90.00", "95.00", "10"), RICH)))
                    .as("a fall does not take profit").isEqualTo(new FillOutcome.NoFill(NoFillReason.NOT_TRIGGERED, false));
        }

        @Test
        void a_stop_limit_triggered_inside_the_candle_fills_at_its_trigger_when_that_satisfies_the_limit() {
            // sell stop 95 limit 94: at the trigger the market is at 95 >= 94, a marketable limit: taker at 95
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.stopLimit(Side.SELL, qty("0.5"), price("95.00"), price("94.00")),
                    candle("100.00", "100.50", "93.00", "94.50", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("95.00"));
            assertThat(filled.fill().liquidity()).isEqualTo(LiquiditySide.TAKER);
            assertThat(filled.triggered()).isTrue();
        }

        @Test
        void a_stop_limit_gapped_past_its_limit_is_triggered_and_rests_until_the_market_comes_back() {
            // sell stop 95 limit 94, open 90: triggered, but the high 93 never trades through 94
            var order = SimulatedOrder.stopLimit(Side.SELL, qty("0.5"), price("95.00"), price("94.00"));
            var result = NO_SLIPPAGE.evaluate(order, candle("90.00", "93.00", "89.00", "92.00", "10"), RICH);
            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.PRICE_NOT_REACHED, true));

            var later = filled(NO_SLIPPAGE.evaluate(order.asTriggered(), candle("92.00", "94.50", "91.00", "94.20", "10"), RICH));
            assertThat(later.fill().price()).isEqualTo(price("94.00"));
            assertThat(later.fill().liquidity()).isEqualTo(LiquiditySide.MAKER);
            assertThat(later.triggered()).isFalse();
        }

        @Test
        void a_stop_limit_whose_limit_is_not_marketable_at_the_trigger_waits_for_the_next_candle() {
            // sell stop 95 limit 96: after an intra-candle trigger we cannot know whether 96 traded again
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.stopLimit(Side.SELL, qty("0.5"), price("95.00"), price("96.00")),
                    candle("100.00", "100.50", "94.00", "97.00", "10"), RICH);

            assertThat(outcome(result)).isEqualTo(new FillOutcome.NoFill(NoFillReason.PRICE_NOT_REACHED, true));
        }
        @Test
        void a_buy_take_profit_triggers_on_a_fall_to_its_trigger() {
            var filled = filled(NO_SLIPPAGE.evaluate(SimulatedOrder.takeProfit(Side.BUY, qty("0.5"), price("90.00")),
                    candle("100.00", "101.00", "89.00", "92.00", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("90.00"));
        }

        @Test
        void a_stop_market_already_triggered_fills_at_the_next_open_like_a_market_order() {
            var order = SimulatedOrder.stopMarket(Side.SELL, qty("0.5"), price("95.00")).asTriggered();

            var filled = filled(NO_SLIPPAGE.evaluate(order, candle("97.00", "98.00", "96.00", "97.50", "10"), RICH));

            assertThat(filled.fill().price()).isEqualTo(price("97.00"));
            assertThat(filled.triggered()).isFalse();
        }
    }

    @Nested
    class FeesAndBalances {

        @Test
        void a_fee_charged_in_base_reduces_the_base_a_buy_receives_and_is_not_added_to_its_cost() {
            // fee 0.5 * 0.001 = 0.0005 BTC; cost 0.5 * 100.00 = 50.00 USDT fits a 50.00 balance exactly
            var model = new FillModel(RULES, new FeeSchedule(Rate.basisPoints(2), Rate.basisPoints(10), FeeAsset.BASE),
                    SlippageModel.none(), TEN_PERCENT);

            var filled = filled(model.evaluate(SimulatedOrder.market(Side.BUY, qty("0.5")),
                    candle("100.00", "101", "99", "100", "10"), balances("50", "0")));

            assertThat(filled.fill().fee()).isEqualTo(btc("0.0005"));
        }

        @Test
        void a_base_fee_finer_than_the_quantity_step_is_rounded_up() {
            // 0.0003 * 0.001 = 0.0000003 BTC -> up to 0.0001 at quantity scale 4
            var model = new FillModel(RULES, new FeeSchedule(Rate.basisPoints(2), Rate.basisPoints(10), FeeAsset.BASE),
                    SlippageModel.none(), TEN_PERCENT);

            var filled = filled(model.evaluate(SimulatedOrder.market(Side.BUY, qty("0.0003")),
                    candle("100.00", "101", "99", "100", "10"), RICH));

            assertThat(filled.fill().fee()).isEqualTo(btc("0.0001"));
        }

        @Test
        void a_sell_paying_its_fee_in_base_needs_the_quantity_plus_the_fee() {
            // 0.5 + 0.5 * 0.001 = 0.5005 BTC needed, 0.5 available
            var model = new FillModel(RULES, new FeeSchedule(Rate.basisPoints(2), Rate.basisPoints(10), FeeAsset.BASE),
                    SlippageModel.none(), TEN_PERCENT);

            var result = model.evaluate(SimulatedOrder.market(Side.SELL, qty("0.5")),
                    candle("100.00", "101", "99", "100", "10"), balances("0", "0.5"));

            assertThat(result.getLeft().required()).isEqualTo(btc("0.5005"));
        }

        @Test
        void a_buy_whose_cost_and_fee_exceed_the_quote_balance_is_refused_whole() {
            // cost 0.5 * 100.10 = 50.05, fee 0.05005: 50.10005 needed
            var model = model(SlippageModel.fixedBasisPoints(10));
            var order = SimulatedOrder.market(Side.BUY, qty("0.5"));
            Candle next = candle("100.00", "101", "99", "100", "10");

            var refused = model.evaluate(order, next, balances("50.10", "0"));
            assertThat(refused.getLeft()).isEqualTo(new FillRefused("insufficient USDT balance", usdt("50.10005"), usdt("50.10")));
            assertThat(model.evaluate(order, next, balances("50.10005", "0")).isRight()).isTrue();
        }

        @Test
        void a_sell_of_more_base_than_available_is_refused() {
            var result = NO_SLIPPAGE.evaluate(SimulatedOrder.market(Side.SELL, qty("0.5")),
                    candle("100.00", "101", "99", "100", "10"), balances("0", "0.4"));

            assertThat(result.getLeft().required()).isEqualTo(btc("0.5"));
        }

        @Test
        void a_quote_fee_finer_than_the_quote_scale_is_rounded_up_against_the_trader() {
            // price scale 8, quantity scale 8: quote scale capped at 12. 1e-8 * 1e-8 * 0.001 = 1e-19 -> 1e-12
            var fine = new InstrumentRules(BTC_USDT, Price.parse("0.00000001", 8).get(), Quantity.parse("0.00000001", 8).get());
            var model = new FillModel(fine, FEES, SlippageModel.none(), Rate.parse("1").get());
            Price tiny = Price.parse("0.00000001", 8).get();
            var next = new Candle(0, tiny, tiny, tiny, tiny, Quantity.parse("1", 8).get());

            var filled = filled(model.evaluate(SimulatedOrder.market(Side.BUY, Quantity.parse("0.00000001", 8).get()), next,
                    new Balances(new io.cryptobot.kernel.domain.Money(1, 0, USDT), new io.cryptobot.kernel.domain.Money(0, 8, BTC))));

            assertThat(filled.fill().fee()).isEqualTo(new io.cryptobot.kernel.domain.Money(1, 12, USDT));
        }
    }

    @Nested
    class Inputs {

        @Test
        void a_limit_order_without_a_limit_price_cannot_exist() {
            assertThatThrownBy(() -> new SimulatedOrder(Side.BUY, OrderType.LIMIT, qty("1"),
                    io.vavr.control.Option.none(), io.vavr.control.Option.none(), TimeInForce.GTC, qty("0"), false, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rates_are_read_from_decimal_text_and_never_negative() {
            assertThat(Rate.parse("0.00075").get().units()).isEqualTo(750_000_000L);
            assertThat(Rate.parse("-0.001").isLeft()).isTrue();
        }
    }
}
