package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.BotPortfolio;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.order.application.port.in.FillsSince;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One bot's FIFO ledger kept in memory and brought up to date with the journal incrementally: when the owner's
 * journal version has moved since the last catch-up, only the fills booked after the cursor are read and booked.
 * The ledger is the same as one rebuilt from every stored fill (the same fills, in the same order, on the same
 * starting cash). It is never older than the version it is asked at, as that version is read before the fills.
 * Thread-safe: one catch-up at a time, and readers get immutable values.
 */
final class BotBook {
    private final Money startingCash;
    private Ledger ledger;
    private long cursor;
    private long caughtUpAt = -1;
    private Booked booked;

    BotBook(Money startingCash) {
        this.startingCash = startingCash;
        reset();
    }

    /**
     * The bot's portfolio as of journal version {@code version} (read before this call), marked at the bot's last
     * close; {@code since} reads the bot's fills after a cursor.
     */
    synchronized BotPortfolio portfolio(Bot bot, long version, LongFunction<FillsSince> since) {
        if (version != caughtUpAt) {
            FillsSince fresh = since.apply(cursor);
            if (!fresh.fills().isEmpty()) {
                try {
                    BotLedger.book(ledger, fresh.fills(), (fill, changed) -> { });
                } catch (IllegalStateException e) {
                    reset();
                    throw new IllegalStateException("bot " + bot.id() + ": " + e.getMessage(), e);
                }
                cursor = fresh.through();
                booked = Booked.of(ledger, startingCash);
            }
            caughtUpAt = version;
        }
        return marked(bot);
    }

    private void reset() {
        ledger = Ledger.open(startingCash);
        cursor = 0;
        caughtUpAt = -1;
        booked = Booked.of(ledger, startingCash);
    }

    /** Equity and unrealized P&L at the bot's last close: they move with every close, the rest only with fills. */
    private BotPortfolio marked(Bot bot) {
        Map<InstrumentId, Price> marks = new LinkedHashMap<>();
        bot.lastClose().forEach(close -> marks.put(bot.instrument(), close));
        Money cash = booked.cash();
        Money equity = ledger.equity(marks).getOrElse(cash);
        Money unrealized = Money.zero(cash.asset(), cash.scale());
        for (Position position : booked.positions()) {
            Price mark = marks.get(position.instrument());
            if (mark != null && !position.isFlat()) {
                unrealized = unrealized.plus(ledger.unrealizedPnl(position.instrument(), mark));
            }
        }
        Map<Asset, Money> balances = new LinkedHashMap<>();
        balances.put(cash.asset(), cash);
        balances.put(bot.instrument().base(), ledger.balance(bot.instrument().base()));
        return new BotPortfolio(bot, balances, booked.positions(), booked.trades(), booked.fees(), booked.realized(),
                unrealized, equity, equity.minus(bot.startingCash()));
    }

    /** What the ledger holds after the fills booked so far, copied once per catch-up rather than once per read. */
    private record Booked(Money cash, List<Position> positions, List<ClosedTrade> trades, Map<Asset, Money> fees,
                          Money realized) {
        static Booked of(Ledger ledger, Money startingCash) {
            Money cash = ledger.balance(startingCash.asset());
            Money realized = Money.zero(cash.asset(), cash.scale());
            for (Position position : ledger.positions()) {
                realized = realized.plus(position.realizedPnl());
            }
            return new Booked(cash, List.copyOf(ledger.positions().toJavaList()),
                    List.copyOf(ledger.closedTrades().toJavaList()), Map.copyOf(ledger.feesPaid().toJavaMap()),
                    realized);
        }
    }
}
