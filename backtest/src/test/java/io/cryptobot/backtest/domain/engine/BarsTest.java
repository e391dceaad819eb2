package io.cryptobot.backtest.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.risk.domain.RiskLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarsTest {

    @Test
    void a_window_reads_the_same_candles_without_copying() {
        Bars all = BacktestEngineTest.synthetic(BacktestEngineTest.BTC, 1_000, 5);
        Bars window = all.window(100, 300);
        assertThat(window.size()).isEqualTo(200);
        assertThat(window.candle(0)).isEqualTo(all.candle(100));
        assertThat(window.time(199)).isEqualTo(all.time(299));
        assertThat(window.indexAtOrAfter(all.time(150))).isEqualTo(50);
        assertThat(window.retainedBytes()).isZero();
        assertThat(all.window(10, 20).window(5, 10).candle(0)).isEqualTo(all.candle(15));
        assertThatThrownBy(() -> window.append(all.candle(999))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> all.window(5, 1_001)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void a_run_over_a_window_equals_a_run_over_a_copy_of_those_candles() {
        Bars all = BacktestEngineTest.synthetic(BacktestEngineTest.BTC, 5_000, 9);
        Bars copy = new Bars(all.instrument(), all.priceScale(), all.quantityScale(), 2_000);
        for (int i = 1_000; i < 3_000; i++) {
            copy.append(all.candle(i));
        }
        var sma = StrategyCatalog.find("sma_crossover").get();
        BacktestOutcome fromWindow = BacktestEngine.run(BacktestEngineTest.setup(RiskLimits.none(), 0),
                List.of(BacktestEngineTest.market(all.window(1_000, 3_000))), sma.newStrategy(sma.defaults()),
                (t, e, x) -> { }, RunControl.NONE);
        BacktestOutcome fromCopy = BacktestEngine.run(BacktestEngineTest.setup(RiskLimits.none(), 0),
                List.of(BacktestEngineTest.market(copy)), sma.newStrategy(sma.defaults()), (t, e, x) -> { },
                RunControl.NONE);
        assertThat(fromWindow.fills()).isNotEmpty();
        assertThat(fromWindow).isEqualTo(fromCopy);
    }
}
