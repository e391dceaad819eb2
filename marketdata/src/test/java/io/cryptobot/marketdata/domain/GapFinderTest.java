package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Timeframe;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapFinderTest {
    private static final long MIN = 60_000;

    @Test
    void finds_the_missing_minutes_between_present_candles_and_at_the_end() {
        List<Gap> gaps = find(Timeframe.M1, 0, 12 * MIN, 0, 1, 2, 5, 6, 9);

        assertThat(gaps).containsExactly(new Gap(3 * MIN, 5 * MIN, 2), new Gap(7 * MIN, 9 * MIN, 2),
                new Gap(10 * MIN, 12 * MIN, 2));
    }

    @Test
    void runs_of_contiguous_candles_give_the_same_gaps_as_every_open_time() {
        List<Gap> all = find(Timeframe.M1, 0, 12 * MIN, 0, 1, 2, 3, 4, 7, 8, 10);
        List<Gap> borders = GapFinder.findBetweenRuns(Timeframe.M1, 0, 12 * MIN,
                new long[] {0, 4 * MIN, 7 * MIN, 8 * MIN, 10 * MIN, 10 * MIN});

        assertThat(borders).isEqualTo(all).containsExactly(new Gap(5 * MIN, 7 * MIN, 2),
                new Gap(9 * MIN, 10 * MIN, 1), new Gap(11 * MIN, 12 * MIN, 1));
    }

    @Test
    void the_union_of_two_run_lists_merges_overlapping_and_touching_runs() {
        long[] own = {2 * MIN, 3 * MIN, 9 * MIN, 9 * MIN};
        long[] shared = {0, 1 * MIN, 3 * MIN, 5 * MIN, 8 * MIN, 8 * MIN, 11 * MIN, 11 * MIN};

        long[] union = GapFinder.unionOfRuns(Timeframe.M1, own, shared);

        assertThat(union).containsExactly(0, 5 * MIN, 8 * MIN, 9 * MIN, 11 * MIN, 11 * MIN);
        assertThat(GapFinder.findBetweenRuns(Timeframe.M1, 0, 12 * MIN, union))
                .containsExactly(new Gap(6 * MIN, 8 * MIN, 2), new Gap(10 * MIN, 11 * MIN, 1));
    }

    @Test
    void the_union_with_nothing_is_the_runs_themselves_and_a_run_inside_another_disappears() {
        long[] shared = {0, 9 * MIN};

        assertThat(GapFinder.unionOfRuns(Timeframe.M1, new long[0], shared)).containsExactly(0, 9 * MIN);
        assertThat(GapFinder.unionOfRuns(Timeframe.M1, new long[] {4 * MIN, 5 * MIN}, shared))
                .containsExactly(0, 9 * MIN);
    }

    @Test
    void the_union_of_calendar_months_joins_consecutive_months_and_keeps_one_of_a_month_both_have() {
        long jan = 1_704_067_200_000L; // 2024-01-01
        long feb = Timeframe.MO1.next(jan);
        long mar = Timeframe.MO1.next(feb);
        long may = Timeframe.MO1.next(Timeframe.MO1.next(mar));

        long[] union = GapFinder.unionOfRuns(Timeframe.MO1, new long[] {jan, jan, feb, feb},
                new long[] {feb, feb, may, may});

        assertThat(union).containsExactly(jan, feb, may, may);
    }

    @Test
    void an_empty_range_is_one_gap_and_an_unaligned_start_rounds_up() {
        assertThat(find(Timeframe.H1, 30 * MIN, 5 * 60 * MIN))
                .containsExactly(new Gap(60 * MIN, 5 * 60 * MIN, 4));
    }

    @Test
    void a_complete_range_has_no_gap() {
        assertThat(find(Timeframe.M1, 0, 3 * MIN, 0, 1, 2)).isEmpty();
    }

    @Test
    void counts_calendar_months() {
        long jan = 1_704_067_200_000L; // 2024-01-01
        long apr = 1_711_929_600_000L; // 2024-04-01
        List<Gap> gaps = GapFinder.find(Timeframe.MO1, jan, apr, Arrays.stream(new long[] {jan}).iterator());

        assertThat(gaps).singleElement().satisfies(g -> assertThat(g.missing()).isEqualTo(2));
    }

    private static List<Gap> find(Timeframe timeframe, long from, long to, long... presentMinutes) {
        long step = timeframe == Timeframe.M1 ? MIN : 1;
        return GapFinder.find(timeframe, from, to, Arrays.stream(presentMinutes).map(m -> m * step).iterator());
    }
}
