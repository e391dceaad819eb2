package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.application.port.in.LedgersOnAccountQuery;
import io.cryptobot.exchange.application.port.out.LoadAccountLedgersPort;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Tells {@code exchange} what the owner's bots' ledgers hold on an account, for its wallet reconciliation. */
@ApplicationScoped
class AccountLedgersAdapter implements LoadAccountLedgersPort {
    private final LedgersOnAccountQuery ledgers;

    AccountLedgersAdapter(LedgersOnAccountQuery ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public AccountLedgers ledgersOn(UserId owner, java.util.UUID account) {
        LedgersOnAccountQuery.LedgersOnAccount on = ledgers.ledgersOn(owner, account);
        Map<String, BigDecimal> held = new TreeMap<>();
        on.held().forEach((asset, amount) -> held.put(asset.code(), amount));
        return new AccountLedgers(on.bots().stream().map(bot -> bot.value()).toList(), held);
    }
}
