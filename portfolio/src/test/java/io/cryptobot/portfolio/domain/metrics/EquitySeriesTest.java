package io.cryptobot.portfolio.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EquitySeriesTest {
    static final long T0 = 1_704_067_200_000L;

    @Test
    void grows_past_its_capacity_and_keeps_every_column() {
        EquitySeries series = new EquitySeries(1);
        for (int i = 0; i < 200; i++) {
            series.append(T0 + i * 60_000L, 1000 + i, i % 3 == 0);
        }

        assertThat(series.size()).isEqualTo(200);
        assertThat(series.time(199)).isEqualTo(T0 + 199 * 60_000L);
        assertThat(series.equity(130)).isEqualTo(1130);
        assertThat(series.exposed(63)).isTrue();
        assertThat(series.exposed(64)).isFalse();
        assertThat(series.exposed(129)).isTrue();
        // i = 0, 3, ..., 198: 67 samples
        assertThat(series.exposedCount()).isEqualTo(67);
        assertThat(PerformanceMetrics.of(1000, 60_000L, series, List.of()).exposure())
                .isCloseTo(67.0 / 200, within(1e-12));
    }

    @Test
    void times_strictly_increase_and_equity_is_finite() {
        EquitySeries series = new EquitySeries().append(T0, 100);

        assertThatThrownBy(() -> series.append(T0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.append(T0 - 1, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.append(T0 + 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> series.append(T0 + 1, Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(series.size()).isEqualTo(1);
        assertThatThrownBy(() -> series.equity(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void a_trade_exits_at_or_after_its_entry_with_non_negative_fees() {
        assertThatThrownBy(() -> new TradeResult(T0, T0 - 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradeResult(T0, T0, 1, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradeResult(T0, T0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
