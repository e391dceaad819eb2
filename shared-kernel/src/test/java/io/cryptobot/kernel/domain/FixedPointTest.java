package io.cryptobot.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedPointTest {

    /** 1e600000000 used to be scaled out (a BigInteger power of gigabits) before it was found too large. */
    @Test
    void an_exponent_out_of_range_is_refused_at_once() {
        long started = System.nanoTime();
        assertThat(FixedPoint.parse("1e600000000", 8).getLeft()).contains("is not a number");
        assertThat(FixedPoint.parse("1e-999999999", 8).getLeft()).contains("is not a number");
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        assertThat(FixedPoint.decimal("1.5e3")).isEqualByComparingTo("1500");
        assertThat(FixedPoint.decimal("1e1000").toPlainString()).hasSize(1001);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FixedPoint.decimal("1e1001"))
                .isInstanceOf(NumberFormatException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FixedPoint.decimal("1e-999999999"))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void parses_binance_style_prices_with_trailing_zeros_beyond_the_scale() {
        assertThat(FixedPoint.parse("42000.01000000", 2).get()).isEqualTo(4_200_001L);
        assertThat(FixedPoint.parse("0.00001234", 8).get()).isEqualTo(1_234L);
        assertThat(FixedPoint.parse("7", 3).get()).isEqualTo(7_000L);
        assertThat(FixedPoint.parse("-1.5", 1).get()).isEqualTo(-15L);
    }

    @Test
    void refuses_a_non_zero_digit_beyond_the_scale_instead_of_rounding() {
        assertThat(FixedPoint.parse("42000.015", 2).getLeft()).contains("more than 2 decimals");
    }

    @Test
    void refuses_text_that_is_not_a_number() {
        assertThat(FixedPoint.parse("12a", 2).isLeft()).isTrue();
        assertThat(FixedPoint.parse("", 2).isLeft()).isTrue();
        assertThat(FixedPoint.parse(".", 2).isLeft()).isTrue();
        assertThat(FixedPoint.parse("1.2.3", 2).isLeft()).isTrue();
    }

    @Test
    void refuses_values_that_overflow_a_long() {
        assertThat(FixedPoint.parse("99999999999999999999", 0).getLeft()).contains("too large");
        assertThat(FixedPoint.parse("99999999999.5", 8).getLeft()).contains("too large");
    }

    @Test
    void accepts_exponent_notation_exactly() {
        assertThat(FixedPoint.parse("1.5E-3", 4).get()).isEqualTo(15L);
        assertThat(FixedPoint.parse("1.5E-5", 4).isLeft()).isTrue();
    }

    @Test
    void formats_without_exponent_or_trailing_zeros() {
        assertThat(FixedPoint.format(4_200_001L, 2)).isEqualTo("42000.01");
        assertThat(FixedPoint.format(4_200_000L, 2)).isEqualTo("42000");
        assertThat(FixedPoint.format(1_234L, 8)).isEqualTo("0.00001234");
    }

    @Test
    void scale_of_a_tick_is_the_number_of_decimals_it_needs() {
        assertThat(FixedPoint.scaleOf(new java.math.BigDecimal("0.010"))).isEqualTo(2);
        assertThat(FixedPoint.scaleOf(new java.math.BigDecimal("10"))).isZero();
    }
}
