package io.cryptobot.exchange.domain.connection;

import java.util.Objects;

/**
 * What a venue lets an API key do. {@link Source#KEY}: the key's own restrictions as the venue reports them
 * (Binance's API restrictions, OKX's {@code perm}); {@link Source#ACCOUNT}: only the account's flags were available
 * (Binance's spot testnet has no {@code /sapi} endpoints), which say what the account may do, an upper bound of the
 * key's rights.
 */
public record KeyPermissions(boolean read, boolean trade, boolean withdraw, Source source) {
    public enum Source {
        KEY, ACCOUNT
    }

    public KeyPermissions {
        Objects.requireNonNull(source, "source");
    }
}
