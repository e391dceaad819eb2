package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;

/**
 * A trading strategy instance. It sees closed candles one at a time, in time order, and its own fills; it keeps
 * whatever state it needs and emits {@link OrderIntent}s through the context. It must be deterministic (no
 * clock, randomness or I/O: the same candles and fills give the same intents) so the same code can run in a
 * backtest, a paper and a live bot. Instances are mutable and single-threaded; one belongs to one bot.
 */
public interface Strategy {

    /** How many candles the strategy needs before it can signal; it emits nothing during them. */
    int warmUpCandles();

    /** Handles the next closed candle of the instrument. */
    void onCandle(InstrumentId instrument, Candle candle, StrategyContext context);

    /** Learns of a fill of one of its orders; strategies that read {@link StrategyContext#position} can ignore it. */
    default void onFill(InstrumentId instrument, Side side, Quantity quantity, Price price) {
    }
}
