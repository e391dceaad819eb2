package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.BTC_USDT;
import static io.cryptobot.risk.domain.Fixtures.USDT;
import static io.cryptobot.risk.domain.Fixtures.account;
import static io.cryptobot.risk.domain.Fixtures.buy;
import static io.cryptobot.risk.domain.Fixtures.qty;
import static io.cryptobot.risk.domain.Fixtures.sell;
import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Venue;
import io.vavr.control.Option;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equity 10,000 USDT in every example; BTC held on two venues counts as one asset. */
class ExposureAndRateRulesTest {
    static final InstrumentId BTC_USDT_OTHER_VENUE = new InstrumentId(new Venue("OTHER"), new Asset("BTC"), USDT);
    private final RiskRule exposure = RiskRules.maxAssetExposure(Share.ofPercent(30));

    @Test
    void exposure_counts_the_asset_across_instruments_and_allows_exactly_the_limit() {
        // held 0.03 + 0.02 = 0.05 BTC; buying 0.025 makes 0.075 x 40,000 = 3,000 = 30 % of 10,000: allowed
        AccountSnapshot account = new AccountSnapshot(usdt("10000"), Map.of(BTC_USDT, qty("0.03"),
                BTC_USDT_OTHER_VENUE, qty("0.02")), 0, usdt("0"), usdt("10000"));
        assertThat(exposure.check(buy("0.025", "40000"), account).isRight()).isTrue();
        // 0.02501 more: 0.07501 x 40,000 = 3,000.40 > 3,000: refused, with the figures
        var refused = exposure.check(buy("0.02501", "40000"), account);
        assertThat(refused.getLeft().rule()).isEqualTo(RuleId.MAX_ASSET_EXPOSURE);
        assertThat(refused.getLeft().reason()).isEqualTo(
                "BTC exposure would be 30.00% of equity, limit 30% (0.07501 BTC worth 3000.4 of 10000 USDT)");
    }

    @Test
    void an_order_that_shrinks_the_holding_always_passes() {
        // 0.5 BTC held (20,000 at 40,000: 200 % of equity), selling 0.1 reduces it
        assertThat(exposure.check(sell("0.1", "40000"), account("0.5", 0, "0")).isRight()).isTrue();
        assertThat(exposure.check(buy("0.00001", "40000"), account("0.5", 0, "0")).isLeft()).isTrue();
    }

    @Test
    void the_order_rate_counts_the_last_minute_including_this_order() {
        RiskRule rate = RiskRules.maxOrderRate(3);
        AccountSnapshot twoRecent = new AccountSnapshot(usdt("10000"), Map.of(), 0, usdt("0"), usdt("10000"), 2);
        AccountSnapshot threeRecent = new AccountSnapshot(usdt("10000"), Map.of(), 0, usdt("0"), usdt("10000"), 3);
        assertThat(rate.check(buy("0.01", "40000"), twoRecent).isRight()).isTrue();
        assertThat(rate.check(buy("0.01", "40000"), threeRecent).getLeft().reason())
                .isEqualTo("3 orders were placed in the last minute, the limit is 3 a minute including this one");
    }

    @Test
    void the_policy_applies_both_when_they_are_set() {
        RiskLimits limits = new RiskLimits(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
                Option.some(Share.ofPercent(10)), Option.some(1));
        AccountSnapshot busy = new AccountSnapshot(usdt("10000"), Map.of(), 0, usdt("0"), usdt("10000"), 1);
        var refusal = new PreTradePolicy(limits).check(buy("0.05", "40000"), busy, TradingState.ACTIVE).getLeft();
        // 0.05 x 40,000 = 2,000 = 20 % > 10 %, and one order already this minute
        assertThat(refusal.refusals().map(RiskRefusal::rule))
                .containsExactly(RuleId.MAX_ASSET_EXPOSURE, RuleId.MAX_ORDER_RATE);
    }
}
