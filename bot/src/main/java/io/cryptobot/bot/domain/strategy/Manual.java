package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.vavr.collection.List;

/**
 * Trading by hand: a bot running it places no orders of its own; it only gives its paper account a live session
 * (a feed, the simulated venue, the ledger, the risk checks) for orders placed through the orders API.
 */
final class Manual implements Strategy {
    static StrategyDefinition definition() {
        return new StrategyDefinition("manual",
                "Places no orders of its own: runs a paper account's market (feed, simulated venue, ledger, risk "
                        + "checks) for orders placed by hand through the orders API.",
                List.empty(), p -> List.empty(), p -> new Manual());
    }

    @Override
    public int warmUpCandles() {
        return 0;
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        // nothing of its own: orders come through the orders API
    }
}
