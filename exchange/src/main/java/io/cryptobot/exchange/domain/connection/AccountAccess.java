package io.cryptobot.exchange.domain.connection;

import io.vavr.collection.List;
import java.time.Duration;
import java.util.Objects;

/** The answer to a signed account call: what the key may do, the account's non-zero balances, the call's latency. */
public record AccountAccess(KeyPermissions permissions, List<VenueBalance> balances, Duration latency) {
    public AccountAccess {
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(latency, "latency");
        balances = balances.filter(b -> !b.isZero()).sortBy(VenueBalance::asset);
    }
}
