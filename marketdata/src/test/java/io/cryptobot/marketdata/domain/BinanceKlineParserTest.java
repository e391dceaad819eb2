package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import org.junit.jupiter.api.Test;

class BinanceKlineParserTest {
    private final BinanceKlineParser parser = new BinanceKlineParser(Fixtures.btcUsdt());

    @Test
    void reads_a_millisecond_row() {
        Candle candle = parser.parse("1704067200000,42283.58000000,42554.57000000,42261.02000000,42475.23000000,"
                + "1271.68108000,1704070799999,53957248.97378900,47134,682.57581000,28957416.81575700,0").get();

        assertThat(candle.openTime()).isEqualTo(1_704_067_200_000L); // 2024-01-01T00:00Z
        assertThat(candle.open().units()).isEqualTo(4_228_358L);
        assertThat(candle.high().units()).isEqualTo(4_255_457L);
        assertThat(candle.low().units()).isEqualTo(4_226_102L);
        assertThat(candle.close().units()).isEqualTo(4_247_523L);
        assertThat(candle.volume().units()).isEqualTo(127_168_108L);
        assertThat(candle.volume().scale()).isEqualTo(5);
    }

    @Test
    void reads_a_microsecond_row_from_2025_spot_files() {
        Candle candle = parser.parse("1735689600000000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,"
                + "8.21827000,1735689659999999,768978.31149330,1360,4.15108000,388436.39291190,0").get();

        assertThat(candle.openTime()).isEqualTo(1_735_689_600_000L); // 2025-01-01T00:00Z
        assertThat(candle.close().units()).isEqualTo(9_361_093L);
    }

    @Test
    void tells_the_unit_by_magnitude() {
        assertThat(BinanceKlineParser.openTimeMillis("999999999999999").get()).isEqualTo(999_999_999_999_999L);
        assertThat(BinanceKlineParser.openTimeMillis("1000000000000000").get()).isEqualTo(1_000_000_000_000L);
        assertThat(BinanceKlineParser.openTimeMillis("1735689600000001").getLeft())
                .contains("not a whole millisecond");
    }

    @Test
    void requires_twelve_columns() {
        assertThat(parser.parse("1704067200000,1,2,0.5,1.5,10,1704070799999,0,0,0,0").getLeft())
                .isEqualTo("expected 12 columns, found 11");
    }

    @Test
    void names_every_unreadable_field() {
        assertThat(parser.parse("1704067200000,abc,1.001,1,1,-x,0,0,0,0,0,0").getLeft())
                .contains("open: 'abc' is not a number")
                .contains("high: '1.001' has more than 2 decimals")
                .contains("volume: '-x' is not a number");
        assertThat(parser.parse("soon,1,1,1,1,1,0,0,0,0,0,0").getLeft()).contains("open time 'soon' is not an integer");
    }

    @Test
    void reports_ohlc_sanity_violations_with_reasons() {
        String reason = parser.parse("1704067200000,100,90,95,120,-1,0,0,0,0,0,0").getLeft();

        assertThat(reason).contains("high 90 is below low 95")
                .contains("open 100 is outside [low, high]")
                .contains("close 120 is outside [low, high]")
                .contains("volume -1 is negative");
    }
}
