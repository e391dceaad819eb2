package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.portfolio.domain.metrics.DrawdownSeries;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The equity and drawdown curve. {@code samples} is the full resolution (one per candle step); at most
 * {@code points} are returned, evenly strided, always including the last sample and the deepest drawdown.
 */
public record EquityResponse(int samples, int returned, List<Point> points) {

    public record Point(long time, double equity, double drawdown, boolean exposed) {
    }

    static EquityResponse of(EquitySeries series, double initialEquity, int maxPoints) {
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
            boolean strided = i % stride == 0;
            if (strided || i == n - 1 || i == deepest) {
                points.add(new Point(series.time(i), series.equity(i), drawdown[i], series.exposed(i)));
            }
        }
        return new EquityResponse(n, points.size(), points);
    }
}
