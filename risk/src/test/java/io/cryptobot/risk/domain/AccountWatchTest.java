package io.cryptobot.risk.domain;

import static io.cryptobot.risk.domain.Fixtures.META;
import static io.cryptobot.risk.domain.Fixtures.usdt;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Money;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Option;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account watch on hand-worked days: limit 5 % daily loss of the day-start equity, 10,000 USDT at the start. */
class AccountWatchTest {
    static final long DAY = 86_400_000L;
    private final AccountWatch watch = new AccountWatch(new LimitsInput(null, null, null, null, "5", null, "3")
            .parse(Fixtures.USDT).get());

    @Test
    void the_first_mark_of_a_utc_day_starts_the_day_and_a_later_one_halts_at_the_limit() {
        assertThat(mark(DAY + 60_000, "10000", TradingState.ACTIVE, false)).isEmpty();
        // 9,501 is a loss of 499 = 4.99 %: below the limit
        assertThat(mark(DAY + 120_000, "9501", TradingState.ACTIVE, false)).isEmpty();
        // 9,500 is a loss of 500 = 5 %: reaching the limit counts
        assertThat(mark(DAY + 180_000, "9500", TradingState.ACTIVE, false)).singleElement()
                .isInstanceOf(TradingStateChanged.TradingHalted.class);
        assertThat(watch.snapshot(usdt("9400"), Map.of(), 0, DAY + 240_000).dayPnl()).isEqualTo(usdt("-600"));
    }

    @Test
    void a_daily_loss_halt_is_lifted_at_the_next_day_only_where_the_account_wants_it() {
        mark(DAY, "10000", TradingState.ACTIVE, true);
        mark(DAY + 60_000, "9000", TradingState.ACTIVE, true);
        // next day: the day starts at 9,000, and the halt of yesterday is lifted
        assertThat(mark(2 * DAY, "9000", TradingState.HALTED, true)).singleElement()
                .isInstanceOf(TradingStateChanged.TradingResumed.class);
        AccountWatch owned = new AccountWatch(new LimitsInput(null, null, null, null, "5", null, null)
                .parse(Fixtures.USDT).get());
        owned.mark(DAY, usdt("10000"), Map.of(), 0, TradingState.ACTIVE, true, () -> META);
        owned.mark(DAY + 60_000, usdt("9000"), Map.of(), 0, TradingState.ACTIVE, true, () -> META);
        owned.ownerChangedState();
        // the owner took the kill switch over: the watch no longer lifts it
        assertThat(owned.mark(2 * DAY, usdt("9000"), Map.of(), 0, TradingState.HALTED, true, () -> META)).isEmpty();
    }

    @Test
    void orders_count_against_the_rate_for_one_minute() {
        watch.orderPlaced(0);
        watch.orderPlaced(30_000);
        watch.orderPlaced(59_999);
        assertThat(watch.snapshot(usdt("1"), Map.of(), 0, 59_999).ordersLastMinute()).isEqualTo(3);
        // at 60,000 the order at 0 is a minute old: it no longer counts
        assertThat(watch.snapshot(usdt("1"), Map.of(), 0, 60_000).ordersLastMinute()).isEqualTo(2);
        for (int i = 0; i < 40; i++) {
            watch.orderPlaced(100_000 + i);
        }
        assertThat(watch.snapshot(usdt("1"), Map.of(), 0, 100_039).ordersLastMinute()).isEqualTo(41);
        assertThat(watch.snapshot(usdt("1"), Map.of(), 0, 160_000).ordersLastMinute()).isEqualTo(39);
    }

    private Option<TradingStateChanged> mark(long time, String equity, TradingState state, boolean liftNextDay) {
        Money value = usdt(equity);
        return watch.mark(time, value, Map.of(), 0, state, liftNextDay, () -> META);
    }
}
