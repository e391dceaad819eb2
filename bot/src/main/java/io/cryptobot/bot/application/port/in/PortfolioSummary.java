package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * All of a user's paper trading at once, per account currency (bots in USDT and in EUR are not added up): the
 * totals, each bot's share, net P&L by instrument, UTC day, ISO week and month over every bot's closed trades, and
 * exposure by asset at each bot's last close. Dust is marked, never hidden: a bot's share says whether its position
 * is dust as its running session judges it ({@link BotPortfolio#dust}; none when no session here judges it), and
 * {@code dustExposure} is the part of {@code exposure} held as dust by the bots whose sessions judge it so.
 */
public record PortfolioSummary(List<CurrencyTotals> currencies) {
    public PortfolioSummary {
        currencies = List.copyOf(currencies);
    }

    public record CurrencyTotals(Asset currency, Money startingCash, Money equity, Money realizedPnl,
                                 Money unrealizedPnl, Money netPnl, int trades, List<BotShare> bots,
                                 Map<String, BigDecimal> pnlByInstrument, Map<String, BigDecimal> pnlByDay,
                                 Map<String, BigDecimal> pnlByWeek, Map<String, BigDecimal> pnlByMonth,
                                 Map<Asset, Money> exposure, Map<Asset, Money> dustExposure) {
        public CurrencyTotals {
            bots = List.copyOf(bots);
        }
    }

    /** One bot's share; {@code dust}: whether its position is dust, none when no session here judges it. */
    public record BotShare(String botId, String name, String status, String instrument, Money equity, Money netPnl,
                           int trades, Option<Boolean> dust) {
    }
}
