package io.cryptobot.exchange.adapter.out.venue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.kernel.domain.FixedPoint;
import java.math.BigDecimal;

/** Reading venues' JSON, where numbers arrive as strings ("0.01000000") and must stay exact. */
public final class Json {
    private Json() {
    }

    /** A decimal field, stripped of trailing zeros (never in exponent form); zero when absent or blank. */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank()) {
            return BigDecimal.ZERO;
        }
        BigDecimal value = FixedPoint.decimal(node.asText().strip()).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    public static long epochMillis(JsonNode node) {
        return node.isNumber() ? node.asLong() : Long.parseLong(node.asText().strip());
    }
}
