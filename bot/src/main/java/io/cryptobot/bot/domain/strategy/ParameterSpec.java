package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.FixedPoint;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One declared parameter of a strategy. An instance always has a default of its own type that lies within its
 * inclusive range. An optional parameter takes that default when it is left out; a {@code required} one has no
 * sensible default (a grid's price range depends on the market) and must be given: its default is only an
 * example. Integers are held as {@link Integer}, decimals as {@link BigDecimal}, booleans as {@link Boolean}; only
 * numbers have a range.
 */
public record ParameterSpec(String name, ParameterType type, Object defaultValue, Option<BigDecimal> min,
                            Option<BigDecimal> max, String description, boolean required) {

    /** An optional parameter. */
    public ParameterSpec(String name, ParameterType type, Object defaultValue, Option<BigDecimal> min,
                         Option<BigDecimal> max, String description) {
        this(name, type, defaultValue, min, max, description, false);
    }

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be given");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(description, "description");
        if (!expectedClass(type).isInstance(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not a " + type);
        }
        if (type == ParameterType.BOOLEAN && (min.isDefined() || max.isDefined())) {
            throw new IllegalArgumentException(name + ": a boolean has no range");
        }
        if (min.isDefined() && max.isDefined() && min.get().compareTo(max.get()) > 0) {
            throw new IllegalArgumentException(name + ": min " + min.get() + " is above max " + max.get());
        }
        if (type != ParameterType.BOOLEAN) {
            String outside = outOfRange(asDecimal(defaultValue), min, max);
            if (outside != null) {
                throw new IllegalArgumentException(name + ": default " + outside);
            }
        }
    }

    public static ParameterSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, Option.of(BigDecimal.valueOf(min)),
                Option.of(BigDecimal.valueOf(max)), description);
    }

    public static ParameterSpec decimal(String name, String defaultValue, String min, String max,
                                        String description) {
        return new ParameterSpec(name, ParameterType.DECIMAL, new BigDecimal(defaultValue),
                Option.of(new BigDecimal(min)), Option.of(new BigDecimal(max)), description);
    }

    /** A decimal that must be given; {@code example} is shown to clients, never used. */
    public static ParameterSpec requiredDecimal(String name, String example, String min, String max,
                                                String description) {
        return new ParameterSpec(name, ParameterType.DECIMAL, new BigDecimal(example), Option.of(new BigDecimal(min)),
                Option.of(new BigDecimal(max)), description, true);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, Option.none(), Option.none(),
                description);
    }

    /** Parses a raw value into this parameter's type and checks the range, or says what is wrong with it. */
    Either<String, Object> parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        return switch (type) {
            case INTEGER -> parseInteger(text).flatMap(this::inRange);
            case DECIMAL -> parseDecimal(text).flatMap(this::inRange);
            case BOOLEAN -> parseBoolean(text);
        };
    }

    private Either<String, Object> inRange(Object value) {
        String outside = outOfRange(asDecimal(value), min, max);
        return outside == null ? Either.right(value) : Either.left(outside);
    }

    private static Either<String, Object> parseInteger(String text) {
        try {
            return Either.right(Integer.valueOf(text));
        } catch (NumberFormatException e) {
            return Either.left("must be an integer, got '" + text + "'");
        }
    }

    private static Either<String, Object> parseDecimal(String text) {
        try {
            return Either.right(FixedPoint.decimal(text));
        } catch (NumberFormatException e) {
            return Either.left("must be a decimal number, got '" + text + "'");
        }
    }

    private static Either<String, Object> parseBoolean(String text) {
        // Only the two words: Boolean.parseBoolean would silently read a typo as false.
        if (text.equalsIgnoreCase("true")) {
            return Either.right(Boolean.TRUE);
        }
        if (text.equalsIgnoreCase("false")) {
            return Either.right(Boolean.FALSE);
        }
        return Either.left("must be true or false, got '" + text + "'");
    }

    private static String outOfRange(BigDecimal value, Option<BigDecimal> min, Option<BigDecimal> max) {
        if (min.isDefined() && value.compareTo(min.get()) < 0) {
            return value.toPlainString() + " is below the minimum " + min.get().toPlainString();
        }
        if (max.isDefined() && value.compareTo(max.get()) > 0) {
            return value.toPlainString() + " is above the maximum " + max.get().toPlainString();
        }
        return null;
    }

    private static BigDecimal asDecimal(Object value) {
        return value instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) value;
    }

    private static Class<?> expectedClass(ParameterType type) {
        return switch (type) {
            case INTEGER -> Integer.class;
            case DECIMAL -> BigDecimal.class;
            case BOOLEAN -> Boolean.class;
        };
    }
}
