package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import java.util.List;

/**
 * The equity and drawdown curve. {@code samples} is the full resolution (one per candle step); at most
 * {@code points} are returned, evenly strided, always including the last sample and the deepest drawdown.
 */
public record EquityResponse(int samples, int returned, List<Point> points) {

    public record Point(long time, double equity, double drawdown, boolean exposed) {
    }

    static EquityResponse of(EquitySeries series, double initialEquity, int maxPoints) {
        EquityCurve curve = EquityCurve.of(series, initialEquity, maxPoints);
        List<Point> points = curve.points().stream()
                .map(p -> new Point(p.time(), p.equity(), p.drawdown(), p.exposed())).toList();
        return new EquityResponse(curve.samples(), points.size(), points);
    }
}
