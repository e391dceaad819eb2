package io.cryptobot.bot.domain.strategy;

import io.cryptobot.bot.domain.indicator.ExponentialMovingAverage;
import io.cryptobot.bot.domain.indicator.SimpleMovingAverage;
import io.cryptobot.bot.domain.indicator.ValueIndicator;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Side;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.function.IntFunction;

/**
 * Long-only moving-average crossover on closing prices. A cross is a sign change of {@code fast - slow} between
 * the previous and the current candle on which both averages are ready: up when it goes from {@code <= 0} to
 * {@code > 0}, down when it goes from {@code >= 0} to {@code < 0}. On a cross up while flat it buys all-in; on a
 * cross down while long it sells the whole position. Other crosses are ignored, so it never buys twice.
 */
final class MovingAverageCrossover implements Strategy {
    static final String FAST = "fast";
    static final String SLOW = "slow";

    private final ValueIndicator fast;
    private final ValueIndicator slow;
    private final OrderIntent buy;
    private final OrderIntent sell;
    private boolean hasPrevious;
    private double previousSpread;

    MovingAverageCrossover(ValueIndicator fast, ValueIndicator slow, String tagPrefix, Sizing entry) {
        this.fast = fast;
        this.slow = slow;
        // Built once: emitting a signal then allocates nothing either.
        this.buy = OrderIntent.market(Side.BUY, entry, tagPrefix + "_cross_up");
        this.sell = OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, tagPrefix + "_cross_down");
    }

    static StrategyDefinition sma() {
        return definition("sma_crossover", "SMA", SimpleMovingAverage::new, "sma");
    }

    static StrategyDefinition ema() {
        return definition("ema_crossover", "EMA", ExponentialMovingAverage::new, "ema");
    }

    private static StrategyDefinition definition(String id, String average, IntFunction<ValueIndicator> indicator,
                                                 String tagPrefix) {
        return new StrategyDefinition(id,
                "Long only: buys all-in when the fast " + average + " of closes crosses above the slow one, "
                        + "sells the whole position when it crosses below.",
                List.of(ParameterSpec.integer(FAST, 10, 1, 1_000, "period of the fast " + average),
                        ParameterSpec.integer(SLOW, 30, 2, 5_000, "period of the slow " + average)),
                MovingAverageCrossover::fastBelowSlow, EntrySizing.Use.REPLACES_ALL_IN,
                (p, entry) -> new MovingAverageCrossover(indicator.apply(p.integer(FAST)),
                        indicator.apply(p.integer(SLOW)), tagPrefix, entry));
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
        return Math.max(fast.warmUpPeriod(), slow.warmUpPeriod());
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        double close = Prices.toDouble(candle.close());
        fast.update(close);
        slow.update(close);
        if (!fast.isReady() || !slow.isReady()) {
            return;
        }
        double spread = fast.value() - slow.value();
        if (hasPrevious) {
            boolean long_ = context.position(instrument).units() > 0;
            if (previousSpread <= 0 && spread > 0 && !long_) {
                context.submit(instrument, buy);
            } else if (previousSpread >= 0 && spread < 0 && long_) {
                context.submit(instrument, sell);
            }
        }
        previousSpread = spread;
        hasPrevious = true;
    }

    @Override
    public String toString() {
        return "MovingAverageCrossover(" + fast + ", " + slow + ")";
    }
}
