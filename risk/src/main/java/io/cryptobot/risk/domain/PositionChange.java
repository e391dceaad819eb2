package io.cryptobot.risk.domain;

import java.math.BigDecimal;

/** A position before and after an order fills completely (signed; negative = short). */
record PositionChange(BigDecimal before, BigDecimal after) {

    /**
     * Reducing: the position gets smaller on the same side or closes, and never flips. Opening from flat is not
     * reducing, nor is adding, nor is going through zero to the other side.
     */
    boolean isReducing() {
        return before.signum() != 0 && after.abs().compareTo(before.abs()) < 0
                && (after.signum() == 0 || after.signum() == before.signum());
    }
}
