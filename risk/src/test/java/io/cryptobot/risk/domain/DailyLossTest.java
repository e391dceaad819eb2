package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.META;
import static io.cryptobot.risk.domain.Fixtures.account;
import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.risk.domain.event.TradingStateChanged.TradingHalted;
import org.junit.jupiter.api.Test;

class DailyLossTest {
    private final RiskLimits limits = RiskLimits.none().withMaxDailyLoss(usdt("500"));

    @Test
    void reaching_the_daily_loss_limit_trips_active_trading_to_halted() {
        // -500 <= -500
        TradingHalted halted = DailyLoss.autoHalt(account("0", 0, "-500"), limits, TradingState.ACTIVE, META).get();

        assertThat(halted.from()).isEqualTo(TradingState.ACTIVE);
        assertThat(halted.reason()).isEqualTo("day's P&L -500 USDT has reached the daily loss limit of 500 USDT");
    }

    @Test
    void a_loss_below_the_limit_does_not_halt() {
        // -499.99 > -500
        assertThat(DailyLoss.autoHalt(account("0", 0, "-499.99"), limits, TradingState.ACTIVE, META)).isEmpty();
    }

    @Test
    void a_breach_also_halts_a_reducing_account_but_not_an_already_halted_one() {
        assertThat(DailyLoss.autoHalt(account("0", 0, "-600"), limits, TradingState.REDUCING, META)).isNotEmpty();
        assertThat(DailyLoss.autoHalt(account("0", 0, "-600"), limits, TradingState.HALTED, META)).isEmpty();
    }

    @Test
    void without_daily_loss_limits_nothing_halts() {
        assertThat(DailyLoss.autoHalt(account("0", 0, "-9000"), RiskLimits.none(), TradingState.ACTIVE, META)).isEmpty();
    }

    @Test
    void the_share_limit_halts_when_the_absolute_limit_is_not_reached() {
        // 2% of day-start 10,000 = 200; loss 250 >= 200 while the absolute limit 500 is not reached
        RiskLimits both = limits.withMaxDailyLossShare(Share.ofPercent(2));

        assertThat(DailyLoss.autoHalt(account("0", 0, "-250"), both, TradingState.ACTIVE, META).get().reason())
                .isEqualTo("day's P&L -250 USDT is a loss of 2.50% of the day-start equity 10000 USDT, limit 2% (200 USDT)");
    }
}
