package io.cryptobot.risk.domain;

import java.util.Objects;

/** One rule said no: which rule, and why, with the numbers that decided it. */
public record RiskRefusal(RuleId rule, String reason) {
    public RiskRefusal {
        Objects.requireNonNull(rule, "rule");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    public String ruleId() {
        return rule.id();
    }

    @Override
    public String toString() {
        return rule.id() + ": " + reason;
    }
}
