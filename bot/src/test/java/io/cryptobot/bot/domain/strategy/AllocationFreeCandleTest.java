package io.cryptobot.bot.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A backtest pushes millions of candles through a strategy; garbage per candle would cost more than the
 * arithmetic. The per-thread allocation counter must not move across 1,000,000 candles, signals included,
 * since the crossover emits intents it built once (a few hundred bytes of slack cover the counter itself).
 */
class AllocationFreeCandleTest {
    private static final InstrumentId BTC_USDT = InstrumentId.parse("BINANCE:BTC/USDT").get();

    /** A runner fake that fills at once, using position values it built in advance. */
    private static final class CountingContext implements StrategyContext {
        private final Quantity flat = new Quantity(0, 8);
        private final Quantity one = new Quantity(100_000_000, 8);
        private Quantity position = flat;
        private long submitted;

        @Override
        public Quantity position(InstrumentId instrument) {
            return position;
        }

        @Override
        public void submit(InstrumentId instrument, OrderIntent intent) {
            submitted++;
            position = intent.side() == Side.BUY ? one : flat;
        }
    }

    @Test
    void aMillionCandlesThroughSmaCrossoverAllocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Candle[] candles = randomWalk(1_000);
        StrategyDefinition definition = StrategyCatalog.find("sma_crossover").get();
        Strategy strategy = definition.newStrategy(definition.validate(Map.of("fast", "10", "slow", "30")).get());
        CountingContext context = new CountingContext();

        // The first pass warms the strategy and lets the JIT settle; the second is measured.
        run(strategy, candles, context, 200);
        long before = threads.getCurrentThreadAllocatedBytes();
        run(strategy, candles, context, 1_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(context.submitted).isPositive();
        assertThat(allocated).as("bytes allocated by 1,000,000 candles").isLessThan(1_024);
    }

    private static void run(Strategy strategy, Candle[] candles, StrategyContext context, int passes) {
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < candles.length; i++) {
                strategy.onCandle(BTC_USDT, candles[i], context);
            }
        }
    }

    private static Candle[] randomWalk(int count) {
        Candle[] candles = new Candle[count];
        long seed = 7;
        long cents = 10_000;
        for (int i = 0; i < count; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            cents = Math.max(100, cents + (seed >>> 11) % 201 - 100);
            Price price = new Price(cents, 2);
            candles[i] = new Candle(i * 60_000L, price, price, price, price, new Quantity(1, 0));
        }
        return candles;
    }
}
