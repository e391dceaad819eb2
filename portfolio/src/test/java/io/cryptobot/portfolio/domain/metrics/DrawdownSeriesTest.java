package io.cryptobot.portfolio.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DrawdownSeriesTest {
    static final long T0 = 1_704_067_200_000L;
    static final long DAY = 86_400_000L;

    @Test
    void each_sample_is_measured_from_the_running_peak_which_starts_at_the_initial_equity() {
        // initial 100: 90 is 10 % below 100; 110 a new peak; 99 is 10 % below 110; 121 a new peak; 110 is 1/11 below
        EquitySeries equity = new EquitySeries()
                .append(T0, 90)
                .append(T0 + DAY, 110)
                .append(T0 + 2 * DAY, 99)
                .append(T0 + 3 * DAY, 121)
                .append(T0 + 4 * DAY, 110);

        double[] drawdowns = DrawdownSeries.fromPeak(100, equity);

        assertThat(drawdowns).hasSize(5);
        assertThat(drawdowns[0]).isCloseTo(0.1, within(1e-12));
        assertThat(drawdowns[1]).isZero();
        assertThat(drawdowns[2]).isCloseTo(0.1, within(1e-12));
        assertThat(drawdowns[3]).isZero();
        assertThat(drawdowns[4]).isCloseTo(1.0 / 11, within(1e-12));
    }

    @Test
    void an_empty_series_has_an_empty_curve() {
        assertThat(DrawdownSeries.fromPeak(100, new EquitySeries())).isEmpty();
    }
}
