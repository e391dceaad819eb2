package io.cryptobot.portfolio.domain.metrics;

import java.util.Objects;

/** The drawdown curve of an {@link EquitySeries}. */
public final class DrawdownSeries {
    private DrawdownSeries() {
    }

    /**
     * The drawdown of every sample from the running peak, as a positive fraction of that peak:
     * {@code dd[i] = (peak_i - e_i) / peak_i} where {@code peak_i = max(initialEquity, e_0, ..., e_i)}. Zero at a
     * new (or equalled) peak; above 1 only if equity went negative. Computed in one pass.
     *
     * @throws IllegalArgumentException if {@code initialEquity} is not a finite positive number
     */
    public static double[] fromPeak(double initialEquity, EquitySeries equity) {
        Objects.requireNonNull(equity, "equity");
        PerformanceMetrics.requirePositiveInitial(initialEquity);
        int n = equity.size();
        double[] drawdowns = new double[n];
        double peak = initialEquity;
        for (int i = 0; i < n; i++) {
            double e = equity.equity(i);
            if (e >= peak) {
                peak = e;
            } else {
                drawdowns[i] = (peak - e) / peak;
            }
        }
        return drawdowns;
    }
}
