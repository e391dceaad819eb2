package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceKlineWriterTest {
    private final Instrument instrument = Fixtures.btcUsdt();

    @Test
    void writes_the_twelve_binance_columns() {
        Candle candle = new BinanceKlineParser(instrument).parse(
                "1704067200000,42283.58,42554.57,42261.02,42475.23,0.00108,0,0,0,0,0,0").get();

        String row = new BinanceKlineWriter(Timeframe.M1, false).append(new StringBuilder(), candle).toString();

        assertThat(row).isEqualTo("1704067200000,42283.58,42554.57,42261.02,42475.23,0.00108,1704067259999,"
                + "45.8732484,0,0,0,0");
        assertThat(new BinanceKlineWriter(Timeframe.M1, true).append(new StringBuilder(), candle).toString())
                .startsWith("1704067200000000,").contains(",1704067259999999,");
    }

    @Test
    void generated_rows_read_back_as_the_same_candles_in_both_timestamp_units() {
        SyntheticSpec spec = new SyntheticSpec(instrument, Timeframe.M5, 1_704_067_200_000L, 500, 3,
                instrument.price("0.05").get(), 0, 0.01, instrument.quantity("0.001").get());
        List<Candle> generated = new ArrayList<>();
        SyntheticCandleGenerator.generate(spec, generated::add);

        for (boolean micros : new boolean[] {false, true}) {
            BinanceKlineWriter writer = new BinanceKlineWriter(Timeframe.M5, micros);
            List<String> lines = generated.stream().map(c -> writer.append(new StringBuilder(), c).toString()).toList();
            List<Candle> read = new ArrayList<>();
            ImportErrors errors = new ImportErrors();
            new CandleFileReader(ImportFormat.BINANCE, instrument, Timeframe.M5).read("", lines.iterator(),
                    read::add, errors);

            assertThat(errors.isEmpty()).isTrue();
            assertThat(read).isEqualTo(generated);
        }
    }
}
