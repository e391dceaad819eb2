package io.cryptobot.bot.application.port.in;

import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.UserId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the ledgers of the owner's bots on one account hold: every bot that may still trade it (created, running,
 * paused or failed: a failed bot can be resumed), running here or not, each ledger as its stored fills make it
 * (its budget, then its trades), summed by asset. Stopped and completed bots never trade again: what they left on
 * the account is no bot's any more.
 */
public interface LedgersOnAccountQuery {
    LedgersOnAccount ledgersOn(UserId owner, UUID account);

    record LedgersOnAccount(List<BotId> bots, Map<Asset, BigDecimal> held) {
        public LedgersOnAccount {
            bots = List.copyOf(bots);
            held = Map.copyOf(held);
        }
    }
}
