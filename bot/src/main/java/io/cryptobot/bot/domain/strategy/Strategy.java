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

    /**
     * Learns that nothing more will happen to an intent it submitted ({@code intent} is the very instance it
     * passed to {@link StrategyContext#submit}): its order filled, or it was rejected, denied by risk, expired or
     * canceled, or it sized to nothing and placed no order. {@code filled} is the quantity that filled in all
     * (zero when nothing did). Called once per submitted intent, after any {@link #onFill} of it; for an intent
     * that places no order, from within {@code submit} itself.
     */
    default void onIntentDone(InstrumentId instrument, OrderIntent intent, Quantity filled) {
    }
}
