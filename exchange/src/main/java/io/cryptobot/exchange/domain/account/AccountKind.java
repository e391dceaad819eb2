package io.cryptobot.exchange.domain.account;

import java.util.Locale;

/** A paper account trades on the simulated venue with balances the user chose; a live one is a venue connection. */
public enum AccountKind {
    PAPER,
    LIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
