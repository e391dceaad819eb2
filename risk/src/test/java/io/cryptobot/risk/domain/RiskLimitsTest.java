package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void a_share_is_more_than_zero_and_at_most_a_hundred_percent() {
        assertThat(Share.parsePercent("12.5").get()).isEqualTo(new Share(1250));
        assertThat(Share.parsePercent("100").get().toString()).isEqualTo("100%");
        assertThat(Share.parsePercent("0").getLeft()).isEqualTo("a share must be more than 0% and at most 100%, got 0%");
        assertThat(Share.parsePercent("100.01").isLeft()).isTrue();
        assertThat(Share.parsePercent("12.345").isLeft()).isTrue();
    }
}
