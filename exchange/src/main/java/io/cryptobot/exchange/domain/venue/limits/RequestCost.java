package io.cryptobot.exchange.domain.venue.limits;

import java.util.Map;
import java.util.Objects;

/** What one request to {@code endpoint} takes from each budget it counts against (budget name to units). */
public record RequestCost(String endpoint, Map<String, Long> units) {
    public RequestCost {
        Objects.requireNonNull(endpoint, "endpoint");
        units = Map.copyOf(units);
        if (units.values().stream().anyMatch(u -> u < 0)) {
            throw new IllegalArgumentException("a cost is never negative: " + endpoint);
        }
    }

    public static RequestCost of(String endpoint, String budget, long units) {
        return new RequestCost(endpoint, Map.of(budget, units));
    }

    public long unitsOf(String budget) {
        return units.getOrDefault(budget, 0L);
    }
}
