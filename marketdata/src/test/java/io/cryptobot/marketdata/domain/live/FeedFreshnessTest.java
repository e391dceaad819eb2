package io.cryptobot.marketdata.domain.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Timeframe;
import org.junit.jupiter.api.Test;

class FeedFreshnessTest {
    static final long M = 60_000L;

    @Test
    void a_feed_goes_stale_after_two_silent_intervals_once_and_is_fresh_again_with_the_next_candle() {
        FeedFreshness freshness = new FeedFreshness(Timeframe.M1, 0);
        assertThat(freshness.delivered(0, M + 500)).isEmpty();
        // the candle of minute 0 closed at 1:00; two intervals later (3:00) nothing is wrong yet
        assertThat(freshness.check(3 * M)).isEmpty();
        assertThat(freshness.fresh()).isTrue();
        FeedFreshness.Change stale = freshness.check(3 * M + 1).get();
        assertThat(stale.fresh()).isFalse();
        assertThat(stale.lastOpenTime()).contains(0L);
        assertThat(stale.millis()).isEqualTo(2 * M + 1);
        assertThat(freshness.staleSince()).contains(3 * M + 1);
        assertThat(freshness.check(10 * M)).as("said once").isEmpty();
        FeedFreshness.Change fresh = freshness.delivered(5 * M, 10 * M + 2_000).get();
        assertThat(fresh.fresh()).isTrue();
        assertThat(fresh.lastOpenTime()).contains(5 * M);
        assertThat(fresh.millis()).isEqualTo(7 * M - 1 + 2_000);
        assertThat(freshness.fresh()).isTrue();
        assertThat(freshness.delivered(6 * M, 10 * M + 3_000)).isEmpty();
    }

    @Test
    void before_any_candle_the_start_is_the_reference() {
        FeedFreshness freshness = new FeedFreshness(Timeframe.H1, 1_000);
        assertThat(freshness.check(1_000 + 2 * 3_600_000)).isEmpty();
        assertThat(freshness.check(1_001 + 2 * 3_600_000).get().lastOpenTime()).isEmpty();
    }
}
