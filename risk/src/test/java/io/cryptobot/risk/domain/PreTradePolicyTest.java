package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.account;
import static io.cryptobot.risk.domain.Fixtures.buy;
import static io.cryptobot.risk.domain.Fixtures.reduceOnly;
import static io.cryptobot.risk.domain.Fixtures.sell;
import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class PreTradePolicyTest {
    private final PreTradePolicy policy = new PreTradePolicy(RiskLimits.none()
            .withMaxOrderNotional(usdt("2000"))
            .withMaxPositionShare(Share.ofPercent(25))
            .withMaxOpenOrders(3)
            .withMaxDailyLoss(usdt("500")));

    @Test
    void an_order_within_every_limit_is_allowed_listing_the_rules_checked_in_order() {
        // 0.05 x 40,000 = 2,000 notional (= limit); position 2,000 = 20% of 10,000; 0 + 1 orders <= 3
        assertThat(policy.check(buy("0.05", "40000"), account(), TradingState.ACTIVE).get().checked())
                .containsExactly(RuleId.TRADING_STATE, RuleId.MAX_DAILY_LOSS, RuleId.MAX_ORDER_NOTIONAL,
                        RuleId.MAX_POSITION_SHARE, RuleId.MAX_OPEN_ORDERS);
    }

    @Test
    void every_refusing_rule_is_reported_in_the_policy_order() {
        // 0.07 x 40,000 = 2,800 > 2,000 notional; 2,800 = 28% > 25%; 3 + 1 > 3 orders
        PreTradeRefusal refusal = policy.check(buy("0.07", "40000"), account("0", 3, "0"), TradingState.ACTIVE)
                .getLeft();

        assertThat(refusal.refusals().map(RiskRefusal::rule))
                .containsExactly(RuleId.MAX_ORDER_NOTIONAL, RuleId.MAX_POSITION_SHARE, RuleId.MAX_OPEN_ORDERS);
        assertThat(refusal.first().rule()).isEqualTo(RuleId.MAX_ORDER_NOTIONAL);
        assertThat(refusal.reason()).startsWith("max_order_notional: order notional 2800 USDT exceeds");
    }

    @Test
    void a_halted_account_refuses_even_a_reducing_order() {
        PreTradeRefusal refusal = policy.check(sell("0.01", "40000"), account("0.02", 0, "0"), TradingState.HALTED)
                .getLeft();

        assertThat(refusal.refusals()).containsExactly(new RiskRefusal(RuleId.TRADING_STATE,
                "trading is halted; no order may be placed until it is resumed"));
    }

    @Test
    void a_reducing_account_allows_a_reducing_order() {
        assertThat(policy.check(sell("0.01", "40000"), account("0.02", 0, "0"), TradingState.REDUCING).get().checked())
                .startsWith(RuleId.TRADING_STATE, RuleId.REDUCE_ONLY);
    }

    @Test
    void a_reducing_account_refuses_an_order_that_adds_to_the_position() {
        PreTradeRefusal refusal = policy.check(buy("0.01", "40000"), account("0.02", 0, "0"), TradingState.REDUCING)
                .getLeft();

        assertThat(refusal.refusals().map(RiskRefusal::reason))
                .containsExactly("trading is reducing: order to buy 0.01 BTC would increase the long 0.02 BTC position");
    }

    @Test
    void the_reduce_only_rule_runs_only_for_reduce_only_orders_while_active() {
        assertThat(policy.check(reduceOnly(sell("0.01", "40000")), account("0.02", 0, "0"), TradingState.ACTIVE)
                .get().checked()).contains(RuleId.REDUCE_ONLY);
        assertThat(policy.check(sell("0.01", "40000"), account("0.02", 0, "0"), TradingState.ACTIVE)
                .get().checked()).doesNotContain(RuleId.REDUCE_ONLY);
    }

    @Test
    void after_the_daily_loss_limit_new_risk_is_refused_but_closing_is_allowed() {
        // -500 <= -500: buying adds risk, selling the long 0.02 closes it
        assertThat(policy.check(buy("0.01", "40000"), account("0.02", 0, "-500"), TradingState.ACTIVE).getLeft()
                .first().rule()).isEqualTo(RuleId.MAX_DAILY_LOSS);
        assertThat(policy.check(sell("0.02", "40000"), account("0.02", 0, "-500"), TradingState.ACTIVE).isRight())
                .isTrue();
    }

    @Test
    void while_openings_are_blocked_an_order_that_opens_or_adds_is_refused_with_the_reason() {
        Option<String> stale = Option.some("the live feed is stale");

        PreTradeRefusal opening = policy.check(buy("0.01", "40000"), account(), TradingState.ACTIVE, stale).getLeft();
        PreTradeRefusal adding = policy.check(buy("0.01", "40000"), account("0.02", 0, "0"), TradingState.ACTIVE,
                stale).getLeft();

        assertThat(opening.refusals()).containsExactly(new RiskRefusal(RuleId.OPENING_BLOCKED,
                "no new positions (the live feed is stale): order to buy 0.01 BTC would open a position"));
        assertThat(adding.first().reason()).isEqualTo(
                "no new positions (the live feed is stale): order to buy 0.01 BTC would add to the position");
    }

    @Test
    void while_openings_are_blocked_a_reducing_order_passes_but_not_one_that_flips_the_position() {
        Option<String> halted = Option.some("BTC/USDT is halted on its venue");

        assertThat(policy.check(sell("0.02", "40000"), account("0.02", 0, "0"), TradingState.ACTIVE, halted).get()
                .checked()).containsSubsequence(RuleId.TRADING_STATE, RuleId.OPENING_BLOCKED);
        assertThat(policy.check(sell("0.03", "40000"), account("0.02", 0, "0"), TradingState.ACTIVE, halted)
                .getLeft().first().reason()).endsWith("would flip the position");
        assertThat(policy.check(buy("0.01", "40000"), account(), TradingState.ACTIVE, Option.none()).get()
                .checked()).doesNotContain(RuleId.OPENING_BLOCKED);
    }

    @Test
    void without_limits_only_the_trading_state_is_checked() {
        assertThat(new PreTradePolicy(RiskLimits.none()).check(buy("100", "40000"), account(), TradingState.ACTIVE)
                .get().checked()).isEqualTo(List.of(RuleId.TRADING_STATE));
    }
}
