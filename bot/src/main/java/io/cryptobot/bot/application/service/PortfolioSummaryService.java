package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BooksVersion;
import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.application.port.in.PortfolioSummary;
import io.cryptobot.bot.application.port.in.PortfolioSummaryQuery;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.metrics.TradeAnalytics;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every bot of the caller's, page by page, summed per currency (bots in different currencies are not added up),
 * with each bot's dust marked as its running session judges it ({@link SessionDust}, as the bot's own portfolio).
 * A summary is kept (size-bounded cache {@code portfolio-summaries}) under the owner's journal version and bot-store
 * version, both read before anything they stand for: a fill, an order, a bot's status or last close changes one
 * of them, so a kept summary is never older than the owner's last write and a dashboard polling an unchanged
 * account costs no query. What changes a session's judgment of dust (a fill, a new close, the session starting or
 * ending) moves one of those versions too. A changed summary is summed again from the bots' ledgers kept in memory (each catches up
 * with its new fills only). Versions count this instance's writes: with several instances they would have to be
 * shared (not built).
 */
@ApplicationScoped
class PortfolioSummaryService implements PortfolioSummaryQuery {
    private final BotStorePort store;
    private final OrderQueries orders;
    private final BotPortfolios portfolios;
    private final SessionDust dust;
    private final Cache summaries;

    PortfolioSummaryService(BotStorePort store, OrderQueries orders, BotPortfolios portfolios, SessionDust dust,
                            @CacheName("portfolio-summaries") Cache summaries) {
        this.store = store;
        this.orders = orders;
        this.portfolios = portfolios;
        this.dust = dust;
        this.summaries = summaries;
    }

    private record Key(UserId owner, long journalVersion, long botsVersion) {
    }

    @Override
    public BooksVersion version(UserId caller) {
        long botsVersion = store.version(caller);
        return new BooksVersion(orders.version(caller), botsVersion);
    }

    @Override
    public PortfolioSummary summary(UserId caller) {
        long botsVersion = store.version(caller);
        long journalVersion = orders.version(caller);
        return summaries.get(new Key(caller, journalVersion, botsVersion), key -> sum(caller, journalVersion))
                .await().indefinitely();
    }

    private PortfolioSummary sum(UserId caller, long journalVersion) {
        Map<Asset, java.util.List<BotPortfolio>> byCurrency = new java.util.TreeMap<>(
                java.util.Comparator.comparing(Asset::code));
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
            Page<Bot> page = store.list(caller, new PageRequest(offset, PageRequest.MAX_LIMIT));
            for (Bot bot : page.items()) {
                byCurrency.computeIfAbsent(bot.startingCash().asset(), c -> new java.util.ArrayList<>())
                        .add(dust.judged(portfolios.portfolioOf(bot, journalVersion)));
            }
            if (offset + page.items().size() >= page.total() || page.items().isEmpty()) {
                break;
            }
        }
        java.util.List<PortfolioSummary.CurrencyTotals> totals = new java.util.ArrayList<>();
        byCurrency.forEach((currency, portfolios) -> {
            Money zero = Money.zero(currency, 0);
            Money start = zero;
            Money equity = zero;
            Money realized = zero;
            Money unrealized = zero;
            int trades = 0;
            java.util.List<ClosedTrade> all = new java.util.ArrayList<>();
            java.util.List<PortfolioSummary.BotShare> shares = new java.util.ArrayList<>();
            Map<Asset, Money> exposure = new LinkedHashMap<>();
            Map<Asset, Money> dustExposure = new LinkedHashMap<>();
            for (BotPortfolio p : portfolios) {
                start = start.plus(p.bot().startingCash());
                equity = equity.plus(p.equity());
                realized = realized.plus(p.realizedPnl());
                unrealized = unrealized.plus(p.unrealizedPnl());
                trades += p.trades().size();
                all.addAll(p.trades());
                shares.add(new PortfolioSummary.BotShare(p.bot().id().toString(), p.bot().name(),
                        p.bot().status().code(), p.bot().instrument().toString(), p.equity(), p.netPnl(),
                        p.trades().size(), p.isDust(p.bot().instrument())));
                BotPortfolios.exposure(p).forEach((asset, value) -> exposure.merge(asset, value, Money::plus));
                BotPortfolios.dustExposure(p).forEach((asset, value) -> dustExposure.merge(asset, value, Money::plus));
            }
            all.sort(java.util.Comparator.comparing(ClosedTrade::exitTime));
            totals.add(new PortfolioSummary.CurrencyTotals(currency, start, equity, realized, unrealized,
                    equity.minus(start), trades, shares, TradeAnalytics.netPnlByInstrument(all),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.DAY, all),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.WEEK, all),
                    TradeAnalytics.netPnlBy(TradeAnalytics.Period.MONTH, all), exposure, dustExposure));
        });
        return new PortfolioSummary(totals);
    }
}
