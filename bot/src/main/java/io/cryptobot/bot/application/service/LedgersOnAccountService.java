package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.LedgersOnAccountQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Sums the ledgers of the owner's bots that may still trade an account, from the portfolios the bots' fills make. */
@ApplicationScoped
class LedgersOnAccountService implements LedgersOnAccountQuery {
    /** The bots that may still trade an account: the ones that keep it from being removed. */
    static final Set<BotStatus> MAY_TRADE = EnumSet.of(BotStatus.CREATED, BotStatus.RUNNING, BotStatus.PAUSED,
            BotStatus.FAILED);
    private final BotStorePort store;
    private final BotPortfolios portfolios;

    LedgersOnAccountService(BotStorePort store, BotPortfolios portfolios) {
        this.store = store;
        this.portfolios = portfolios;
    }

    @Override
    public LedgersOnAccount ledgersOn(UserId owner, UUID account) {
        List<Bot> bots = store.onAccount(owner, account, MAY_TRADE);
        Map<Asset, BigDecimal> held = new LinkedHashMap<>();
        for (Bot bot : bots) {
            portfolios.portfolioOf(bot).balances().forEach((asset, amount) ->
                    held.merge(asset, amount.toBigDecimal(), BigDecimal::add));
        }
        return new LedgersOnAccount(bots.stream().map(Bot::id).toList(), held);
    }
}
