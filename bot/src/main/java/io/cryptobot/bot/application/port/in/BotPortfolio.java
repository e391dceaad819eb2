package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.portfolio.domain.ClosedTrade;
import io.cryptobot.portfolio.domain.Position;
import java.util.List;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Set;

/**
 * A bot's account as its stored fills make it, exact: the FIFO ledger rebuilt from the order journal and
 * marked to the last close the bot saw. {@code netPnl} is equity minus the starting cash. {@code dust}: the
 * instruments whose position the bot's session judges dust (held, flat for its strategy: less than one lot step,
 * or worth less than the venue's minimum order notional; the quantity stays in {@code positions}); none when no
 * session on this instance judges it (the bot is not running or paused here).
 */
public record BotPortfolio(Bot bot, Map<Asset, Money> balances, List<Position> positions, List<ClosedTrade> trades,
                           Map<Asset, Money> fees, Money realizedPnl, Money unrealizedPnl, Money equity,
                           Money netPnl, Option<Set<InstrumentId>> dust) {
    public BotPortfolio {
        balances = Map.copyOf(balances);
        positions = List.copyOf(positions);
        trades = List.copyOf(trades);
        fees = Map.copyOf(fees);
        dust = dust.map(Set::copyOf);
    }

    /** A portfolio whose dust no session has judged. */
    public BotPortfolio(Bot bot, Map<Asset, Money> balances, List<Position> positions, List<ClosedTrade> trades,
                        Map<Asset, Money> fees, Money realizedPnl, Money unrealizedPnl, Money equity, Money netPnl) {
        this(bot, balances, positions, trades, fees, realizedPnl, unrealizedPnl, equity, netPnl, Option.none());
    }

    /** This portfolio with the bot's session's judgment of which positions are dust. */
    public BotPortfolio withDust(Set<InstrumentId> judged) {
        return new BotPortfolio(bot, balances, positions, trades, fees, realizedPnl, unrealizedPnl, equity, netPnl,
                Option.some(judged));
    }

    /** Whether the position in {@code instrument} is dust: none when not judged here. */
    public Option<Boolean> isDust(InstrumentId instrument) {
        return dust.map(judged -> judged.contains(instrument));
    }
}
