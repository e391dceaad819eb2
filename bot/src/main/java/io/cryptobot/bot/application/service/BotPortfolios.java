package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.order.application.port.in.FillView;
import io.cryptobot.order.application.port.in.OrderQueries;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.Position;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A bot's account as its stored fills make it: the FIFO ledger, the portfolio marked at the bot's last close,
 * what each held asset is worth. Shared by the portfolio, performance, summary and audit queries.
 */
@ApplicationScoped
class BotPortfolios {
    private final OrderQueries orders;

    BotPortfolios(OrderQueries orders) {
        this.orders = orders;
    }

    /** The bot's FIFO ledger rebuilt from its stored fills, in booking order; {@code booked} sees each one. */
    Ledger ledgerOf(Bot bot, BiConsumer<FillView, PositionChanged> booked) {
        try {
            return BotLedger.of(bot.startingCash(), orders.fillsOfBot(bot.owner(), bot.id().value()), booked);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("bot " + bot.id() + ": " + e.getMessage(), e);
        }
    }

    BotPortfolio portfolioOf(Bot bot) {
        Ledger ledger = ledgerOf(bot, (fill, changed) -> { });
        Map<InstrumentId, Price> marks = new LinkedHashMap<>();
        bot.lastClose().forEach(close -> marks.put(bot.instrument(), close));
        Money cash = ledger.balance(bot.startingCash().asset());
        Money equity = ledger.equity(marks).getOrElse(cash);
        Money realized = Money.zero(cash.asset(), cash.scale());
        Money unrealized = Money.zero(cash.asset(), cash.scale());
        for (Position position : ledger.positions()) {
            realized = realized.plus(position.realizedPnl());
            Price mark = marks.get(position.instrument());
            if (mark != null && !position.isFlat()) {
                unrealized = unrealized.plus(ledger.unrealizedPnl(position.instrument(), mark));
            }
        }
        Map<Asset, Money> balances = new LinkedHashMap<>();
        balances.put(cash.asset(), cash);
        balances.put(bot.instrument().base(), ledger.balance(bot.instrument().base()));
        return new BotPortfolio(bot, balances, ledger.positions().toJavaList(), ledger.closedTrades().toJavaList(),
                ledger.feesPaid().toJavaMap(), realized, unrealized, equity, equity.minus(bot.startingCash()));
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
}
