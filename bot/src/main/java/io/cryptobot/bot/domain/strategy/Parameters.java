package io.cryptobot.bot.domain.strategy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Validated parameter values, one per declared parameter, each of its declared type. Only
 * {@link StrategyDefinition#validate} creates instances for real strategies, so a factory reading a value
 * never meets a missing or mistyped one.
 */
public record Parameters(Map<String, Object> values) {

    public Parameters {
        values = Map.copyOf(values);
    }

    public int integer(String name) {
        return value(name, Integer.class);
    }

    public BigDecimal decimal(String name) {
        return value(name, BigDecimal.class);
    }

    public boolean bool(String name) {
        return value(name, Boolean.class);
    }

    private <T> T value(String name, Class<T> type) {
        Object value = values.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " parameter '" + name + "'");
        }
        return type.cast(value);
    }
}
