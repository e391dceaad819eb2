package io.cryptobot.bot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderRateWindowTest {
    private static final long T = 1_700_000_000_000L;
    private final OrderRateWindow window = new OrderRateWindow();

    @Test
    void counts_the_orders_of_the_last_sixty_seconds() {
        window.add(T, 3);
        window.add(T + 30_000, 2);

        assertThat(window.count(T + 59_999)).isEqualTo(5);
        assertThat(window.count(T + 60_000)).isEqualTo(2);
        assertThat(window.count(T + 90_000)).isZero();
        assertThat(window.isEmpty(T + 90_000)).isTrue();
    }

    @Test
    void below_the_limit_there_is_nothing_to_wait_for() {
        window.add(T, 4);

        assertThat(window.millisUntilBelow(5, T + 10)).isZero();
    }

    @Test
    void at_the_limit_the_wait_ends_when_enough_of_the_oldest_orders_have_left() {
        window.add(T, 2);
        window.add(T + 10_000, 2);
        window.add(T + 20_000, 1);

        // 5 counted, limit 5: one has to leave; the two of second T leave at T + 60 s
        assertThat(window.millisUntilBelow(5, T + 25_000)).isEqualTo(35_000);
        // limit 3: three have to leave, the second T + 10 s ones too
        assertThat(window.millisUntilBelow(3, T + 25_000)).isEqualTo(45_000);
        assertThat(window.millisUntilBelow(5, T + 60_000)).isZero();
    }

    @Test
    void an_order_given_back_is_no_longer_counted() {
        window.add(T, 2);
        window.remove(T + 500);

        assertThat(window.count(T + 1_000)).isEqualTo(1);
        window.remove(T + 500);
        window.remove(T + 500);
        assertThat(window.count(T + 1_000)).isZero();
    }

    @Test
    void a_slot_reused_a_minute_later_starts_from_zero() {
        window.add(T, 7);
        window.add(T + 60_000, 1);

        assertThat(window.count(T + 60_000)).isEqualTo(1);
    }
}
