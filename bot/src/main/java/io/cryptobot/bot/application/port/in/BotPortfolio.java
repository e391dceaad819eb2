package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.Position;
import java.util.List;
import java.util.Map;

/**
 * A bot's account as its stored fills make it, exact: the FIFO ledger rebuilt from the order journal and
 * marked to the last close the bot saw. {@code netPnl} is equity minus the starting cash.
 */
public record BotPortfolio(Bot bot, Map<Asset, Money> balances, List<Position> positions, List<ClosedTrade> trades,
                           Map<Asset, Money> fees, Money realizedPnl, Money unrealizedPnl, Money equity,
                           Money netPnl) {
    public BotPortfolio {
        balances = Map.copyOf(balances);
        positions = List.copyOf(positions);
        trades = List.copyOf(trades);
        fees = Map.copyOf(fees);
    }
}
