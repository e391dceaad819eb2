package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.account;
import static io.cryptobot.risk.domain.Fixtures.buy;
import static io.cryptobot.risk.domain.Fixtures.reduceOnly;
import static io.cryptobot.risk.domain.Fixtures.sell;
import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    @Nested
    class MaxOrderNotional {
        private final RiskRule rule = RiskRules.maxOrderNotional(usdt("2000"));

        @Test
        void an_order_exactly_at_the_notional_limit_is_allowed() {
            // 0.05 x 40,000 = 2,000 = limit
            assertThat(rule.check(buy("0.05", "40000"), account()))
                    .isEqualTo(Either.right(new Allowance(RuleId.MAX_ORDER_NOTIONAL)));
        }

        @Test
        void an_order_one_quantity_unit_above_the_limit_is_refused_with_its_notional() {
            // 0.05001 x 40,000 = 2,000.40 > 2,000
            Either<RiskRefusal, Allowance> outcome = rule.check(buy("0.05001", "40000"), account());

            assertThat(outcome.getLeft().rule()).isEqualTo(RuleId.MAX_ORDER_NOTIONAL);
            assertThat(outcome.getLeft().reason()).isEqualTo("order notional 2000.4 USDT exceeds the limit of 2000 USDT");
        }

        @Test
        void an_order_one_price_unit_above_the_limit_is_refused_exactly() {
            // 0.05 x 40,000.01 = 2,000.0005 > 2,000: a rounding to cents would have let it through
            assertThat(rule.check(sell("0.05", "40000.01"), account()).getLeft().reason())
                    .startsWith("order notional 2000.0005 USDT");
        }
    }

    @Test
    void an_order_valued_in_another_currency_than_the_limit_is_refused() {
        RiskRule euroLimit = RiskRules.maxOrderNotional(new io.cryptobot.kernel.domain.Money(100_000, 2,
                new io.cryptobot.kernel.domain.Asset("EUR")));

        assertThat(euroLimit.check(buy("0.01", "40000"), account()).getLeft().reason())
                .isEqualTo("order is valued in USDT but the notional limit is in EUR");
    }

    @Nested
    class MaxPositionShare {
        private final RiskRule rule = RiskRules.maxPositionShare(Share.ofPercent(25));

        @Test
        void a_buy_that_keeps_the_position_within_its_share_of_equity_is_allowed() {
            // (0.01 + 0.05) x 40,000 = 2,400 = 24% of 10,000
            assertThat(rule.check(buy("0.05", "40000"), account("0.01", 0, "0")).isRight()).isTrue();
        }

        @Test
        void a_buy_exactly_at_the_share_limit_is_allowed() {
            // (0.01 + 0.0525) x 40,000 = 2,500 = 25% of 10,000
            assertThat(rule.check(buy("0.0525", "40000"), account("0.01", 0, "0")).isRight()).isTrue();
        }

        @Test
        void a_buy_that_takes_the_position_beyond_its_share_of_equity_is_refused_with_the_share() {
            // (0.01 + 0.06) x 40,000 = 2,800 = 28% of 10,000 > 25%
            RiskRefusal refusal = rule.check(buy("0.06", "40000"), account("0.01", 0, "0")).getLeft();

            assertThat(refusal.ruleId()).isEqualTo("max_position_share");
            assertThat(refusal.reason()).startsWith("position would be 28.00% of equity, limit 25%");
        }

        @Test
        void a_sell_that_reduces_an_oversized_position_is_allowed() {
            // long 0.1 x 40,000 = 4,000 = 40% already; selling 0.02 leaves 32%, still over, but smaller
            assertThat(rule.check(sell("0.02", "40000"), account("0.1", 0, "0")).isRight()).isTrue();
        }

        @Test
        void no_position_may_be_opened_without_positive_equity() {
            AccountSnapshot broke = new AccountSnapshot(usdt("0"), java.util.Map.of(), 0, usdt("0"), usdt("0"));

            assertThat(rule.check(buy("0.001", "40000"), broke).getLeft().reason())
                    .isEqualTo("equity is 0 USDT; no position may be added to");
        }

        @Test
        void a_sell_that_flips_a_long_into_an_oversized_short_is_refused() {
            // 0.01 - 0.08 = -0.07; 0.07 x 40,000 = 2,800 = 28% > 25%
            assertThat(rule.check(sell("0.08", "40000"), account("0.01", 0, "0")).getLeft().reason())
                    .startsWith("position would be 28.00% of equity");
        }
    }

    @Nested
    class MaxOpenOrders {
        private final RiskRule rule = RiskRules.maxOpenOrders(3);

        @Test
        void an_order_that_brings_open_orders_to_the_limit_is_allowed() {
            // 2 open + 1 = 3 = limit
            assertThat(rule.check(buy("0.01", "40000"), account("0", 2, "0")).isRight()).isTrue();
        }

        @Test
        void an_order_beyond_the_open_order_limit_is_refused() {
            // 3 open + 1 = 4 > 3
            assertThat(rule.check(buy("0.01", "40000"), account("0", 3, "0")).getLeft().reason())
                    .isEqualTo("3 orders are open, the limit is 3 including this one");
        }
    }

    @Nested
    class MaxDailyLoss {
        private final RiskRule absolute = RiskRules.maxDailyLoss(RiskLimits.none().withMaxDailyLoss(usdt("500")));
        private final RiskRule relative = RiskRules.maxDailyLoss(RiskLimits.none().withMaxDailyLossShare(Share.ofPercent(3)));

        @Test
        void new_risk_is_allowed_while_the_loss_is_below_the_limit() {
            // -499.99 > -500
            assertThat(absolute.check(buy("0.01", "40000"), account("0", 0, "-499.99")).isRight()).isTrue();
        }

        @Test
        void new_risk_is_refused_once_the_loss_reaches_the_limit_exactly() {
            // -500 <= -500
            assertThat(absolute.check(buy("0.01", "40000"), account("0", 0, "-500")).getLeft().reason())
                    .isEqualTo("day's P&L -500 USDT has reached the daily loss limit of 500 USDT;"
                            + " only position-reducing orders are allowed");
        }

        @Test
        void a_reducing_order_is_allowed_after_the_daily_loss_limit_is_reached() {
            assertThat(absolute.check(sell("0.01", "40000"), account("0.02", 0, "-800")).isRight()).isTrue();
        }

        @Test
        void the_loss_is_also_measured_as_a_share_of_the_day_start_equity() {
            // 3% of 10,000 = 300; -299.99 passes, -300 is refused
            assertThat(relative.check(buy("0.01", "40000"), account("0", 0, "-299.99")).isRight()).isTrue();
            assertThat(relative.check(buy("0.01", "40000"), account("0", 0, "-300")).getLeft().reason())
                    .startsWith("day's P&L -300 USDT is a loss of 3.00% of the day-start equity 10000 USDT, limit 3%");
        }
    }

    @Nested
    class ReduceOnly {
        private final RiskRule rule = RiskRules.reduceOnly();

        @Test
        void a_reduce_only_sell_within_the_long_position_is_allowed() {
            assertThat(rule.check(reduceOnly(sell("0.02", "40000")), account("0.02", 0, "0")).isRight()).isTrue();
        }

        @Test
        void a_reduce_only_sell_beyond_the_long_position_is_refused_saying_by_how_much() {
            // long 0.02, sell 0.05 -> short 0.03
            assertThat(rule.check(reduceOnly(sell("0.05", "40000")), account("0.02", 0, "0")).getLeft().reason())
                    .isEqualTo("reduce-only order to sell 0.05 BTC exceeds the long 0.02 BTC position by 0.03 BTC");
        }

        @Test
        void a_reduce_only_buy_that_adds_to_a_long_is_refused() {
            assertThat(rule.check(reduceOnly(buy("0.01", "40000")), account("0.02", 0, "0")).getLeft().reason())
                    .isEqualTo("reduce-only order to buy 0.01 BTC would increase the long 0.02 BTC position");
        }

        @Test
        void a_reduce_only_order_without_a_position_is_refused() {
            assertThat(rule.check(reduceOnly(buy("0.01", "40000")), account()).getLeft().reason())
                    .endsWith("would open a position; there is none to reduce");
        }

        @Test
        void a_buy_that_covers_part_of_a_short_is_reducing() {
            assertThat(rule.check(reduceOnly(buy("0.01", "40000")), account("-0.03", 0, "0")).isRight()).isTrue();
        }
    }
}
