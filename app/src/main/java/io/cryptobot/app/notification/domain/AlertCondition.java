package io.cryptobot.app.notification.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an alert rule watches on a bot, with its threshold; "beyond" is strictly greater. Percentages are of the
 * bot's equity: drawdown from its peak, the day's loss from its equity when the UTC day began, exposure as the open
 * positions' worth (long and short alike) over the equity. Measured on the equity curve's {@code double}s.
 */
public sealed interface AlertCondition {
    /** The kind's code in the API: drawdown, daily_loss, no_trade, exposure. */
    String code();

    /** The threshold's unit: percent, quote (the bot's currency) or hours. */
    String unit();

    BigDecimal threshold();

    record Drawdown(BigDecimal threshold) implements AlertCondition {
        public Drawdown {
            positive(threshold, 100);
        }

        public String code() {
            return "drawdown";
        }

        public String unit() {
            return "percent";
        }
    }

    /** The day's loss in percent of the day's opening equity, or ({@code quote}) in the bot's currency. */
    record DailyLoss(BigDecimal threshold, boolean quote) implements AlertCondition {
        public DailyLoss {
            positive(threshold, quote ? Double.MAX_VALUE : 100);
        }

        public String code() {
            return "daily_loss";
        }

        public String unit() {
            return quote ? "quote" : "percent";
        }
    }

    /** No fill for more than {@code threshold} hours while the bot runs (checked by the scheduler). */
    record NoTrade(BigDecimal threshold) implements AlertCondition {
        public NoTrade {
            positive(threshold, 24 * 366);
        }

        public String code() {
            return "no_trade";
        }

        public String unit() {
            return "hours";
        }

        public long millis() {
            return threshold.multiply(BigDecimal.valueOf(3_600_000)).longValue();
        }
    }

    record Exposure(BigDecimal threshold) implements AlertCondition {
        public Exposure {
            positive(threshold, 100_000);
        }

        public String code() {
            return "exposure";
        }

        public String unit() {
            return "percent";
        }
    }

    private static void positive(BigDecimal threshold, double max) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() <= 0 || threshold.doubleValue() > max) {
            throw new IllegalArgumentException("the threshold must be above 0 and at most " + max + ": " + threshold);
        }
    }
}
