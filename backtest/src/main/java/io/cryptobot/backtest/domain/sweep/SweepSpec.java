package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.bot.domain.strategy.EntrySizing;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Map;
import java.util.Objects;

/**
 * A validated sweep: the base backtest (its parameters are the values of parameters outside the space), the
 * space, which points to search, what ranks them and, for walk-forward, the windows. Grid and random sweeps run
 * every point over the base range; walk-forward searches the same points on each in-sample slice.
 */
public record SweepSpec(SweepKind kind, BacktestConfig base, ParameterSpace space, Search search, Objective objective,
                        Option<WalkForward> walkForward) {
    public static final String DEFAULT_OBJECTIVE = "totalReturn";

    public SweepSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(walkForward, "walkForward");
        if (walkForward.isDefined() != (kind == SweepKind.WALK_FORWARD)) {
            throw new IllegalArgumentException("walk-forward windows go with kind walk_forward only");
        }
    }

    /** The points to run (the base parameters overridden per point) and the count skipped by the strategy. */
    public SweepPlan plan() {
        return SweepPlan.of(base.definition(), base.parameters(), space, search);
    }

    /**
     * A sweep as a client sent it. {@code samples} (and {@code seed}, default 0) select a random search: required
     * for {@code random}, optional for {@code walk_forward} (grid otherwise), refused for {@code grid}.
     */
    public record Raw(String kind, BacktestConfig.Raw backtest, Map<String, ParameterSpace.Raw> space,
                      String samples, String seed, String objective, WalkForward.Raw walkForward) {
    }

    /**
     * Validates a request and reports every problem at once: the base backtest's under {@code backtest.<field>},
     * then {@code kind}, {@code space.<parameter>}, {@code samples}, {@code seed}, {@code objective} and
     * {@code walkForward.<field>}; and, once all of that is valid, {@code space} if every point breaks the
     * strategy's own rules.
     */
    public static Validation<Seq<Violation>, SweepSpec> checked(Raw raw) {
        List<Violation> found = List.empty();
        Validation<Seq<Violation>, BacktestConfig> base = raw.backtest() == null
                ? Validation.invalid(List.of(new Violation("backtest", "is required")))
                : BacktestConfig.checked(raw.backtest()).mapError(v -> v.map(x -> new Violation("backtest." + x.field(),
                x.reason())));
        if (raw.backtest() == null) {
            found = found.appendAll(base.getError());
        } else if (base.isInvalid()) {
            found = found.appendAll(base.getError());
        }
        Option<SweepKind> kind = Option.of(raw.kind()).flatMap(SweepKind::parse);
        if (kind.isEmpty()) {
            found = found.append(new Violation("kind", "must be one of grid, random, walk_forward, got '"
                    + raw.kind() + "'"));
        }
        Option<ParameterSpace> space = Option.none();
        if (base.isValid()) {
            Validation<Seq<Violation>, ParameterSpace> checked = ParameterSpace.checked(base.get().definition(),
                    raw.space());
            found = found.appendAll(checked.isInvalid() ? checked.getError() : List.empty());
            space = checked.toOption();
            if (base.get().sizing().isDefined() && raw.space() != null && raw.space().containsKey("amount")
                    && base.get().definition().sizingUse() == EntrySizing.Use.REPLACES_AMOUNT) {
                found = found.append(new Violation("space.amount", "backtest.sizing replaces the amount of each "
                        + "buy of " + base.get().strategy() + "; sweep one or the other"));
            }
        }
        Option<Integer> samples = Option.none();
        if (raw.samples() != null) {
            try {
                int n = Integer.parseInt(raw.samples().trim());
                if (n < 1 || n > ParameterSpace.MAX_POINTS) {
                    found = found.append(new Violation("samples", "must be between 1 and " + ParameterSpace.MAX_POINTS));
                } else {
                    samples = Option.some(n);
                }
            } catch (NumberFormatException e) {
                found = found.append(new Violation("samples", "must be a whole number, got '" + raw.samples() + "'"));
            }
        }
        if (kind.contains(SweepKind.RANDOM) && raw.samples() == null) {
            found = found.append(new Violation("samples", "is required for a random sweep"));
        }
        if (kind.contains(SweepKind.GRID) && raw.samples() != null) {
            found = found.append(new Violation("samples", "a grid sweep runs every point; use kind random"));
        }
        long seed = 0;
        if (raw.seed() != null) {
            try {
                seed = Long.parseLong(raw.seed().trim());
            } catch (NumberFormatException e) {
                found = found.append(new Violation("seed", "must be a whole number, got '" + raw.seed() + "'"));
            }
        }
        String objectiveCode = raw.objective() == null ? DEFAULT_OBJECTIVE : raw.objective();
        Option<Objective.Metric> metric = Objective.Metric.parse(objectiveCode);
        if (metric.isEmpty()) {
            found = found.append(new Violation("objective", "must be one of " + Objective.Metric.known() + ", got '"
                    + objectiveCode + "'"));
        }
        Option<WalkForward> walkForward = Option.none();
        if (kind.contains(SweepKind.WALK_FORWARD) && base.isValid()) {
            BacktestConfig config = base.get();
            Validation<Seq<Violation>, WalkForward> checked = WalkForward.checked(raw.walkForward(),
                    config.timeframe().nominalLength().toMillis(), config.from(), config.to());
            found = found.appendAll(checked.isInvalid() ? checked.getError() : List.empty());
            walkForward = checked.toOption();
        } else if (kind.isDefined() && kind.get() != SweepKind.WALK_FORWARD && raw.walkForward() != null) {
            found = found.append(new Violation("walkForward", "only for kind walk_forward"));
        }
        if (!found.isEmpty()) {
            return Validation.invalid(found);
        }
        Search search = samples.<Search>map(n -> new Search.Random(n, 0)).getOrElse(new Search.Grid());
        if (search instanceof Search.Random) {
            search = new Search.Random(samples.get(), seed);
        }
        SweepSpec spec = new SweepSpec(kind.get(), base.get(), space.get(), search, new Objective(metric.get()),
                walkForward);
        if (spec.plan().points().isEmpty()) {
            return Validation.invalid(List.of(new Violation("space", "every point breaks the rules of "
                    + spec.base().strategy() + ", nothing to run")));
        }
        return Validation.valid(spec);
    }
}
