package io.cryptobot.backtest.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.kernel.domain.DomainError.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sma_crossover declares fast (integer 1..1000) then slow (integer 2..5000), with the rule fast &lt; slow. */
class ParameterSpaceTest {
    static final StrategyDefinition SMA = StrategyCatalog.find("sma_crossover").get();
    static final StrategyDefinition BOLLINGER = StrategyCatalog.find("bollinger_breakout").get();

    static ParameterSpace.Raw values(String... values) {
        return new ParameterSpace.Raw(List.of(values), null, null, null);
    }

    static ParameterSpace.Raw range(String min, String max, String step) {
        return new ParameterSpace.Raw(null, min, max, step);
    }

    static Map<String, ParameterSpace.Raw> space(Object... nameThenRaw) {
        Map<String, ParameterSpace.Raw> space = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRaw.length; i += 2) {
            space.put((String) nameThenRaw[i], (ParameterSpace.Raw) nameThenRaw[i + 1]);
        }
        return space;
    }

    @Test
    void the_grid_runs_like_nested_loops_in_declaration_order_with_the_last_axis_fastest() {
        // asked slow first, but the axes follow the strategy's declaration: fast, then slow
        ParameterSpace space = ParameterSpace.checked(SMA, space("slow", range("20", "30", "10"),
                "fast", values("5", "10"))).get();
        assertThat(space.axes()).extracting(ParameterSpace.Axis::name).containsExactly("fast", "slow");
        assertThat(space.size()).isEqualTo(4);
        assertThat(List.of(space.point(0), space.point(1), space.point(2), space.point(3))).containsExactly(
                Map.of("fast", "5", "slow", "20"), Map.of("fast", "5", "slow", "30"),
                Map.of("fast", "10", "slow", "20"), Map.of("fast", "10", "slow", "30"));
    }

    @Test
    void a_range_includes_max_only_when_it_lands_on_the_grid() {
        assertThat(ParameterSpace.checked(SMA, space("slow", range("10", "30", "10"))).get().axes().get(0).values())
                .containsExactly("10", "20", "30");
        assertThat(ParameterSpace.checked(SMA, space("slow", range("10", "25", "10"))).get().axes().get(0).values())
                .containsExactly("10", "20");
        assertThat(ParameterSpace.checked(BOLLINGER, space("k", range("1.5", "2.5", "0.25"))).get().axes().get(0)
                .values()).containsExactly("1.5", "1.75", "2", "2.25", "2.5");
    }

    @Test
    void every_violation_is_reported_at_once_under_the_parameter_name() {
        var invalid = ParameterSpace.checked(SMA, space("nope", values("1"), "fast", range("0", "5", "0"),
                "slow", values("20", "x", "20.0")));
        assertThat(invalid.isInvalid()).isTrue();
        assertThat(invalid.getError()).extracting(Violation::field, Violation::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("space.nope", "unknown parameter of sma_crossover; known: fast, slow"),
                org.assertj.core.groups.Tuple.tuple("space.fast", "step must be above 0"),
                org.assertj.core.groups.Tuple.tuple("space.fast", "0 is below the minimum 1"),
                org.assertj.core.groups.Tuple.tuple("space.slow", "must be a number, got 'x'"),
                org.assertj.core.groups.Tuple.tuple("space.slow", "lists 20.0 twice"));
    }

    @Test
    void integers_refuse_fractions_and_a_list_and_a_range_together() {
        var invalid = ParameterSpace.checked(SMA, space("fast", new ParameterSpace.Raw(List.of("5"), "1", "2", "1"),
                "slow", range("20", "30.5", "1")));
        assertThat(invalid.getError()).extracting(Violation::field, Violation::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("space.fast", "give either values or min, max and step"),
                org.assertj.core.groups.Tuple.tuple("space.slow", "max must be a whole number, got '30.5'"));
    }

    @Test
    void more_than_the_cap_of_points_is_refused() {
        // 1,000 fast values × 4,999 slow values
        var invalid = ParameterSpace.checked(SMA, space("fast", range("1", "1000", "1"), "slow", range("2", "5000",
                "1")));
        assertThat(invalid.getError()).extracting(Violation::field, Violation::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("space", "has 4999000 points; at most 5000"));
    }

    @Test
    void an_empty_space_is_the_base_config_alone() {
        ParameterSpace space = ParameterSpace.checked(SMA, Map.of()).get();
        assertThat(space.size()).isEqualTo(1);
        assertThat(space.point(0)).isEmpty();
    }
}
