package io.cryptobot.portfolio.domain.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The performance of one equity curve (a backtest, later a paper or live account) and its closed trades.
 *
 * <p>Inputs to {@link #of}: the initial equity {@code E0 > 0} (the capital before the first sample), the bar length
 * {@code barMillis > 0}, an {@link EquitySeries} of at least one sample {@code (t_i, e_i)}, {@code i = 0..N-1}, one
 * per bar, and the closed {@link TradeResult}s. Analytics are in {@code double}; an undefined metric is
 * {@link Double#NaN} (rendered as JSON {@code null}), never an exception. All definitions:
 *
 * <ul>
 *   <li>{@code startEquity = E0}, {@code endEquity = e_{N-1}}, {@code startTime = t_0},
 *       {@code endTime = t_{N-1}} (the times of the first and last samples).
 *   <li>{@code totalReturn = endEquity / E0 - 1}.
 *   <li>{@code cagr = (endEquity / E0)^(1 / years) - 1} with {@code years = (endTime - startTime + barMillis) /
 *       (365.25 * 86,400,000)}: the span the samples cover, each covering one bar. NaN if {@code years <= 0} or
 *       {@code endEquity <= 0}.
 *   <li><b>Period returns</b> (for Sharpe, Sortino, VaR, CVaR): if {@code barMillis} is shorter than one day, the
 *       equity is resampled to UTC calendar days (the last sample of each day, a day being
 *       {@code floorDiv(t, 86,400,000)}); otherwise each sample is a period. The first return is from {@code E0}
 *       to the first period's equity; {@code r_k = p_k / p_{k-1} - 1}, {@code n} returns in all. Periods per year
 *       {@code P}: 365 for daily returns (bars of at most one day; crypto trades every day), otherwise
 *       {@code 365.25 days / barMillis}.
 *   <li>{@code sharpe = mean(r) / stdev(r) * sqrt(P)}, sample standard deviation (divisor {@code n - 1}),
 *       risk-free rate 0. NaN if {@code n < 2} or {@code stdev = 0}.
 *   <li>{@code sortino = mean(r) / dd * sqrt(P)}, downside deviation {@code dd = sqrt(sum(min(r_k, 0)^2) / n)} over
 *       all {@code n} returns. NaN if {@code n < 2} or {@code dd = 0} (no losing period).
 *   <li>{@code maxDrawdown = max_i (peak_i - e_i) / peak_i}, a positive fraction of the running peak
 *       {@code peak_i = max(E0, e_0..e_i)} (see {@link DrawdownSeries#fromPeak}); 0 if equity never falls below
 *       its peak.
 *   <li>{@code maxDrawdownDurationMillis}: the longest time from the sample that set a peak to the first later
 *       sample whose equity is back at or above that peak; a drawdown still open at the end lasts until
 *       {@code endTime}. The initial equity counts as a peak set at {@code startTime - barMillis} (the start of
 *       the first bar). 0 for a never-falling series.
 *   <li>{@code calmar = cagr / maxDrawdown}; NaN if {@code maxDrawdown = 0} (or CAGR is NaN).
 *   <li>{@code winRate = #(netPnl > 0) / tradeCount}; NaN with no trades.
 *   <li>{@code profitFactor = sum(netPnl > 0) / |sum(netPnl < 0)|}; {@code +Infinity} with winning but no losing
 *       trades, NaN with neither (no trades, or only zero-P&amp;L trades), 0 with only losers.
 *   <li>{@code expectancy = sum(netPnl) / tradeCount}, the mean net P&amp;L per trade; NaN with no trades.
 *   <li>{@code exposure = #(samples with a position open) / N}.
 *   <li>{@code tradeCount}: the number of trades; {@code feesPaid = sum(fees)} (0 with no trades).
 *   <li>{@code var95 = -q}, historical value at risk as a positive loss fraction, where {@code q} is the "lower"
 *       empirical 5 % quantile of the period returns: sorted ascending, the return at 0-based index
 *       {@code floor(0.05 * n)}. {@code cvar95 = -mean} of the sorted returns at indices {@code 0..floor(0.05 * n)}.
 *       Both are computed whenever {@code n >= 1} (there always is at least one return), but with fewer than 20
 *       returns the quantile is simply the worst return and the estimate is noisy. Negative when even the worst
 *       tail return is a gain.
 * </ul>
 *
 * <p>The annualised figures ({@code cagr}, {@code calmar}, and the {@code sqrt(P)} scaling of Sharpe and Sortino)
 * extrapolate the period to a year: over a few hours a small gain becomes a CAGR in the thousands of percent. They
 * are computed whatever the span, and {@link #annualisedMeaningful} says whether the samples cover at least
 * {@link #MIN_ANNUALISED_SPAN_MILLIS} (30 days), below which no one should read them.
 *
 * <p>Equity at or below zero makes later return-based metrics meaningless (a return from zero is not finite);
 * spot accounts never get there.
 */
public record PerformanceMetrics(
        double startEquity,
        double endEquity,
        long startTime,
        long endTime,
        double totalReturn,
        double cagr,
        double sharpe,
        double sortino,
        double calmar,
        double maxDrawdown,
        long maxDrawdownDurationMillis,
        double winRate,
        double profitFactor,
        double expectancy,
        double exposure,
        int tradeCount,
        double feesPaid,
        double var95,
        double cvar95) {

    /** One day in millis. */
    public static final long DAY_MILLIS = 86_400_000L;
    /** One year of 365.25 days in millis. */
    public static final double YEAR_MILLIS = 365.25 * DAY_MILLIS;
    /** The shortest span of samples over which annualised figures are worth reading: 30 days. */
    public static final long MIN_ANNUALISED_SPAN_MILLIS = 30 * DAY_MILLIS;

    public PerformanceMetrics {
        if (endTime < startTime) {
            throw new IllegalArgumentException("the end is not before the start: " + startTime + " -> " + endTime);
        }
        if (maxDrawdownDurationMillis < 0 || tradeCount < 0) {
            throw new IllegalArgumentException("durations and counts are not negative: "
                    + maxDrawdownDurationMillis + ", " + tradeCount);
        }
    }

    /** Whether the samples span at least {@link #MIN_ANNUALISED_SPAN_MILLIS}, so the annualised figures mean something. */
    public boolean annualisedMeaningful() {
        return endTime - startTime >= MIN_ANNUALISED_SPAN_MILLIS;
    }

    /** Why the annualised figures are not to be read, when they are not; null when they are. */
    public String annualisedCaveat() {
        return annualisedMeaningful() ? null : "not meaningful: the samples cover less than "
                + MIN_ANNUALISED_SPAN_MILLIS / DAY_MILLIS + " days, and cagr, calmar, sharpe and sortino extrapolate "
                + "them to a year";
    }

    /**
     * Computes every metric as defined above, in two passes over the samples (one over the equity, one over the at
     * most one-per-period returns) plus a sort of the returns for the VaR quantile.
     *
     * @throws IllegalArgumentException if {@code initialEquity} is not finite and positive, {@code barMillis} is
     *     not positive, or the series is empty
     */
    public static PerformanceMetrics of(
            double initialEquity, long barMillis, EquitySeries equity, List<TradeResult> trades) {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(trades, "trades");
        requirePositiveInitial(initialEquity);
        if (barMillis <= 0) {
            throw new IllegalArgumentException("the bar length is positive: " + barMillis);
        }
        int size = equity.size();
        if (size == 0) {
            throw new IllegalArgumentException("metrics need at least one equity sample");
        }
        long startTime = equity.time(0);
        long endTime = equity.time(size - 1);
        double endEquity = equity.equity(size - 1);

        // Pass 1 over the samples: drawdown depth and duration, period returns.
        boolean daily = barMillis < DAY_MILLIS;
        // at most one return per sample, and per UTC day when resampling
        int capacity = daily
                ? (int) Math.min(size, Math.floorDiv(endTime, DAY_MILLIS) - Math.floorDiv(startTime, DAY_MILLIS) + 1)
                : size;
        double[] returns = new double[capacity];
        int n = 0;
        double previousPeriodEquity = initialEquity;
        double peak = initialEquity;
        long peakTime = startTime - barMillis;
        boolean underwater = false;
        double maxDrawdown = 0;
        long maxDuration = 0;
        for (int i = 0; i < size; i++) {
            long t = equity.time(i);
            double e = equity.equity(i);
            if (e >= peak) {
                if (underwater) {
                    maxDuration = Math.max(maxDuration, t - peakTime);
                    underwater = false;
                }
                peak = e;
                peakTime = t;
            } else {
                underwater = true;
                maxDrawdown = Math.max(maxDrawdown, (peak - e) / peak);
            }
            boolean periodEnds = !daily || i == size - 1
                    || Math.floorDiv(equity.time(i + 1), DAY_MILLIS) != Math.floorDiv(t, DAY_MILLIS);
            if (periodEnds) {
                returns[n++] = e / previousPeriodEquity - 1;
                previousPeriodEquity = e;
            }
        }
        if (underwater) {
            maxDuration = Math.max(maxDuration, endTime - peakTime);
        }

        // Pass 2 over the returns: mean, sample variance, downside deviation.
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += returns[k];
        }
        double mean = sum / n;
        double squaredDeviations = 0;
        double squaredDownside = 0;
        for (int k = 0; k < n; k++) {
            double r = returns[k];
            squaredDeviations += (r - mean) * (r - mean);
            if (r < 0) {
                squaredDownside += r * r;
            }
        }
        double periodsPerYear = barMillis <= DAY_MILLIS ? 365.0 : YEAR_MILLIS / barMillis;
        double annualization = Math.sqrt(periodsPerYear);
        double stdev = n < 2 ? 0 : Math.sqrt(squaredDeviations / (n - 1));
        double downside = Math.sqrt(squaredDownside / n);
        double sharpe = n < 2 || stdev == 0 ? Double.NaN : mean / stdev * annualization;
        double sortino = n < 2 || downside == 0 ? Double.NaN : mean / downside * annualization;

        // Historical VaR / CVaR at 95 %: lower empirical quantile.
        Arrays.sort(returns, 0, n);
        int q = n / 20; // floor(0.05 * n), exact in integers
        double tail = 0;
        for (int k = 0; k <= q; k++) {
            tail += returns[k];
        }
        double var95 = 0.0 - returns[q];
        double cvar95 = 0.0 - tail / (q + 1);

        double totalReturn = endEquity / initialEquity - 1;
        double years = (endTime - startTime + barMillis) / YEAR_MILLIS;
        double cagr = years <= 0 || endEquity <= 0
                ? Double.NaN
                : Math.pow(endEquity / initialEquity, 1 / years) - 1;
        double calmar = maxDrawdown == 0 ? Double.NaN : cagr / maxDrawdown;

        // Trades.
        int tradeCount = trades.size();
        int wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double netSum = 0;
        double fees = 0;
        for (TradeResult trade : trades) {
            double pnl = trade.netPnl();
            netSum += pnl;
            fees += trade.fees();
            if (pnl > 0) {
                wins++;
                grossProfit += pnl;
            } else if (pnl < 0) {
                grossLoss -= pnl;
            }
        }
        double winRate = tradeCount == 0 ? Double.NaN : (double) wins / tradeCount;
        double profitFactor = grossLoss > 0
                ? grossProfit / grossLoss
                : grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        double expectancy = tradeCount == 0 ? Double.NaN : netSum / tradeCount;
        double exposure = (double) equity.exposedCount() / size;

        return new PerformanceMetrics(initialEquity, endEquity, startTime, endTime, totalReturn, cagr, sharpe,
                sortino, calmar, maxDrawdown, maxDuration, winRate, profitFactor, expectancy, exposure, tradeCount,
                fees, var95, cvar95);
    }

    static void requirePositiveInitial(double initialEquity) {
        if (!(initialEquity > 0) || Double.isInfinite(initialEquity)) {
            throw new IllegalArgumentException("initial equity is a finite positive number: " + initialEquity);
        }
    }
}
