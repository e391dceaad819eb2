package io.cryptobot.risk.domain;

import io.vavr.collection.List;
import java.util.Objects;

/** The order may not be placed: every rule that refused it, in the policy's order (never empty). */
public record PreTradeRefusal(List<RiskRefusal> refusals) {
    public PreTradeRefusal {
        Objects.requireNonNull(refusals, "refusals");
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one refusing rule");
        }
    }

    public RiskRefusal first() {
        return refusals.head();
    }

    /** All reasons in one line, e.g. for an {@code OrderDenied} event. */
    public String reason() {
        return refusals.mkString("; ");
    }
}
