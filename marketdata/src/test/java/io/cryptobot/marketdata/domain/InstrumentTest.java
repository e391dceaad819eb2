package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import org.junit.jupiter.api.Test;

class InstrumentTest {

    @Test
    void derives_the_scales_from_the_decimals_of_tick_and_step() {
        Instrument instrument = Instrument.define("binance", "btc", "usdt", "0.01", "0.00001").get();

        assertThat(instrument.id().toString()).isEqualTo("BINANCE:BTC/USDT");
        assertThat(instrument.priceScale()).isEqualTo(2);
        assertThat(instrument.quantityScale()).isEqualTo(5);
        assertThat(instrument.tickSize().units()).isEqualTo(1);
    }

    @Test
    void trailing_zeros_do_not_widen_the_scale() {
        Instrument instrument = Instrument.define("KRAKEN", "ETH", "EUR", "0.050", "1").get();

        assertThat(instrument.priceScale()).isEqualTo(2);
        assertThat(instrument.tickSize().units()).isEqualTo(5);
        assertThat(instrument.quantityScale()).isZero();
    }

    @Test
    void lists_every_violation_at_once() {
        var result = Instrument.define("x", "", "??", "-0.01", "abc");

        assertThat(result.isInvalid()).isTrue();
        assertThat(result.getError().map(Violation::field))
                .containsExactly("venue", "base", "quote", "tickSize", "stepSize");
    }

    @Test
    void refuses_a_pair_of_one_asset() {
        var result = Instrument.define("BINANCE", "BTC", "BTC", "0.01", "0.1");

        assertThat(result.getError().map(Violation::field)).containsExactly("quote");
    }

    @Test
    void a_price_must_be_a_whole_number_of_ticks() {
        Instrument instrument = Instrument.define("KRAKEN", "ETH", "EUR", "0.05", "1").get();

        assertThat(instrument.price("1.05").get().units()).isEqualTo(105);
        assertThat(instrument.price("1.02").getLeft()).contains("not a multiple of the tick 0.05");
        assertThat(instrument.price("1.055").getLeft()).contains("more than 2 decimals");
    }
}
