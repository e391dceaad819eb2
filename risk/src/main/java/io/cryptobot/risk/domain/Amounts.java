package io.cryptobot.risk.domain;

import java.math.BigDecimal;

/** Writing exact numbers into reasons: plain, no exponent, no trailing zeros. */
final class Amounts {
    private Amounts() {
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
