package io.cryptobot.backtest.domain.sweep;

import java.util.List;

/**
 * The out-of-sample figures of a walk-forward, over its windows in order: the compounded return
 * {@code Π(1 + r_i) − 1} of the windows' total returns {@code r_i} (each window starts again from the starting
 * cash, so this is the return of chaining them), the trade count, the worst (largest) window max drawdown, and the
 * number of windows.
 */
public record OutOfSample(int windows, double compoundedReturn, int trades, double worstDrawdown) {

    public static OutOfSample of(List<WindowResult> windows) {
        double growth = 1;
        int trades = 0;
        double worst = 0;
        for (WindowResult w : windows) {
            growth *= 1 + w.outOfSample().metrics().totalReturn();
            trades += w.outOfSample().trades();
            worst = Math.max(worst, w.outOfSample().metrics().maxDrawdown());
        }
        return new OutOfSample(windows.size(), growth - 1, trades, worst);
    }
}
