package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A kind of strategy: its id (e.g. {@code sma_crossover}), the parameters it declares, the rules that tie
 * parameters together, and a factory that builds a fresh instance from validated parameters. Parameter names
 * are unique. Every instance the factory returns starts with empty state, which is what makes a backtest,
 * a paper run and a live run of the same parameters emit the same intents.
 */
public record StrategyDefinition(String id, String description, Seq<ParameterSpec> parameters,
                                 Function<Parameters, Seq<Violation>> crossRules,
                                 Function<Parameters, Strategy> factory) {

    public StrategyDefinition {
        if (id == null || !id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("id must be snake_case, got " + id);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(crossRules, "crossRules");
        Objects.requireNonNull(factory, "factory");
        if (parameters.map(ParameterSpec::name).distinct().size() != parameters.size()) {
            throw new IllegalArgumentException(id + ": parameter names must be unique");
        }
    }

    /**
     * Checks raw values (as a user typed them) against the declared parameters and collects every problem:
     * unknown names, values of the wrong type or outside the range, then the cross-parameter rules (only
     * once each value is valid on its own, so one mistake is not reported twice). Missing parameters take
     * their defaults.
     */
    public Validation<Seq<Violation>, Parameters> validate(Map<String, String> raw) {
        List<Violation> violations = List.empty();
        for (String name : raw.keySet()) {
            if (parameters.find(spec -> spec.name().equals(name)).isEmpty()) {
                violations = violations.append(new Violation(name, "unknown parameter of " + id));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : parameters) {
            if (!raw.containsKey(spec.name())) {
                if (spec.required()) {
                    violations = violations.append(new Violation(spec.name(), "is required (for example "
                            + plain(spec.defaultValue()) + ")"));
                } else {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            var parsed = spec.parse(raw.get(spec.name()));
            if (parsed.isRight()) {
                values.put(spec.name(), parsed.get());
            } else {
                violations = violations.append(new Violation(spec.name(), parsed.getLeft()));
            }
        }
        if (!violations.isEmpty()) {
            return Validation.invalid(violations);
        }
        Parameters valid = new Parameters(values);
        Seq<Violation> crossed = crossRules.apply(valid);
        return crossed.isEmpty() ? Validation.valid(valid) : Validation.invalid(crossed);
    }

    /** The required parameters' example values: with them, a definition with required parameters validates. */
    public Map<String, String> examples() {
        Map<String, String> examples = new LinkedHashMap<>();
        parameters.filter(ParameterSpec::required).forEach(spec -> examples.put(spec.name(), plain(spec.defaultValue())));
        return examples;
    }

    private static String plain(Object value) {
        return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /**
     * The parameters with every default, as a strategy started without any settings runs; a definition with a
     * required parameter has none (an {@link IllegalStateException}).
     */
    public Parameters defaults() {
        Validation<Seq<Violation>, Parameters> defaults = validate(Map.of());
        if (defaults.isInvalid()) {
            throw new IllegalStateException(id + ": the defaults break " + defaults.getError().mkString("; "));
        }
        return defaults.get();
    }

    /** A new instance with empty state; the parameters must come from {@link #validate}. */
    public Strategy newStrategy(Parameters validated) {
        return factory.apply(validated);
    }
}
