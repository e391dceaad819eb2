package io.cryptobot.backtest.domain.sweep;

import io.cryptobot.bot.domain.strategy.ParameterSpec;
import io.cryptobot.bot.domain.strategy.ParameterType;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.FixedPoint;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values a sweep tries, per parameter of one strategy: its axes in the strategy's declaration order, each a
 * non-empty list of distinct values as strings the strategy parses. The grid is the cartesian product; point
 * {@code i} is {@code i} written in mixed radix with the last axis varying fastest, exactly the order of nested
 * loops over the axes (first axis outermost). Parameters without an axis keep the base config's value.
 */
public record ParameterSpace(java.util.List<Axis> axes) {
    /** More points than this is refused: a grid that large is a typo, not a plan. */
    public static final int MAX_POINTS = 5_000;

    public ParameterSpace {
        axes = java.util.List.copyOf(axes);
        long size = 1;
        for (Axis axis : axes) {
            size *= axis.values().size();
            if (size > MAX_POINTS) {
                throw new IllegalArgumentException("more than " + MAX_POINTS + " points");
            }
        }
    }

    /** One parameter's values, in the order given (a range: ascending from its minimum). */
    public record Axis(String name, java.util.List<String> values) {
        public Axis {
            Objects.requireNonNull(name, "name");
            values = java.util.List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(name + ": no values");
            }
        }
    }

    /** A parameter's values as a client sent them: either an explicit list, or min, max and step. */
    public record Raw(java.util.List<String> values, String min, String max, String step) {
    }

    /** Number of grid points: the product of the axes' sizes (1 for an empty space: the base config alone). */
    public int size() {
        int size = 1;
        for (Axis axis : axes) {
            size *= axis.values().size();
        }
        return size;
    }

    /** The axes' values at grid point {@code index} (0 ≤ index &lt; {@link #size()}). */
    public Map<String, String> point(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        int rest = index;
        String[] names = new String[axes.size()];
        String[] chosen = new String[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            Axis axis = axes.get(a);
            int n = axis.values().size();
            names[a] = axis.name();
            chosen[a] = axis.values().get(rest % n);
            rest /= n;
        }
        for (int a = 0; a < names.length; a++) {
            values.put(names[a], chosen[a]);
        }
        return values;
    }

    /**
     * Checks a requested space against the strategy's declared parameters and reports every problem at once, each
     * under {@code space.<name>}: unknown parameters; neither or both of a list and a range; values of the wrong
     * type or outside the declared range; a range with a missing or non-positive step, max below min, or (for
     * integers) fractional bounds; duplicate values; booleans only as lists. A range {@code {min, max, step}} is
     * {@code min, min + step, ...} up to and including {@code max} when it lands on the grid. A space of more than
     * {@link #MAX_POINTS} points is refused under {@code space}.
     */
    public static Validation<Seq<Violation>, ParameterSpace> checked(StrategyDefinition strategy,
                                                                     Map<String, Raw> raw) {
        Map<String, Raw> requested = raw == null ? Map.of() : raw;
        List<Violation> found = List.empty();
        for (String name : requested.keySet()) {
            if (strategy.parameters().find(spec -> spec.name().equals(name)).isEmpty()) {
                found = found.append(new Violation("space." + name, "unknown parameter of " + strategy.id()
                        + "; known: " + strategy.parameters().map(ParameterSpec::name).mkString(", ")));
            }
        }
        java.util.List<Axis> axes = new ArrayList<>();
        for (ParameterSpec spec : strategy.parameters()) {
            Raw entry = requested.get(spec.name());
            if (entry == null && requested.containsKey(spec.name())) {
                found = found.append(new Violation("space." + spec.name(), "must give values or min, max and step"));
                continue;
            }
            if (entry == null) {
                continue;
            }
            Validation<Seq<String>, java.util.List<String>> values = values(spec, entry);
            if (values.isInvalid()) {
                found = found.appendAll(values.getError().map(r -> new Violation("space." + spec.name(), r)));
            } else {
                axes.add(new Axis(spec.name(), values.get()));
            }
        }
        if (found.isEmpty()) {
            long size = 1;
            for (Axis axis : axes) {
                size = Math.min(size * axis.values().size(), Long.MAX_VALUE / 10_000);
            }
            if (size > MAX_POINTS) {
                found = found.append(new Violation("space", "has " + size + " points; at most " + MAX_POINTS));
            }
        }
        return found.isEmpty() ? Validation.valid(new ParameterSpace(axes)) : Validation.invalid(found);
    }

    private static Validation<Seq<String>, java.util.List<String>> values(ParameterSpec spec, Raw raw) {
        boolean list = raw.values() != null;
        boolean range = raw.min() != null || raw.max() != null || raw.step() != null;
        if (list == range) {
            return Validation.invalid(List.of("give either values or min, max and step"));
        }
        if (list) {
            return listed(spec, raw.values());
        }
        if (spec.type() == ParameterType.BOOLEAN) {
            return Validation.invalid(List.of("a boolean takes a list of values, not a range"));
        }
        return ranged(spec, raw);
    }

    private static Validation<Seq<String>, java.util.List<String>> listed(ParameterSpec spec,
                                                                        java.util.List<String> values) {
        if (values.isEmpty()) {
            return Validation.invalid(List.of("needs at least one value"));
        }
        List<String> problems = List.empty();
        java.util.List<String> out = new ArrayList<>();
        java.util.List<Object> seen = new ArrayList<>();
        for (String value : values) {
            Validation<String, Object> parsed = parse(spec, value);
            if (parsed.isInvalid()) {
                problems = problems.append(parsed.getError());
            } else if (seen.stream().anyMatch(s -> same(s, parsed.get()))) {
                problems = problems.append("lists " + value + " twice");
            } else {
                seen.add(parsed.get());
                out.add(render(parsed.get()));
            }
        }
        return problems.isEmpty() ? Validation.valid(out) : Validation.invalid(problems);
    }

    private static Validation<Seq<String>, java.util.List<String>> ranged(ParameterSpec spec, Raw raw) {
        List<String> problems = List.empty();
        Option<BigDecimal> min = number(spec, "min", raw.min()).fold(p -> Option.none(), Option::some);
        Option<BigDecimal> max = number(spec, "max", raw.max()).fold(p -> Option.none(), Option::some);
        Option<BigDecimal> step = number(spec, "step", raw.step()).fold(p -> Option.none(), Option::some);
        problems = problems.appendAll(number(spec, "min", raw.min()).swap().toList());
        problems = problems.appendAll(number(spec, "max", raw.max()).swap().toList());
        problems = problems.appendAll(number(spec, "step", raw.step()).swap().toList());
        if (step.isDefined() && step.get().signum() <= 0) {
            problems = problems.append("step must be above 0");
        }
        if (min.isDefined() && max.isDefined() && max.get().compareTo(min.get()) < 0) {
            problems = problems.append("max " + max.get().toPlainString() + " is below min "
                    + min.get().toPlainString());
        }
        for (BigDecimal bound : min.toList().appendAll(max)) {
            String outside = outside(spec, bound);
            if (outside != null) {
                problems = problems.append(outside);
            }
        }
        if (!problems.isEmpty()) {
            return Validation.invalid(problems);
        }
        BigDecimal span = max.get().subtract(min.get());
        BigDecimal count = span.divideToIntegralValue(step.get()).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
            return Validation.invalid(List.of("the range has " + count.toPlainString() + " values; at most "
                    + MAX_POINTS + " points in all"));
        }
        java.util.List<String> out = new ArrayList<>();
        for (int i = 0; i < count.intValueExact(); i++) {
            out.add(render(spec.type() == ParameterType.INTEGER
                    ? Integer.valueOf(min.get().add(step.get().multiply(BigDecimal.valueOf(i))).intValueExact())
                    : min.get().add(step.get().multiply(BigDecimal.valueOf(i)))));
        }
        return Validation.valid(out);
    }

    private static io.vavr.control.Either<String, BigDecimal> number(ParameterSpec spec, String field, String text) {
        if (text == null || text.isBlank()) {
            return io.vavr.control.Either.left(field + " is missing");
        }
        try {
            BigDecimal value = FixedPoint.decimal(text.trim());
            if (spec.type() == ParameterType.INTEGER && value.stripTrailingZeros().scale() > 0) {
                return io.vavr.control.Either.left(field + " must be a whole number, got '" + text + "'");
            }
            return io.vavr.control.Either.right(value);
        } catch (NumberFormatException e) {
            return io.vavr.control.Either.left(field + " must be a number, got '" + text + "'");
        }
    }

    private static Validation<String, Object> parse(ParameterSpec spec, String text) {
        String value = text == null ? "" : text.trim();
        if (spec.type() == ParameterType.BOOLEAN) {
            return value.equalsIgnoreCase("true") ? Validation.valid(Boolean.TRUE)
                    : value.equalsIgnoreCase("false") ? Validation.valid(Boolean.FALSE)
                    : Validation.invalid("must be true or false, got '" + text + "'");
        }
        try {
            BigDecimal number = FixedPoint.decimal(value);
            if (spec.type() == ParameterType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                return Validation.invalid("must be an integer, got '" + text + "'");
            }
            String outside = outside(spec, number);
            if (outside != null) {
                return Validation.invalid(outside);
            }
            return Validation.valid(spec.type() == ParameterType.INTEGER ? (Object) number.intValueExact() : number);
        } catch (NumberFormatException | ArithmeticException e) {
            return Validation.invalid("must be a number, got '" + text + "'");
        }
    }

    private static String outside(ParameterSpec spec, BigDecimal value) {
        if (spec.min().isDefined() && value.compareTo(spec.min().get()) < 0) {
            return value.toPlainString() + " is below the minimum " + spec.min().get().toPlainString();
        }
        if (spec.max().isDefined() && value.compareTo(spec.max().get()) > 0) {
            return value.toPlainString() + " is above the maximum " + spec.max().get().toPlainString();
        }
        return null;
    }

    private static boolean same(Object a, Object b) {
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
    }

    private static String render(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }
}
