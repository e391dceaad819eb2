package io.cryptobot.bot.application.port.in;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * All of a user's paper trading at once, per account currency (bots in USDT and in EUR are not added up): the
 * totals, each bot's share, net P&L by instrument, UTC day, ISO week and month over every bot's closed trades, and
 * exposure by asset at each bot's last close.
 */
public record PortfolioSummary(List<CurrencyTotals> currencies) {
    public PortfolioSummary {
        currencies = List.copyOf(currencies);
    }

    public record CurrencyTotals(Asset currency, Money startingCash, Money equity, Money realizedPnl,
                                 Money unrealizedPnl, Money netPnl, int trades, List<BotShare> bots,
                                 Map<String, BigDecimal> pnlByInstrument, Map<String, BigDecimal> pnlByDay,
                                 Map<String, BigDecimal> pnlByWeek, Map<String, BigDecimal> pnlByMonth,
                                 Map<Asset, Money> exposure) {
        public CurrencyTotals {
            bots = List.copyOf(bots);
        }
    }

    public record BotShare(String botId, String name, String status, String instrument, Money equity, Money netPnl,
                           int trades) {
    }
}
