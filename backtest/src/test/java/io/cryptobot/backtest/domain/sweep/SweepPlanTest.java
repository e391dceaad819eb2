package io.cryptobot.backtest.domain.sweep;

import static io.cryptobot.backtest.domain.sweep.ParameterSpaceTest.SMA;
import static io.cryptobot.backtest.domain.sweep.ParameterSpaceTest.range;
import static io.cryptobot.backtest.domain.sweep.ParameterSpaceTest.space;
import static io.cryptobot.backtest.domain.sweep.ParameterSpaceTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    @Test
    void points_the_strategy_refuses_are_skipped_and_counted_and_the_rest_keep_base_values() {
        // fast ∈ {10, 20, 30}, slow = 20: (10, 20) is valid; (20, 20) and (30, 20) break fast < slow
        ParameterSpace space = ParameterSpace.checked(SMA, space("fast", values("10", "20", "30"),
                "slow", values("20"))).get();
        SweepPlan plan = SweepPlan.of(SMA, Map.of("fast", "3", "slow", "50"), space, new Search.Grid());
        assertThat(plan.points()).containsExactly(new SweepPoint(0, Map.of("fast", "10", "slow", "20")));
        assertThat(plan.skipped()).isEqualTo(2);
        // a parameter outside the space keeps the base value
        SweepPlan onlyFast = SweepPlan.of(SMA, Map.of("slow", "50"),
                ParameterSpace.checked(SMA, space("fast", values("10"))).get(), new Search.Grid());
        assertThat(onlyFast.points()).containsExactly(new SweepPoint(0, Map.of("fast", "10", "slow", "50")));
    }

    @Test
    void a_random_search_draws_distinct_points_with_a_seeded_splittable_random_in_grid_order() {
        // the definition, worked through: draw nextInt(100) from SplittableRandom(7), drop repeats, keep 5, sort
        SplittableRandom random = new SplittableRandom(7);
        TreeSet<Integer> expected = new TreeSet<>();
        while (expected.size() < 5) {
            expected.add(random.nextInt(100));
        }
        List<Integer> drawn = new Search.Random(5, 7).indices(100);
        assertThat(drawn).containsExactlyElementsOf(new ArrayList<>(expected));
        assertThat(new Search.Random(5, 7).indices(100)).isEqualTo(drawn);
        assertThat(new Search.Random(5, 8).indices(100)).isNotEqualTo(drawn);
    }

    @Test
    void a_sample_at_least_the_grid_size_is_the_whole_grid() {
        assertThat(new Search.Random(4, 1).indices(4)).containsExactly(0, 1, 2, 3);
        assertThat(new Search.Random(10, 1).indices(4)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void a_random_plan_over_sma_keeps_grid_indices() {
        ParameterSpace space = ParameterSpace.checked(SMA, space("fast", range("5", "50", "5"),
                "slow", range("20", "200", "20"))).get();
        SweepPlan plan = SweepPlan.of(SMA, Map.of(), space, new Search.Random(12, 42));
        assertThat(plan.points().size() + plan.skipped()).isEqualTo(12);
        assertThat(plan.points()).isSortedAccordingTo(java.util.Comparator.comparingInt(SweepPoint::index));
        plan.points().forEach(p -> assertThat(p.parameters()).isEqualTo(space.point(p.index())));
    }
}
