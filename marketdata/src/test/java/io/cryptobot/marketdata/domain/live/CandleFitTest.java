package io.cryptobot.marketdata.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.marketdata.domain.Instrument;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CandleFitTest {
    private final Instrument btc = Instrument.define("BINANCE", "BTC", "USDT", "0.01", "0.00001").get();

    @Test
    void the_venues_decimals_become_the_instruments_units_exactly_when_they_fit() {
        Candle candle = CandleFit.fit(btc, venue("60000.01000000", "60010.00", "59990.5", "60005.12", "1.23456000"))
                .get();
        assertThat(candle.open().units()).isEqualTo(6_000_001);
        assertThat(candle.open().scale()).isEqualTo(2);
        assertThat(candle.low().units()).isEqualTo(5_999_050);
        assertThat(candle.volume().units()).isEqualTo(123_456);
        assertThat(candle.volume().scale()).isEqualTo(5);
    }

    @Test
    void finer_values_are_rounded_to_the_tick_and_the_volume_down_to_the_step() {
        Candle candle = CandleFit.fit(btc, venue("100.005", "100.009", "99.994", "100.004", "0.123456789")).get();
        assertThat(candle.open().units()).isEqualTo(10_001);
        assertThat(candle.high().units()).isEqualTo(10_001);
        assertThat(candle.low().units()).isEqualTo(9_999);
        assertThat(candle.close().units()).isEqualTo(10_000);
        assertThat(candle.volume().units()).isEqualTo(12_345);
    }

    @Test
    void a_price_that_rounds_to_nothing_is_refused_with_the_reason() {
        assertThat(CandleFit.fit(btc, venue("0.004", "0.004", "0.001", "0.002", "1")).getLeft())
                .contains("prices must be positive");
    }

    private static VenueCandle venue(String open, String high, String low, String close, String volume) {
        return new VenueCandle(60_000, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), new BigDecimal(volume));
    }
}
