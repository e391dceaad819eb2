package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of strategy: its id (e.g. {@code sma_crossover}), the parameters it declares, the rules that tie
 * parameters together, how it takes a user's {@link EntrySizing} ({@code sizingUse}), and a factory that builds a
 * fresh instance from validated parameters and the sizing its entries buy with. Parameter names are unique. Every
 * instance the factory returns starts with empty state, which is what makes a backtest, a paper run and a live
 * run of the same parameters emit the same intents.
 *
 * <p>The entry sizing is decided here, once for every strategy: {@link #entrySizing} resolves the user's choice
 * (or its absence) to the sizing the factory receives.
 */
public record StrategyDefinition(String id, String description, Seq<ParameterSpec> parameters,
                                 Function<Parameters, Seq<Violation>> crossRules, EntrySizing.Use sizingUse,
                                 BiFunction<Parameters, Sizing, Strategy> factory) {
    /** The parameter whose per-buy quote amount a chosen sizing replaces ({@link EntrySizing.Use#REPLACES_AMOUNT}). */
    static final String AMOUNT = "amount";

    /** A strategy that takes no entry sizing (it places no orders of its own, or sizes them itself). */
    public StrategyDefinition(String id, String description, Seq<ParameterSpec> parameters,
                              Function<Parameters, Seq<Violation>> crossRules, Function<Parameters, Strategy> factory) {
        this(id, description, parameters, crossRules, EntrySizing.Use.NONE,
                (p, sizing) -> Objects.requireNonNull(factory, "factory").apply(p));
    }

    public StrategyDefinition {
        if (id == null || !id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("id must be snake_case, got " + id);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(crossRules, "crossRules");
        Objects.requireNonNull(sizingUse, "sizingUse");
        Objects.requireNonNull(factory, "factory");
        if (parameters.map(ParameterSpec::name).distinct().size() != parameters.size()) {
            throw new IllegalArgumentException(id + ": parameter names must be unique");
        }
        if (sizingUse == EntrySizing.Use.REPLACES_AMOUNT
                && parameters.find(spec -> spec.name().equals(AMOUNT) && spec.type() == ParameterType.DECIMAL)
                .isEmpty()) {
            throw new IllegalArgumentException(id + ": a sizing that replaces the amount needs a decimal '"
                    + AMOUNT + "' parameter");
        }
    }

    /**
     * Whether this strategy takes the chosen sizing (none: left out, always fine), given the parameters as the
     * user sent them: a strategy without entries of its own refuses any; one that buys several times refuses
     * all-in (it would spend everything on the first buy) and a sizing given alongside its {@code amount}
     * (the two say the same thing). Field names are the request's ({@code sizing.kind}, {@code sizing}).
     */
    public Seq<Violation> checkSizing(Option<Sizing> chosen, Map<String, String> rawParameters) {
        if (chosen.isEmpty()) {
            return List.empty();
        }
        return switch (sizingUse) {
            case REPLACES_ALL_IN -> List.empty();
            case NONE -> List.of(new Violation("sizing", id + " places no orders of its own to size; leave sizing "
                    + "out"));
            case REPLACES_AMOUNT -> {
                List<Violation> found = List.empty();
                if (chosen.get() instanceof Sizing.AllIn) {
                    found = found.append(new Violation("sizing.kind", id + " buys several times; all_in would spend "
                            + "everything on the first buy: choose fixed_quantity, quote_amount or "
                            + "percent_of_equity, or leave sizing out to buy parameters.amount each time"));
                }
                if (rawParameters.containsKey(AMOUNT)) {
                    found = found.append(new Violation("sizing", "replaces parameters.amount of " + id
                            + " (the size of each buy); give one of them"));
                }
                yield found;
            }
        };
    }

    /**
     * The sizing this strategy's entries buy with: the chosen one (checked by {@link #checkSizing}), else its own
     * default (all-in, or a quote amount of its {@code amount} parameter); none for a strategy without entries.
     */
    public Option<Sizing> entrySizing(Parameters validated, Option<Sizing> chosen) {
        return switch (sizingUse) {
            case NONE -> Option.none();
            case REPLACES_ALL_IN -> Option.some(chosen.getOrElse(Sizing.ALL_IN));
            case REPLACES_AMOUNT -> Option.some(chosen.getOrElse(() -> new Sizing.QuoteAmount(
                    validated.decimal(AMOUNT))));
        };
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

    /** A new instance with empty state and its default entry sizing; the parameters must come from {@link #validate}. */
    public Strategy newStrategy(Parameters validated) {
        return newStrategy(validated, Option.none());
    }

    /**
     * A new instance with empty state whose entries buy with the chosen sizing (or its default when none); the
     * parameters must come from {@link #validate}, the sizing must have passed {@link #checkSizing}.
     */
    public Strategy newStrategy(Parameters validated, Option<Sizing> chosen) {
        return factory.apply(validated, entrySizing(validated, chosen).getOrElse(Sizing.ALL_IN));
    }
}
