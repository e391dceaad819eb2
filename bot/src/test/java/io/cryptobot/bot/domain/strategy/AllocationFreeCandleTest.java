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
 * arithmetic. The per-thread allocation counter must not move across 1,000,000 candles, signals included
 * where a strategy emits intents it built once (a few hundred bytes of slack cover the counter itself).
 */
class AllocationFreeCandleTest {
    private static final InstrumentId BTC_USDT = InstrumentId.parse("BINANCE:BTC/USDT").get();
    private static final Candle[] CANDLES = randomWalk(1_000);

    /** A runner fake that fills at once, using position values it built in advance. */
    private static final class CountingContext implements StrategyContext {
        private final Quantity flat = new Quantity(0, 8);
        private final Quantity one = new Quantity(100_000_000, 8);
        private Quantity position = flat;
        private long submitted;
        private Side lastSide;

        @Override
        public Quantity position(InstrumentId instrument) {
            return position;
        }

        @Override
        public void submit(InstrumentId instrument, OrderIntent intent) {
            submitted++;
            lastSide = intent.side();
            position = intent.side() == Side.BUY ? one : flat;
        }
    }

    @Test
    void aMillionCandlesThroughSmaCrossoverAllocateNothing() {
        CountingContext context = new CountingContext();

        long allocated = allocatedByAMillionCandles("sma_crossover", Map.of("fast", "10", "slow", "30"), context,
                false);

        assertThat(context.submitted).isPositive();
        assertThat(allocated).as("bytes allocated by 1,000,000 candles").isLessThan(1_024);
    }

    @Test
    void aMillionCandlesThroughBollingerBreakoutAllocateNothing() {
        CountingContext context = new CountingContext();

        long allocated = allocatedByAMillionCandles("bollinger_breakout", Map.of("period", "20", "k", "1"), context,
                false);

        assertThat(context.submitted).isPositive();
        assertThat(allocated).as("bytes allocated by 1,000,000 candles").isLessThan(1_024);
    }

    @Test
    void aMillionCandlesThroughMacdAllocateNothing() {
        CountingContext context = new CountingContext();

        long allocated = allocatedByAMillionCandles("macd", Map.of(), context, false);

        assertThat(context.submitted).isPositive();
        assertThat(allocated).as("bytes allocated by 1,000,000 candles").isLessThan(1_024);
    }

    @Test
    void aMillionCandlesThroughDcaAllocateNothingFillsIncluded() {
        CountingContext context = new CountingContext();

        long allocated = allocatedByAMillionCandles("dca",
                Map.of("interval", "5", "take_profit", "0.01", "max_buys", "5"), context, true);

        assertThat(context.submitted).isGreaterThan(1_000);
        assertThat(allocated).as("bytes allocated by 1,000,000 candles").isLessThan(1_024);
    }

    @Test
    void aMillionQuietCandlesThroughGridAllocateNothing() {
        // No fills come back, so every buy line ends up waiting for one and the grid turns quiet, though the
        // closes keep crossing its lines (every 1.00 from 80 to 120).
        CountingContext context = new CountingContext();

        long allocated = allocatedByAMillionCandles("grid",
                Map.of("lower", "80", "upper", "120", "levels", "41"), context, false);

        assertThat(context.submitted).isPositive();
        assertThat(allocated).as("bytes allocated by 1,000,000 candles").isLessThan(1_024);
    }

    /** Bytes the current thread allocates on the second of two runs over the candles, the first warming up. */
    private static long allocatedByAMillionCandles(String id, Map<String, String> parameters,
                                                   CountingContext context, boolean reportFills) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StrategyDefinition definition = StrategyCatalog.find(id).get();
        Strategy strategy = definition.newStrategy(definition.validate(parameters).get());

        // The first pass warms the strategy and lets the JIT settle; the second is measured.
        run(strategy, context, 200, reportFills);
        long before = threads.getCurrentThreadAllocatedBytes();
        run(strategy, context, 1_000, reportFills);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static void run(Strategy strategy, CountingContext context, int passes, boolean reportFills) {
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < CANDLES.length; i++) {
                long submitted = context.submitted;
                strategy.onCandle(BTC_USDT, CANDLES[i], context);
                if (reportFills && context.submitted != submitted) {
                    // One unit at the close: values built in advance, so reporting allocates nothing either.
                    strategy.onFill(BTC_USDT, context.lastSide, context.one, CANDLES[i].close());
                }
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
