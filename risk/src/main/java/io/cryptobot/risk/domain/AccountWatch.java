package io.cryptobot.risk.domain;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Watches one trading account over time for its risk rules: the UTC trading day (its start and the equity then),
 * the day's loss against the daily limits (the auto-halt, and its lifting at the next day where the account wants
 * that), and the orders of the last minute (the order-rate rule). It turns the account's state into the
 * {@link AccountSnapshot} every pre-trade check reads. Mutable, single-threaded, no clock: times are the account's
 * step times, which never go back.
 */
public final class AccountWatch {
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long MINUTE_MILLIS = 60_000L;
    private final RiskLimits limits;
    private final boolean watchesDailyLoss;
    private long day = Long.MIN_VALUE;
    private Money dayStartEquity;
    private boolean haltedByDailyLoss;
    private long[] orderTimes = new long[16];
    private int first;
    private int count;

    public AccountWatch(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.watchesDailyLoss = limits.maxDailyLoss().isDefined() || limits.maxDailyLossShare().isDefined();
    }

    /** Whether a daily loss limit is set, so that marks must measure the day's loss. */
    public boolean watchesDailyLoss() {
        return watchesDailyLoss;
    }

    /**
     * The account marked at step {@code time} with {@code equity}: the first mark of a UTC day starts the day (and,
     * when {@code liftNextDay}, lifts the halt a breached daily loss caused the day before); a later mark halts
     * trading when the day's loss breaches a daily limit. The change to apply, if any; for a halt the caller also
     * cancels the open orders.
     */
    public Option<TradingStateChanged> mark(long time, Money equity, Map<InstrumentId, Quantity> positions,
                                            int openOrders, TradingState state, boolean liftNextDay,
                                            Supplier<EventMeta> meta) {
        long today = Math.floorDiv(time, DAY_MILLIS);
        if (today != day) {
            day = today;
            dayStartEquity = equity;
            if (haltedByDailyLoss && liftNextDay) {
                haltedByDailyLoss = false;
                return state.resume("new UTC day after the daily loss halt", meta.get()).toOption()
                        .map(resumed -> resumed);
            }
            return Option.none();
        }
        Option<TradingStateChanged> halt = DailyLoss.autoHalt(snapshot(equity, positions, openOrders, time), limits,
                state, meta.get()).map(halted -> halted);
        if (halt.isDefined()) {
            haltedByDailyLoss = true;
        }
        return halt;
    }

    /** The owner moved the trading state: a daily-loss halt is no longer this watch's to lift. */
    public void ownerChangedState() {
        haltedByDailyLoss = false;
    }

    /** An order was created at {@code time} (placed or denied): it counts against the order rate for a minute. */
    public void orderPlaced(long time) {
        if (count == orderTimes.length) {
            long[] grown = new long[orderTimes.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = orderTimes[(first + i) % orderTimes.length];
            }
            orderTimes = grown;
            first = 0;
        }
        orderTimes[(first + count) % orderTimes.length] = time;
        count++;
    }

    /** The account as the pre-trade rules see it at step {@code now}. */
    public AccountSnapshot snapshot(Money equity, Map<InstrumentId, Quantity> positions, int openOrders, long now) {
        Money start = dayStartEquity == null ? equity : dayStartEquity;
        return new AccountSnapshot(equity, positions, openOrders, equity.minus(start), start, ordersInLastMinute(now));
    }

    private int ordersInLastMinute(long now) {
        while (count > 0 && orderTimes[first] <= now - MINUTE_MILLIS) {
            first = (first + 1) % orderTimes.length;
            count--;
        }
        return count;
    }
}
