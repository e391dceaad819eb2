package io.cryptobot.portfolio.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final double YEAR = 365.25 * DAY;
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1_704_067_200_000L;

    @Test
    void a_hand_worked_daily_series() {
        // initial 100; 1d bars: 110 (open), 99 (open), 121 (flat) on 2024-01-01, -02, -03 UTC
        EquitySeries equity = new EquitySeries()
                .append(T0, 110, true)
                .append(T0 + DAY, 99, true)
                .append(T0 + 2 * DAY, 121, false);
        List<TradeResult> trades = List.of(
                new TradeResult(T0, T0 + DAY, 15, 1),
                new TradeResult(T0 + DAY, T0 + 2 * DAY, -4, 0.5));

        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, equity, trades);

        assertThat(m.startEquity()).isEqualTo(100);
        assertThat(m.endEquity()).isEqualTo(121);
        assertThat(m.startTime()).isEqualTo(T0);
        assertThat(m.endTime()).isEqualTo(T0 + 2 * DAY);
        // 121 / 100 - 1
        assertThat(m.totalReturn()).isCloseTo(0.21, within(1e-12));
        // years = (2d + 1d) / 365.25d; 1.21^(365.25 / 3) - 1 ~ 1.1998e10
        assertThat(m.cagr()).isCloseTo(Math.pow(1.21, 365.25 / 3) - 1, withinPercentage(1e-10));
        // returns 110/100 - 1 = 0.1, 99/110 - 1 = -0.1, 121/99 - 1 = 2/9; mean = 2/27
        // deviations 0.7/27, -4.7/27, 4/27: sample variance = (0.49 + 22.09 + 16) / 729 / 2, stdev = sqrt(19.29)/27
        // Sharpe = (2/27) / (sqrt(19.29)/27) * sqrt(365) = 2 sqrt(365 / 19.29) ~ 8.6998
        assertThat(m.sharpe()).isCloseTo(2 * Math.sqrt(365 / 19.29), within(1e-12));
        // downside deviation = sqrt(0.1^2 / 3); Sortino = (2/27) / sqrt(0.01/3) * sqrt(365) ~ 24.5117
        assertThat(m.sortino()).isCloseTo(2.0 / 27 / Math.sqrt(0.01 / 3) * Math.sqrt(365), within(1e-12));
        // peak 110 on day 1, 99 on day 2 = 10 % below, back above on day 3: 2 days
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        assertThat(m.maxDrawdownDurationMillis()).isEqualTo(2 * DAY);
        assertThat(m.calmar()).isCloseTo((Math.pow(1.21, 365.25 / 3) - 1) / 0.1, withinPercentage(1e-10));
        // 1 win of 2; 15 / 4; (15 - 4) / 2; fees 1 + 0.5
        assertThat(m.winRate()).isCloseTo(0.5, within(1e-12));
        assertThat(m.profitFactor()).isCloseTo(3.75, within(1e-12));
        assertThat(m.expectancy()).isCloseTo(5.5, within(1e-12));
        assertThat(m.tradeCount()).isEqualTo(2);
        assertThat(m.feesPaid()).isCloseTo(1.5, within(1e-12));
        // 2 of 3 samples with a position open
        assertThat(m.exposure()).isCloseTo(2.0 / 3, within(1e-12));
        // n = 3, index floor(0.15) = 0: the worst return, -0.1
        assertThat(m.var95()).isCloseTo(0.1, within(1e-12));
        assertThat(m.cvar95()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void minute_bars_are_resampled_to_the_last_sample_of_each_utc_day() {
        // initial 100; 1m bars over three UTC days
        EquitySeries equity = new EquitySeries()
                .append(T0 + DAY - 2 * MINUTE, 101)
                .append(T0 + DAY - MINUTE, 102) // day 1 closes at 102 (peak)
                .append(T0 + DAY, 90) // trough: 12/102 below the peak
                .append(T0 + DAY + 12 * HOUR, 95)
                .append(T0 + 2 * DAY - MINUTE, 99) // day 2 closes at 99
                .append(T0 + 2 * DAY, 100)
                .append(T0 + 2 * DAY + MINUTE, 108); // day 3 closes at 108, back above 102

        PerformanceMetrics m = PerformanceMetrics.of(100, MINUTE, equity, List.of());

        // daily returns: 102/100 - 1 = 0.02, 99/102 - 1 = -1/34, 108/99 - 1 = 1/11
        double r1 = 0.02;
        double r2 = -1.0 / 34;
        double r3 = 1.0 / 11;
        double mean = (r1 + r2 + r3) / 3; // ~ 0.0271658
        double stdev = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean) + (r3 - mean) * (r3 - mean))
                / 2); // ~ 0.0604797
        // 365 periods per year (daily), not 525,960 minutes
        assertThat(m.sharpe()).isCloseTo(mean / stdev * Math.sqrt(365), within(1e-12)); // ~ 8.5814
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(r2 * r2 / 3) * Math.sqrt(365), within(1e-12)); // ~ 30.56
        // lower 5 % quantile of 3 returns = the worst, -1/34
        assertThat(m.var95()).isCloseTo(1.0 / 34, within(1e-12));
        assertThat(m.cvar95()).isCloseTo(1.0 / 34, within(1e-12));
        assertThat(m.totalReturn()).isCloseTo(0.08, within(1e-12));
        // span = last - first + one bar = (2d + 1m) - (1d - 2m) + 1m = 1d + 4m
        assertThat(m.cagr()).isCloseTo(Math.pow(1.08, YEAR / (DAY + 4 * MINUTE)) - 1, withinPercentage(1e-10));
        // drawdown from 102 (day 1, 23:59) to 90, recovered at 108 (day 3, 00:01): 1 day + 2 minutes
        assertThat(m.maxDrawdown()).isCloseTo(12.0 / 102, within(1e-12));
        assertThat(m.maxDrawdownDurationMillis()).isEqualTo(DAY + 2 * MINUTE);
        assertThat(m.exposure()).isZero();
    }

    @Test
    void bars_longer_than_a_day_are_their_own_periods_annualized_by_bar_length() {
        // the daily example on weekly bars: same returns, 365.25 / 7 periods per year
        EquitySeries equity = new EquitySeries()
                .append(T0, 110)
                .append(T0 + 7 * DAY, 99)
                .append(T0 + 14 * DAY, 121);

        PerformanceMetrics m = PerformanceMetrics.of(100, 7 * DAY, equity, List.of());

        assertThat(m.sharpe()).isCloseTo(2 * Math.sqrt(365.25 / 7 / 19.29), within(1e-12));
        assertThat(m.sortino()).isCloseTo(2.0 / 27 / Math.sqrt(0.01 / 3) * Math.sqrt(365.25 / 7), within(1e-12));
        // years = 21 days / 365.25
        assertThat(m.cagr()).isCloseTo(Math.pow(1.21, 365.25 / 21) - 1, withinPercentage(1e-10));
        assertThat(m.maxDrawdownDurationMillis()).isEqualTo(14 * DAY);
    }

    @Test
    void a_drawdown_still_open_at_the_end_lasts_until_the_last_sample() {
        // peak 120 on day 0, 90 = 25 % below, 110 still below at the end: 2 days
        EquitySeries equity = new EquitySeries().append(T0, 120).append(T0 + DAY, 90).append(T0 + 2 * DAY, 110);

        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, equity, List.of());

        assertThat(m.maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(m.maxDrawdownDurationMillis()).isEqualTo(2 * DAY);
    }

    @Test
    void the_longest_drawdown_need_not_be_the_deepest() {
        EquitySeries equity = new EquitySeries()
                .append(T0, 100)
                .append(T0 + DAY, 80) // 20 % deep
                .append(T0 + 2 * DAY, 100) // recovered after 2 days
                .append(T0 + 3 * DAY, 101) // new peak
                .append(T0 + 4 * DAY, 99)
                .append(T0 + 5 * DAY, 100)
                .append(T0 + 6 * DAY, 100.5)
                .append(T0 + 7 * DAY, 101); // back at 101 after 4 days

        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, equity, List.of());

        assertThat(m.maxDrawdown()).isCloseTo(0.2, within(1e-12));
        assertThat(m.maxDrawdownDurationMillis()).isEqualTo(4 * DAY);
    }

    @Test
    void the_initial_equity_is_a_peak_set_at_the_start_of_the_first_bar() {
        // initial 100, first sample 95: the drawdown starts at T0 - 1 day
        EquitySeries recovered = new EquitySeries().append(T0, 95).append(T0 + DAY, 100);
        EquitySeries open = new EquitySeries().append(T0, 95).append(T0 + DAY, 98);

        PerformanceMetrics r = PerformanceMetrics.of(100, DAY, recovered, List.of());
        PerformanceMetrics o = PerformanceMetrics.of(100, DAY, open, List.of());

        assertThat(r.maxDrawdown()).isCloseTo(0.05, within(1e-12));
        assertThat(r.maxDrawdownDurationMillis()).isEqualTo(2 * DAY);
        assertThat(o.maxDrawdown()).isCloseTo(0.05, within(1e-12));
        assertThat(o.maxDrawdownDurationMillis()).isEqualTo(2 * DAY);
    }

    @Test
    void trade_statistics_with_wins_losses_and_a_scratch() {
        List<TradeResult> trades = List.of(
                new TradeResult(T0, T0 + HOUR, 10, 1),
                new TradeResult(T0, T0 + HOUR, -5, 1),
                new TradeResult(T0, T0 + HOUR, 20, 2),
                new TradeResult(T0, T0 + HOUR, -15, 1),
                new TradeResult(T0, T0 + HOUR, 0, 0.5));

        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, new EquitySeries().append(T0, 110), trades);

        // 2 wins of 5 (the scratch is no win); 30 / 20; 10 / 5; 1 + 1 + 2 + 1 + 0.5
        assertThat(m.tradeCount()).isEqualTo(5);
        assertThat(m.winRate()).isCloseTo(0.4, within(1e-12));
        assertThat(m.profitFactor()).isCloseTo(1.5, within(1e-12));
        assertThat(m.expectancy()).isCloseTo(2.0, within(1e-12));
        assertThat(m.feesPaid()).isCloseTo(5.5, within(1e-12));
    }

    @Test
    void trade_statistics_without_trades_are_undefined() {
        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, new EquitySeries().append(T0, 100), List.of());

        assertThat(m.tradeCount()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.expectancy()).isNaN();
        assertThat(m.feesPaid()).isZero();
    }

    @Test
    void profit_factor_without_losers_is_infinite_with_only_losers_zero_and_with_only_scratches_undefined() {
        EquitySeries equity = new EquitySeries().append(T0, 100);

        PerformanceMetrics noLosers = PerformanceMetrics.of(100, DAY, equity,
                List.of(new TradeResult(T0, T0, 10, 0), new TradeResult(T0, T0, 0, 0)));
        PerformanceMetrics onlyLosers = PerformanceMetrics.of(100, DAY, equity,
                List.of(new TradeResult(T0, T0, -10, 0)));
        PerformanceMetrics onlyScratches = PerformanceMetrics.of(100, DAY, equity,
                List.of(new TradeResult(T0, T0, 0, 0.1)));

        assertThat(noLosers.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(noLosers.winRate()).isCloseTo(0.5, within(1e-12));
        assertThat(noLosers.expectancy()).isCloseTo(5, within(1e-12));
        assertThat(onlyLosers.profitFactor()).isZero();
        assertThat(onlyLosers.winRate()).isZero();
        assertThat(onlyScratches.profitFactor()).isNaN();
        assertThat(onlyScratches.winRate()).isZero();
    }

    static final double[] TWENTY_RETURNS = {
        0.03, -0.05, 0.01, 0.02, -0.08, 0.00, 0.04, -0.01, 0.02, 0.01,
        -0.02, 0.05, 0.01, -0.03, 0.02, 0.00, 0.03, -0.01, 0.01, 0.02
    };

    static EquitySeries dailyFromReturns(double initial, double[] returns, int count) {
        EquitySeries equity = new EquitySeries();
        double e = initial;
        for (int i = 0; i < count; i++) {
            e *= 1 + returns[i];
            equity.append(T0 + i * DAY, e);
        }
        return equity;
    }

    @Test
    void historical_var_and_cvar_on_twenty_returns() {
        // sorted: -0.08, -0.05, -0.03, -0.02, -0.01, -0.01, 0, 0, 0.01 x4, 0.02 x4, 0.03 x2, 0.04, 0.05
        // n = 20, index floor(0.05 * 20) = 1: VaR = 0.05, CVaR = (0.08 + 0.05) / 2 = 0.065
        PerformanceMetrics m = PerformanceMetrics.of(1000, DAY, dailyFromReturns(1000, TWENTY_RETURNS, 20), List.of());

        assertThat(m.var95()).isCloseTo(0.05, within(1e-12));
        assertThat(m.cvar95()).isCloseTo(0.065, within(1e-12));
    }

    @Test
    void with_fewer_than_twenty_returns_var_is_the_worst_return() {
        // the first 19: index floor(0.95) = 0, the worst, -0.08
        PerformanceMetrics m = PerformanceMetrics.of(1000, DAY, dailyFromReturns(1000, TWENTY_RETURNS, 19), List.of());

        assertThat(m.var95()).isCloseTo(0.08, within(1e-12));
        assertThat(m.cvar95()).isCloseTo(0.08, within(1e-12));
    }

    @Test
    void var_is_negative_when_even_the_worst_return_is_a_gain() {
        EquitySeries equity = new EquitySeries().append(T0, 110).append(T0 + DAY, 121);

        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, equity, List.of());

        assertThat(m.var95()).isCloseTo(-0.1, within(1e-12));
        assertThat(m.cvar95()).isCloseTo(-0.1, within(1e-12));
        // never below the peak: no drawdown, no downside deviation
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.sortino()).isNaN();
        assertThat(m.calmar()).isNaN();
    }

    @Test
    void a_flat_series_has_no_risk_adjusted_ratios_and_no_drawdown() {
        EquitySeries equity = new EquitySeries().append(T0, 100).append(T0 + DAY, 100).append(T0 + 2 * DAY, 100);

        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, equity, List.of());

        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownDurationMillis()).isZero();
        assertThat(m.calmar()).isNaN();
        assertThat(m.var95()).isEqualTo(0.0);
        assertThat(m.cvar95()).isEqualTo(0.0);
    }

    @Test
    void a_single_return_has_no_sharpe_or_sortino() {
        // one sample, one return: 90/100 - 1 = -0.1
        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, new EquitySeries().append(T0, 90), List.of());

        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.var95()).isCloseTo(0.1, within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        // one bar, from T0 - 1d to T0
        assertThat(m.maxDrawdownDurationMillis()).isEqualTo(DAY);
        assertThat(m.cagr()).isCloseTo(Math.pow(0.9, 365.25) - 1, within(1e-12));
    }

    @Test
    void cagr_is_undefined_when_equity_ends_at_or_below_zero() {
        PerformanceMetrics m = PerformanceMetrics.of(100, DAY, new EquitySeries().append(T0, 0), List.of());

        assertThat(m.cagr()).isNaN();
        assertThat(m.totalReturn()).isCloseTo(-1, within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(1, within(1e-12));
    }

    @Test
    void caller_bugs_are_refused() {
        EquitySeries equity = new EquitySeries().append(T0, 100);

        for (double initial : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PerformanceMetrics.of(initial, DAY, equity, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DrawdownSeries.fromPeak(initial, equity))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PerformanceMetrics.of(100, 0, equity, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerformanceMetrics.of(100, DAY, new EquitySeries(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void annualised_figures_are_flagged_as_not_meaningful_below_thirty_days_of_samples() {
        EquitySeries twoHours = new EquitySeries();
        twoHours.append(T0, 100.0, false);
        twoHours.append(T0 + 2 * HOUR, 101.0, false);
        EquitySeries thirtyDays = new EquitySeries();
        thirtyDays.append(T0, 100.0, false);
        thirtyDays.append(T0 + 30 * DAY, 101.0, false);
        EquitySeries justShort = new EquitySeries();
        justShort.append(T0, 100.0, false);
        justShort.append(T0 + 30 * DAY - MINUTE, 101.0, false);

        PerformanceMetrics hours = PerformanceMetrics.of(100.0, MINUTE, twoHours, java.util.List.of());
        assertThat(hours.cagr()).as("1 % in two hours, compounded to a year").isGreaterThan(10);
        assertThat(hours.annualisedMeaningful()).isFalse();
        assertThat(PerformanceMetrics.of(100.0, MINUTE, justShort, java.util.List.of()).annualisedMeaningful())
                .isFalse();
        assertThat(PerformanceMetrics.of(100.0, MINUTE, thirtyDays, java.util.List.of()).annualisedMeaningful())
                .isTrue();
    }
}
