package io.cryptobot.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Asset;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** A bot's limits combined with its owner's: each limit the stricter of the two, a limit set on one side kept. */
class TighterLimitsTest {
    static final Asset USDT = Asset.parse("USDT").get();

    @Test
    void each_limit_is_the_stricter_one_and_a_limit_only_one_side_sets_is_kept() {
        RiskLimits user = new LimitsInput("2500", "25", "5", "300", null, "40", "30").parse(USDT).get();
        RiskLimits bot = new LimitsInput("1000.50", "30", null, "500", "2", null, "10").parse(USDT).get();
        RiskLimits both = user.tighterOf(bot);
        assertThat(LimitsInput.of(both)).isEqualTo(new LimitsInput("1000.5", "25", "5", "300", "2", "40", "10"));
        assertThat(bot.tighterOf(user)).isEqualTo(both);
    }

    @Test
    void no_limits_on_one_side_leaves_the_other_as_it_is() {
        RiskLimits user = new LimitsInput("2500", null, "5", null, null, null, null).parse(USDT).get();
        assertThat(user.tighterOf(RiskLimits.none())).isEqualTo(user);
        assertThat(RiskLimits.none().tighterOf(user)).isEqualTo(user);
    }

    @Test
    void amounts_in_different_currencies_cannot_be_compared() {
        RiskLimits usdt = new LimitsInput("2500", null, null, null, null, null, null).parse(USDT).get();
        RiskLimits eur = new LimitsInput("2000", null, null, null, null, null, null)
                .parse(Asset.parse("EUR").get()).get();
        assertThatThrownBy(() -> usdt.tighterOf(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Option.of(usdt.tighterOf(usdt))).contains(usdt);
    }
}
