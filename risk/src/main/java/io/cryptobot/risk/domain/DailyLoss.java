package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Amounts.plain;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.risk.domain.event.TradingStateChanged.TradingHalted;
import io.vavr.control.Option;
import java.math.BigDecimal;

/**
 * The daily loss limit, in both its uses: it refuses new risk (rule {@code max_daily_loss}), and it trips the
 * kill switch. A limit is breached once the day's P&L is at or below minus the limit: reaching it counts.
 */
public final class DailyLoss {
    private DailyLoss() {
    }

    /**
     * The halt a daily-loss breach calls for, or none when no limit is breached or trading is already halted.
     * Pure: the caller applies and publishes the event.
     */
    public static Option<TradingHalted> autoHalt(AccountSnapshot account, RiskLimits limits, TradingState state,
            EventMeta meta) {
        return breach(account, limits).flatMap(reason -> state.halt(reason, meta).toOption());
    }

    /** Why the day's loss breaches a limit, or none. The absolute limit is looked at first. */
    static Option<String> breach(AccountSnapshot account, RiskLimits limits) {
        BigDecimal loss = account.dayPnl().toBigDecimal().negate();
        if (loss.signum() <= 0) {
            return Option.none();
        }
        Option<String> absolute = limits.maxDailyLoss()
                .filter(limit -> loss.compareTo(limit.toBigDecimal()) >= 0)
                .map(limit -> "day's P&L " + account.dayPnl() + " has reached the daily loss limit of " + limit);
        if (absolute.isDefined()) {
            return absolute;
        }
        BigDecimal start = account.dayStartEquity().toBigDecimal();
        return limits.maxDailyLossShare()
                .filter(limit -> start.signum() > 0 && loss.compareTo(limit.of(start)) >= 0)
                .map(limit -> "day's P&L " + account.dayPnl() + " is a loss of " + Share.percentOf(loss, start)
                        + "% of the day-start equity " + account.dayStartEquity() + ", limit " + limit + " ("
                        + plain(limit.of(start)) + " " + account.currency() + ")");
    }
}
