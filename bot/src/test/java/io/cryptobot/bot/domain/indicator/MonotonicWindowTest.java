package io.cryptobot.bot.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonotonicWindowTest {

    @ParameterizedTest(name = "window of {0}")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void extremesMatchABruteForceScanIncludingTiesAndRuns(int length) {
        // Few distinct values make ties and long monotonic runs common: the cases a deque gets wrong.
        SplittableRandom random = new SplittableRandom(length);
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 500 < 100 ? i % 500 : random.nextInt(5);
        }
        MonotonicWindow highest = MonotonicWindow.highest(length);
        MonotonicWindow lowest = MonotonicWindow.lowest(length);
        for (int i = 0; i < values.length; i++) {
            highest.push(values[i]);
            lowest.push(values[i]);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, i - length + 1); j <= i; j++) {
                max = Math.max(max, values[j]);
                min = Math.min(min, values[j]);
            }
            assertThat(highest.extreme()).as("highest at %d", i).isEqualTo(max);
            assertThat(lowest.extreme()).as("lowest at %d", i).isEqualTo(min);
        }
    }
}
