package io.cryptobot.exchange.application.port.out;

import io.cryptobot.kernel.domain.UserId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the platform's ledgers hold on an account: a downstream context (the bots) keeps them, since this context
 * cannot see it. The account by its plain id and assets by code, so the implementing context needs none of this
 * one's domain types.
 */
public interface LoadAccountLedgersPort {
    /**
     * The ledgers of every bot of the owner that may still trade the account (running or not), summed by asset
     * code, and those bots' ids.
     */
    AccountLedgers ledgersOn(UserId owner, UUID account);

    record AccountLedgers(List<UUID> bots, Map<String, BigDecimal> held) {
        public AccountLedgers {
            bots = List.copyOf(bots);
            held = Map.copyOf(Objects.requireNonNull(held, "held"));
        }
    }
}
