package io.cryptobot.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import org.junit.jupiter.api.Test;

class ExactTest {
    static final Asset USDT = new Asset("USDT");

    @Test
    void sums_of_different_scales_are_taken_at_the_larger_scale_without_loss() {
        // 1.5 (scale 1) + 0.00001 (scale 5) = 1.50001 at scale 5
        assertThat(new Money(15, 1, USDT).plus(new Money(1, 5, USDT))).isEqualTo(new Money(150001, 5, USDT));
        assertThat(new Money(15, 1, USDT).minus(new Money(1, 5, USDT))).isEqualTo(new Money(149999, 5, USDT));
    }

    @Test
    void a_product_carries_both_scales() {
        // 0.5 (scale 5) * 40,000.00 (scale 2) = 20,000 at scale 7
        assertThat(Exact.times(new Quantity(50_000, 5), new Price(4_000_000, 2), USDT))
                .isEqualTo(new Money(200_000_000_000L, 7, USDT));
    }

    @Test
    void a_product_beyond_the_largest_scale_drops_only_the_trailing_zeros_it_must() {
        // 0.0000001 (scale 7) * 0.10000000 (scale 8): 10,000,000 units at scale 15 = 10,000 units at scale 12
        assertThat(Exact.times(new Quantity(1, 7), new Price(10_000_000, 8), USDT))
                .isEqualTo(new Money(10_000, 12, USDT));
        assertThatThrownBy(() -> Exact.times(new Quantity(1, 7), new Price(1, 8), USDT))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rescaling_down_is_a_bug_because_it_would_round() {
        assertThatThrownBy(() -> new Money(15, 2, USDT).atScale(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Money(15, 2, USDT).plus(new Money(1, 3, USDT))).isEqualTo(new Money(151, 3, USDT));
    }

    @Test
    void marking_adds_the_product_at_the_larger_scale() {
        // 92,842.50 (scale 2) + 0.2 (scale 5) * 40,000.00 (scale 2) = 100,842.50 at scale 7
        assertThat(Exact.plusProduct(new Money(9_284_250, 2, USDT), new Quantity(20_000, 5), new Price(4_000_000, 2)))
                .isEqualTo(new Money(1_008_425_000_000L, 7, USDT));
        // quantity scale 5 + price scale 8 = 13 > 12: the general path drops the trailing zero
        // 1 + 0.00001 * 0.00000010 = 1.000000000001
        assertThat(Exact.plusProduct(new Money(1, 0, USDT), new Quantity(1, 5), new Price(10, 8)))
                .isEqualTo(new Money(1_000_000_000_001L, 12, USDT));
    }
}
