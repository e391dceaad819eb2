package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandleOverlayTest {
    private static final long MIN = 60_000;

    @Test
    void the_users_candle_wins_at_an_open_time_both_have_and_the_rest_interleave_in_order() {
        CandleBatch own = batch(new long[] {1, 3, 6}, 1);

        CandleBatch view = overlay(own, new long[] {0, 1, 2, 3, 4}, 100, 10);

        assertThat(openTimes(view)).containsExactly(0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 6 * MIN);
        assertThat(closes(view)).containsExactly(100, 1, 100, 1, 100, 1);
    }

    @Test
    void holds_at_most_the_limit_taking_the_earliest_of_both_sides() {
        CandleBatch own = batch(new long[] {0, 5, 7}, 1);

        CandleBatch view = overlay(own, new long[] {1, 2, 3, 4, 6}, 100, 4);

        assertThat(openTimes(view)).containsExactly(0, MIN, 2 * MIN, 3 * MIN);
    }

    @Test
    void own_candles_after_the_last_shared_one_are_appended_up_to_the_limit() {
        CandleBatch own = batch(new long[] {8, 9, 10}, 1);

        CandleBatch view = overlay(own, new long[] {1}, 100, 3);

        assertThat(openTimes(view)).containsExactly(MIN, 8 * MIN, 9 * MIN);
    }

    @Test
    void with_no_shared_candle_the_own_batch_is_the_view_without_a_copy() {
        CandleBatch own = batch(new long[] {1, 2}, 1);
        CandleOverlay overlay = new CandleOverlay(own, new CandleBatch(2, 5, 4), 10);

        assertThat(overlay.finish()).isSameAs(own);
    }

    @Test
    void refuses_a_batch_of_other_scales() {
        assertThatThrownBy(() -> new CandleOverlay(batch(new long[] {1}, 1), new CandleBatch(3, 5, 4), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CandleBatch overlay(CandleBatch own, long[] sharedMinutes, long sharedClose, int limit) {
        CandleOverlay overlay = new CandleOverlay(own, new CandleBatch(2, 5, 4), limit);
        for (long minute : sharedMinutes) {
            overlay.shared(minute * MIN, sharedClose, sharedClose, sharedClose, sharedClose, 1);
        }
        return overlay.finish();
    }

    private static CandleBatch batch(long[] minutes, long close) {
        CandleBatch batch = new CandleBatch(2, 5, 4);
        for (long minute : minutes) {
            batch.add(minute * MIN, close, close, close, close, 1);
        }
        return batch;
    }

    private static long[] openTimes(CandleBatch batch) {
        return IntStream.range(0, batch.size()).mapToLong(batch::openTime).toArray();
    }

    private static long[] closes(CandleBatch batch) {
        return IntStream.range(0, batch.size()).mapToLong(batch::close).toArray();
    }
}
