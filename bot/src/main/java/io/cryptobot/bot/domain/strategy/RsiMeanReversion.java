package io.cryptobot.bot.domain.strategy;

import io.cryptobot.bot.domain.indicator.RelativeStrengthIndex;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Side;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Long-only RSI mean reversion on closing prices: buys all-in on a candle whose RSI is below the oversold level
 * while flat, sells the whole position on a candle whose RSI is above the overbought level while long. Unlike a
 * crossover it reacts to a level, so it may signal on the first candle the RSI is ready.
 */
final class RsiMeanReversion implements Strategy {
    static final String PERIOD = "period";
    static final String OVERSOLD = "oversold";
    static final String OVERBOUGHT = "overbought";

    private static final OrderIntent SELL = OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, "rsi_overbought");

    private final RelativeStrengthIndex rsi;
    private final double oversold;
    private final double overbought;
    private final OrderIntent buy;

    private RsiMeanReversion(int period, double oversold, double overbought, Sizing entry) {
        this.buy = OrderIntent.market(Side.BUY, entry, "rsi_oversold");
        this.rsi = new RelativeStrengthIndex(period);
        this.oversold = oversold;
        this.overbought = overbought;
    }

    static StrategyDefinition definition() {
        return new StrategyDefinition("rsi_mean_reversion",
                "Long only: buys all-in while the RSI of closes is below the oversold level, "
                        + "sells the whole position while it is above the overbought level.",
                List.of(ParameterSpec.integer(PERIOD, 14, 2, 1_000, "RSI period"),
                        ParameterSpec.decimal(OVERSOLD, "30", "0", "100", "buy below this RSI"),
                        ParameterSpec.decimal(OVERBOUGHT, "70", "0", "100", "sell above this RSI")),
                RsiMeanReversion::oversoldBelowOverbought, EntrySizing.Use.REPLACES_ALL_IN,
                // The levels become doubles once here, so each candle compares primitives.
                (p, entry) -> new RsiMeanReversion(p.integer(PERIOD), p.decimal(OVERSOLD).doubleValue(),
                        p.decimal(OVERBOUGHT).doubleValue(), entry));
    }

    private static Seq<Violation> oversoldBelowOverbought(Parameters parameters) {
        return parameters.decimal(OVERSOLD).compareTo(parameters.decimal(OVERBOUGHT)) < 0
                ? List.empty()
                : List.of(new Violation(OVERSOLD, "must be below overbought ("
                        + parameters.decimal(OVERBOUGHT).toPlainString() + "), got "
                        + parameters.decimal(OVERSOLD).toPlainString()));
    }

    @Override
    public int warmUpCandles() {
        return rsi.warmUpPeriod();
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        rsi.update(Prices.toDouble(candle.close()));
        if (!rsi.isReady()) {
            return;
        }
        double value = rsi.value();
        boolean isLong = context.position(instrument).units() > 0;
        if (value < oversold && !isLong) {
            context.submit(instrument, buy);
        } else if (value > overbought && isLong) {
            context.submit(instrument, SELL);
        }
    }

    @Override
    public String toString() {
        return "RsiMeanReversion(" + rsi + ", " + oversold + ", " + overbought + ")";
    }
}
