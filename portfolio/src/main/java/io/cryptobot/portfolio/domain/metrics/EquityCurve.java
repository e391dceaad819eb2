package io.cryptobot.portfolio.domain.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * An equity and drawdown curve for display: {@code samples} is the full resolution (one per step); at most
 * {@code maxPoints} points are kept, evenly strided, always including the last sample and the deepest drawdown.
 */
public record EquityCurve(int samples, List<Point> points) {
    public EquityCurve {
        points = List.copyOf(points);
    }

    /** {@code drawdown} is the fraction below the running peak (0.1 = 10 % down). */
    public record Point(long time, double equity, double drawdown, boolean exposed) {
    }

    public static EquityCurve of(EquitySeries series, double initialEquity, int maxPoints) {
        int n = series.size();
        double[] drawdown = DrawdownSeries.fromPeak(initialEquity, series);
        int deepest = 0;
        for (int i = 1; i < n; i++) {
            if (drawdown[i] > drawdown[deepest]) {
                deepest = i;
            }
        }
        int stride = Math.max(1, (int) Math.ceil((double) n / Math.max(1, maxPoints - 2)));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % stride == 0 || i == n - 1 || i == deepest) {
                points.add(new Point(series.time(i), series.equity(i), drawdown[i], series.exposed(i)));
            }
        }
        return new EquityCurve(n, points);
    }
}
