package io.cryptobot.risk.domain;

import java.util.Objects;

/** One rule let the order through. */
public record Allowance(RuleId rule) {
    public Allowance {
        Objects.requireNonNull(rule, "rule");
    }
}
