package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCandleGeneratorTest {
    private static final long FROM = 1_704_067_200_000L;
    private final Instrument instrument = Fixtures.btcUsdt();

    @Test
    void the_same_seed_gives_identical_candles() {
        assertThat(generate(42, 5_000)).isEqualTo(generate(42, 5_000));
    }

    @Test
    void another_seed_gives_another_series() {
        assertThat(generate(43, 100)).isNotEqualTo(generate(42, 100));
    }

    @Test
    void candles_are_sane_contiguous_and_on_the_tick() {
        List<Candle> candles = generate(7, 20_000);

        assertThat(candles).hasSize(20_000);
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            assertThat(Candle.checked(c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume()).isValid())
                    .isTrue();
            assertThat(c.openTime()).isEqualTo(FROM + i * 60_000L);
            if (i > 0) {
                assertThat(c.open()).isEqualTo(candles.get(i - 1).close());
            }
        }
        assertThat(candles.getFirst().open().toString()).isEqualTo("42000");
        assertThat(candles).anySatisfy(c -> assertThat(c.high()).isGreaterThan(c.open()));
        assertThat(candles).allSatisfy(c -> assertThat(c.volume().units()).isNotNegative());
    }

    @Test
    void spreads_returns_as_the_volatility_says() {
        List<Candle> candles = generate(11, 50_000);
        double sum = 0;
        double sumSq = 0;
        for (Candle c : candles) {
            double r = Math.log(c.close().toBigDecimal().doubleValue() / c.open().toBigDecimal().doubleValue());
            sum += r;
            sumSq += r * r;
        }
        double sd = Math.sqrt(sumSq / candles.size() - Math.pow(sum / candles.size(), 2));

        assertThat(sd).isBetween(0.0009, 0.0011);
    }

    @Test
    void invalid_specs_are_refused_with_reasons() {
        var spec = SyntheticSpec.of(instrument, Timeframe.M1, FROM + 1, 0, 1, instrument.price("0").get(), 0.5,
                -1, instrument.quantity("1").get());

        assertThat(spec.getError().map(v -> v.field()))
                .containsExactly("from", "count", "startPrice", "drift", "volatility");
    }

    private List<Candle> generate(long seed, int count) {
        SyntheticSpec spec = new SyntheticSpec(instrument, Timeframe.M1, FROM, count, seed,
                instrument.price("42000").get(), 0.0, 0.001, instrument.quantity("3").get());
        List<Candle> candles = new ArrayList<>(count);
        SyntheticCandleGenerator.generate(spec, candles::add);
        return candles;
    }
}
