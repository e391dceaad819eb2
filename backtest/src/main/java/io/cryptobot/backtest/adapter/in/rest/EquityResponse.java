package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.kernel.adapter.in.rest.Decimals;
import io.cryptobot.portfolio.domain.metrics.EquityCurve;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import java.time.Instant;
import java.util.List;

/**
 * The equity and drawdown curve. {@code samples} is the full resolution (one per candle step); at most
 * {@code points} are returned, evenly strided, always including the last sample and the deepest drawdown.
 */
public record EquityResponse(int samples, int returned, List<Point> points) {

    /** Equity in the account currency and drawdown as a fraction below the running peak (0.1 = 10 % down). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BacktestEquityPoint")
    public record Point(Instant time, String equity, String drawdown, boolean exposed) {
    }

    static EquityResponse of(EquitySeries series, double initialEquity, int maxPoints) {
        EquityCurve curve = EquityCurve.of(series, initialEquity, maxPoints);
        List<Point> points = curve.points().stream().map(p -> new Point(Instant.ofEpochMilli(p.time()),
                Decimals.approx(p.equity()), Decimals.approx(p.drawdown()), p.exposed())).toList();
        return new EquityResponse(curve.samples(), points.size(), points);
    }
}
