package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A bot's account as its stored fills make it: the FIFO ledger, the portfolio marked at the bot's last close,
 * what each held asset is worth. Shared by the portfolio, performance, summary, bot list and audit queries. The
 * portfolio comes from a ledger per bot kept in memory ({@link BotBook}, in the size-bounded cache
 * {@code bot-books}), caught up with the journal when the owner's journal version moves.
 */
@ApplicationScoped
class BotPortfolios {
    private final OrderQueries orders;
    private final Cache books;

    BotPortfolios(OrderQueries orders, @CacheName("bot-books") Cache books) {
        this.orders = orders;
        this.books = books;
    }

    /** The bot's FIFO ledger rebuilt from its stored fills, in booking order; {@code booked} sees each one. */
    Ledger ledgerOf(Bot bot, BiConsumer<FillView, PositionChanged> booked) {
        try {
            return BotLedger.of(bot.startingCash(), orders.fillsOfBot(bot.owner(), bot.id().value()), booked);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("bot " + bot.id() + ": " + e.getMessage(), e);
        }
    }

    /** The bot's portfolio now: as of the owner's current journal version. */
    BotPortfolio portfolioOf(Bot bot) {
        return portfolioOf(bot, orders.version(bot.owner()));
    }

    /**
     * The bot's portfolio with every fill journaled up to {@code journalVersion} (the owner's, read before), from
     * its ledger kept in memory: a catch-up reads only the fills booked since the last one. A ledger evicted from
     * the bounded cache (or never built since start) is rebuilt from the journal on its next read.
     */
    BotPortfolio portfolioOf(Bot bot, long journalVersion) {
        BotBook book = books.get(bot.id(), id -> new BotBook(bot.startingCash())).await().indefinitely();
        return book.portfolio(bot, journalVersion,
                after -> orders.fillsOfBotSince(bot.owner(), bot.id().value(), after));
    }

    /** The bot's cash and what each asset it holds is worth at its last close, in its currency. */
    static Map<Asset, Money> exposure(BotPortfolio p) {
        Map<Asset, Money> exposure = new LinkedHashMap<>();
        Money cash = p.balances().get(p.bot().startingCash().asset());
        exposure.put(cash.asset(), cash);
        p.bot().lastClose().forEach(close -> p.positions().stream().filter(position -> !position.isFlat())
                .forEach(position -> {
                    BigDecimal value = position.quantity().toBigDecimal().multiply(close.toBigDecimal());
                    exposure.merge(position.instrument().base(), Money.of(value, cash.asset()), Money::plus);
                }));
        return exposure;
    }

    /**
     * The part of {@link #exposure} held as dust: what each position its session judges dust is worth at the bot's
     * last close, by asset; empty when no session judges it or nothing is dust.
     */
    static Map<Asset, Money> dustExposure(BotPortfolio p) {
        Map<Asset, Money> dust = new LinkedHashMap<>();
        Asset currency = p.bot().startingCash().asset();
        p.bot().lastClose().forEach(close -> p.positions().stream().filter(position -> !position.isFlat()
                        && p.isDust(position.instrument()).getOrElse(false))
                .forEach(position -> dust.merge(position.instrument().base(), Money.of(position.quantity()
                        .toBigDecimal().multiply(close.toBigDecimal()), currency), Money::plus)));
        return dust;
    }
}
