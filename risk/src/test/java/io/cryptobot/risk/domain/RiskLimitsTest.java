package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class RiskLimitsTest {

    @Test
    void limits_must_be_positive_amounts() {
        assertThatThrownBy(() -> RiskLimits.none().withMaxOrderNotional(usdt("0")))
                .hasMessage("max order notional must be positive, got 0 USDT");
        assertThatThrownBy(() -> RiskLimits.none().withMaxDailyLoss(usdt("-1")))
                .hasMessage("max daily loss must be positive, got -1 USDT");
        assertThatThrownBy(() -> RiskLimits.none().withMaxOpenOrders(0))
                .hasMessage("max open orders must be at least 1, got 0");
    }

    @Test
    void checked_limits_collect_every_violation() {
        assertThat(RiskLimits.checked(Option.of(usdt("0")), Option.none(), Option.of(0), Option.of(usdt("-5")),
                Option.none()).getError()).containsExactly(
                        "max order notional must be positive, got 0 USDT",
                        "max open orders must be at least 1, got 0",
                        "max daily loss must be positive, got -5 USDT");
    }

    @Test
    void limits_in_two_currencies_are_refused() {
        Money euros = new Money(50_000, 2, new Asset("EUR"));

        assertThat(RiskLimits.checked(Option.of(usdt("2000")), Option.none(), Option.none(), Option.of(euros),
                Option.none()).getError()).containsExactly("limits must share one currency, got USDT and EUR");
    }

    @Test
    void valid_checked_limits_are_the_limits_given() {
        assertThat(RiskLimits.checked(Option.of(usdt("2000")), Option.of(Share.ofPercent(25)), Option.of(5),
                Option.none(), Option.none()).get())
                .isEqualTo(RiskLimits.none().withMaxOrderNotional(usdt("2000")).withMaxPositionShare(Share.ofPercent(25))
                        .withMaxOpenOrders(5));
    }

    @Test
    void a_share_is_more_than_zero_and_at_most_a_hundred_percent() {
        assertThat(Share.parsePercent("12.5").get()).isEqualTo(new Share(1250));
        assertThat(Share.parsePercent("100").get().toString()).isEqualTo("100%");
        assertThat(Share.parsePercent("0").getLeft()).isEqualTo("a share must be more than 0% and at most 100%, got 0%");
        assertThat(Share.parsePercent("100.01").isLeft()).isTrue();
        assertThat(Share.parsePercent("12.345").isLeft()).isTrue();
    }
}
