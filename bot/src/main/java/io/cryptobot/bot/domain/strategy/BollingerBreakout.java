package io.cryptobot.bot.domain.strategy;

import io.cryptobot.bot.domain.indicator.BollingerBands;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Side;
import io.vavr.collection.List;

/**
 * Long-only Bollinger Band breakout on closing prices. On every candle on which the bands are ready it compares
 * the close with the bands that include it and follows two difference series, {@code close - upper} and
 * {@code close - middle}, each with the strict {@link Cross} rule: a cross is a change of sign between non-zero
 * differences, a zero difference (a close exactly on the band) keeps the previous sign, and the first non-zero
 * difference after warm-up only sets the sign. So it buys all-in, if flat, on the candle whose close is above
 * the upper band when the last close not on the upper band was below it; and it sells the whole position, if
 * long, on the candle whose close is below the middle band when the last close not on the middle band was above
 * it. Both series are followed whatever the position, so a cross it cannot act on is not acted on later.
 */
final class BollingerBreakout implements Strategy {
    static final String PERIOD = "period";
    static final String K = "k";
    private final OrderIntent buy;
    private static final OrderIntent SELL =
            OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, "bollinger_below_middle");

    private final BollingerBands bands;
    private final Cross upperCross = new Cross();
    private final Cross middleCross = new Cross();

    private BollingerBreakout(int period, double k, Sizing entry) {
        this.buy = OrderIntent.market(Side.BUY, entry, "bollinger_breakout");
        this.bands = new BollingerBands(period, k);
    }

    static StrategyDefinition definition() {
        return new StrategyDefinition("bollinger_breakout",
                "Long only: buys all-in when the close crosses above the upper Bollinger band, "
                        + "sells the whole position when it crosses below the middle band.",
                List.of(ParameterSpec.integer(PERIOD, 20, 2, 5_000, "period of the middle band (an SMA of closes)"),
                        ParameterSpec.decimal(K, "2", "0.1", "10",
                                "how many population standard deviations the upper band lies above the middle")),
                p -> List.empty(), EntrySizing.Use.REPLACES_ALL_IN,
                (p, entry) -> new BollingerBreakout(p.integer(PERIOD), p.decimal(K).doubleValue(), entry));
    }

    @Override
    public int warmUpCandles() {
        return bands.warmUpPeriod();
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        double close = Prices.toDouble(candle.close());
        bands.update(close);
        if (!bands.isReady()) {
            return;
        }
        int upper = upperCross.update(close - bands.upper());
        int middle = middleCross.update(close - bands.middle());
        boolean isLong = context.position(instrument).units() > 0;
        if (upper == Cross.UP && !isLong) {
            context.submit(instrument, buy);
        } else if (middle == Cross.DOWN && isLong) {
            context.submit(instrument, SELL);
        }
    }

    @Override
    public String toString() {
        return "BollingerBreakout(" + bands + ")";
    }
}
