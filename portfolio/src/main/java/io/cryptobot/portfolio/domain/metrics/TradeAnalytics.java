package io.cryptobot.portfolio.domain.metrics;

import io.cryptobot.portfolio.domain.ClosedTrade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Closed trades summed up for analytics, exactly (net P&L = gross − fees, in the quote): by the UTC day, ISO week
 * or month in which each trade closed, by instrument, and as a distribution of trade results. One definition
 * for backtests and accounts, like {@link PerformanceMetrics}.
 */
public final class TradeAnalytics {
    private TradeAnalytics() {
    }

    public enum Period {
        DAY,
        WEEK,
        MONTH;

        /** The period's label of an exit time: {@code 2024-01-05}, {@code 2024-W01}, {@code 2024-01}. */
        String label(ZonedDateTime time) {
            return switch (this) {
                case DAY -> time.toLocalDate().toString();
                case WEEK -> String.format("%d-W%02d", time.get(IsoFields.WEEK_BASED_YEAR),
                        time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> String.format("%d-%02d", time.getYear(), time.getMonthValue());
            };
        }
    }

    /** Net P&L per period of the exit time, periods in time order; periods without a closed trade are absent. */
    public static Map<String, BigDecimal> netPnlBy(Period period, List<ClosedTrade> trades) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (ClosedTrade trade : trades) {
            String label = period.label(trade.exitTime().atZone(ZoneOffset.UTC));
            sums.merge(label, trade.netPnl().toBigDecimal(), BigDecimal::add);
        }
        return sums;
    }

    /** Net P&L per instrument, by instrument id. */
    public static Map<String, BigDecimal> netPnlByInstrument(List<ClosedTrade> trades) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (ClosedTrade trade : trades) {
            sums.merge(trade.instrument().toString(), trade.netPnl().toBigDecimal(), BigDecimal::add);
        }
        return sums;
    }

    /**
     * How trade results spread: wins (net P&L above zero), losses (below), even ones, and {@code bins} equal-width
     * bins from the worst to the best result (the last bin includes the best); no bins without trades.
     */
    public static Distribution distribution(List<ClosedTrade> trades, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin");
        }
        int wins = 0;
        int losses = 0;
        List<BigDecimal> results = new ArrayList<>(trades.size());
        for (ClosedTrade trade : trades) {
            BigDecimal net = trade.netPnl().toBigDecimal();
            results.add(net);
            wins += net.signum() > 0 ? 1 : 0;
            losses += net.signum() < 0 ? 1 : 0;
        }
        int even = trades.size() - wins - losses;
        if (results.isEmpty()) {
            return new Distribution(0, 0, 0, List.of());
        }
        BigDecimal min = results.stream().min(BigDecimal::compareTo).get();
        BigDecimal max = results.stream().max(BigDecimal::compareTo).get();
        BigDecimal width = max.subtract(min).divide(BigDecimal.valueOf(bins), MathContext.DECIMAL64);
        int[] counts = new int[bins];
        for (BigDecimal result : results) {
            int bin = width.signum() == 0 ? 0
                    : Math.min(bins - 1, result.subtract(min).divide(width, MathContext.DECIMAL64).intValue());
            counts[bin]++;
        }
        List<Bin> histogram = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            BigDecimal from = min.add(width.multiply(BigDecimal.valueOf(i)));
            BigDecimal to = i == bins - 1 ? max : min.add(width.multiply(BigDecimal.valueOf(i + 1L)));
            histogram.add(new Bin(from, to, counts[i]));
            if (width.signum() == 0) {
                break;
            }
        }
        return new Distribution(wins, losses, even, histogram);
    }

    public record Distribution(int wins, int losses, int even, List<Bin> bins) {
        public Distribution {
            bins = List.copyOf(bins);
        }
    }

    /** Trades whose net P&L lies in [from, to) ({@code to} included for the last bin). */
    public record Bin(BigDecimal from, BigDecimal to, int trades) {
        public Bin {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
