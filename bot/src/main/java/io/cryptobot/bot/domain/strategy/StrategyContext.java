package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Quantity;

/**
 * What the runner (backtest, paper or live) offers a strategy while it handles a candle. Intents go out
 * through {@link #submit} rather than as a returned list, so a candle without a signal costs no allocation.
 */
public interface StrategyContext {

    /** The strategy's current position in the instrument; zero units when flat, never null. */
    Quantity position(InstrumentId instrument);

    /** Hands an intent to the runner; it is acted on after {@code onCandle} returns, in submission order. */
    void submit(InstrumentId instrument, OrderIntent intent);
}
