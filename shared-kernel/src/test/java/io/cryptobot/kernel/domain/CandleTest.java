package io.cryptobot.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CandleTest {
    private static Price p(long units) {
        return new Price(units, 2);
    }

    @Test
    void a_sane_candle_is_valid() {
        assertThat(Candle.checked(0, p(100), p(110), p(95), p(105), new Quantity(3, 0)).isValid()).isTrue();
    }

    @Test
    void lists_every_ohlc_rule_broken() {
        var result = Candle.checked(0, p(120), p(100), p(110), p(90), new Quantity(-1, 0));
        assertThat(result.getError()).containsExactly(
                "high 1 is below low 1.1",
                "open 1.2 is outside [low, high]",
                "close 0.9 is outside [low, high]",
                "volume -1 is negative");
    }

    @Test
    void an_insane_candle_cannot_be_constructed() {
        assertThatThrownBy(() -> new Candle(0, p(100), p(90), p(95), p(92), new Quantity(1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instrument_ids_round_trip_through_text() {
        InstrumentId id = InstrumentId.parse("binance:btc/usdt").get();
        assertThat(id.toString()).isEqualTo("BINANCE:BTC/USDT");
        assertThat(InstrumentId.parse("BINANCE:BTC/BTC").isLeft()).isTrue();
        assertThat(InstrumentId.parse("BTCUSDT").isLeft()).isTrue();
    }
}
