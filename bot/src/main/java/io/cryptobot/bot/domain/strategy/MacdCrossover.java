package io.cryptobot.bot.domain.strategy;

import io.cryptobot.bot.domain.indicator.Macd;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Side;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Long-only MACD crossover on closing prices. On every candle on which the {@link Macd} is ready it follows the
 * histogram {@code macd - signal} with the strict {@link Cross} rule: a cross is a change of side between
 * non-zero values, a zero keeps the previous side, and the first non-zero value only sets the side. The first
 * ready candle's histogram is always 0 (the signal line starts as the MACD line), so the earliest possible
 * signal is on the third ready candle. On a cross up (MACD line above the signal line) while flat it buys
 * all-in; on a cross down while long it sells the whole position. Other crosses are ignored.
 */
final class MacdCrossover implements Strategy {
    static final String FAST = "fast";
    static final String SLOW = "slow";
    static final String SIGNAL = "signal";
    private final OrderIntent buy;
    private static final OrderIntent SELL = OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, "macd_cross_down");

    private final Macd macd;
    private final Cross cross = new Cross();

    private MacdCrossover(int fast, int slow, int signal, Sizing entry) {
        this.buy = OrderIntent.market(Side.BUY, entry, "macd_cross_up");
        this.macd = new Macd(fast, slow, signal);
    }

    static StrategyDefinition definition() {
        return new StrategyDefinition("macd",
                "Long only: buys all-in when the MACD line crosses above its signal line, "
                        + "sells the whole position when it crosses below.",
                List.of(ParameterSpec.integer(FAST, 12, 1, 1_000, "period of the fast EMA"),
                        ParameterSpec.integer(SLOW, 26, 2, 5_000, "period of the slow EMA"),
                        ParameterSpec.integer(SIGNAL, 9, 1, 1_000,
                                "period of the signal line (an EMA of the MACD line)")),
                MacdCrossover::fastBelowSlow, EntrySizing.Use.REPLACES_ALL_IN,
                (p, entry) -> new MacdCrossover(p.integer(FAST), p.integer(SLOW), p.integer(SIGNAL), entry));
    }

    private static Seq<Violation> fastBelowSlow(Parameters parameters) {
        int fast = parameters.integer(FAST);
        int slow = parameters.integer(SLOW);
        return fast < slow
                ? List.empty()
                : List.of(new Violation(FAST, "must be below slow (" + slow + "), got " + fast));
    }

    @Override
    public int warmUpCandles() {
        return macd.warmUpPeriod();
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        macd.update(Prices.toDouble(candle.close()));
        if (!macd.isReady()) {
            return;
        }
        int crossed = cross.update(macd.histogram());
        if (crossed == Cross.NONE) {
            return;
        }
        boolean isLong = context.position(instrument).units() > 0;
        if (crossed == Cross.UP && !isLong) {
            context.submit(instrument, buy);
        } else if (crossed == Cross.DOWN && isLong) {
            context.submit(instrument, SELL);
        }
    }

    @Override
    public String toString() {
        return "MacdCrossover(" + macd + ")";
    }
}
