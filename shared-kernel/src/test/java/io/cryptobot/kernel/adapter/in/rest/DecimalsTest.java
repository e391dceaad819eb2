package io.cryptobot.kernel.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void exact_amounts_are_plain_without_trailing_zeros() {
        assertThat(Decimals.exact(new BigDecimal("0.000120"))).isEqualTo("0.00012");
        assertThat(Decimals.exact(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Decimals.exact(null)).isNull();
    }

    @Test
    void doubles_are_the_shortest_plain_decimal_that_reads_back_the_same() {
        assertThat(Decimals.approx(1.0E-5)).isEqualTo("0.00001");
        assertThat(Decimals.approx(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Double.parseDouble(Decimals.approx(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
        assertThat(Decimals.approx(2.5E7)).isEqualTo("25000000");
        assertThat(Decimals.approx(0.0)).isEqualTo("0");
        assertThat(Decimals.approx(-0.25)).isEqualTo("-0.25");
    }

    @Test
    void undefined_doubles_are_null() {
        assertThat(Decimals.approx(Double.NaN)).isNull();
        assertThat(Decimals.approx(Double.POSITIVE_INFINITY)).isNull();
    }
}
