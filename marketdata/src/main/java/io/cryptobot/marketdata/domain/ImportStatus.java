package io.cryptobot.marketdata.domain;

import java.util.Locale;

/** queued -> validating -> importing -> completed; any of the first three may end in failed. */
public enum ImportStatus {
    QUEUED, VALIDATING, IMPORTING, COMPLETED, FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
