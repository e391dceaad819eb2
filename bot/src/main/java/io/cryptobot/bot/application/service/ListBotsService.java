package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BooksVersion;
import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.application.port.in.ListBotsQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A page of the caller's bots with their portfolios, kept (size-bounded cache {@code bot-lists}) under the owner's
 * bot-store and journal versions, read before the page: any write to one of their bots or their journal makes
 * the next call read afresh, so a kept page is never older than the owner's last write.
 */
@ApplicationScoped
class ListBotsService implements ListBotsQuery {
    private final BotStorePort store;
    private final OrderQueries orders;
    private final BotPortfolios portfolios;
    private final Cache pages;

    ListBotsService(BotStorePort store, OrderQueries orders, BotPortfolios portfolios,
                    @CacheName("bot-lists") Cache pages) {
        this.store = store;
        this.orders = orders;
        this.portfolios = portfolios;
        this.pages = pages;
    }

    private record Key(UserId owner, PageRequest page, long botsVersion, long journalVersion) {
    }

    @Override
    public BooksVersion version(UserId caller) {
        long botsVersion = store.version(caller);
        return new BooksVersion(orders.version(caller), botsVersion);
    }

    @Override
    public Page<BotPortfolio> list(UserId caller, PageRequest page) {
        long botsVersion = store.version(caller);
        long journalVersion = orders.version(caller);
        return pages.get(new Key(caller, page, botsVersion, journalVersion), key -> {
            Page<Bot> bots = store.list(caller, page);
            return new Page<>(bots.items().stream().map(bot -> portfolios.portfolioOf(bot, journalVersion)).toList(),
                    bots.offset(), bots.limit(), bots.total());
        }).await().indefinitely();
    }
}
