package io.cryptobot.risk.domain;

import io.vavr.collection.List;
import java.util.Objects;

/** The order may be placed; {@code checked} lists the rules that were run, in order, for the audit trail. */
public record PreTradeAllowance(List<RuleId> checked) {
    public PreTradeAllowance {
        Objects.requireNonNull(checked, "checked");
    }
}
