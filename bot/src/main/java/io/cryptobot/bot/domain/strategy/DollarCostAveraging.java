package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.vavr.collection.List;

/**
 * Long-only dollar-cost averaging in cycles. A cycle buys {@code amount} of the quote asset at market on its
 * first candle and then on every {@code interval}-th candle after its previous buy, until it has bought
 * {@code max_buys} times; then it only waits. The strategy keeps the quantity and the quote cost of its own buy
 * fills (from {@link #onFill}, at the fill price) and so the average entry price, cost / quantity. On a candle
 * whose close is strictly above average entry × (1 + {@code take_profit}) while that quantity is positive, it
 * sells the whole position at market instead of buying, and a new cycle starts with the next candle (which
 * buys). The cycle's bookkeeping is cleared when the sell is submitted, so the sell's own fills are not counted,
 * and a buy still unfilled when the cycle ends counts in the next one if it fills later.
 *
 * <p>The buy count is of buys submitted, filled or not; only fills move the average entry (a partial fill adds
 * what it filled), so a cycle whose buys never fill never takes profit. The sell closes the whole position, so
 * the strategy assumes the position is its own.
 */
final class DollarCostAveraging implements Strategy {
    static final String INTERVAL = "interval";
    static final String AMOUNT = "amount";
    static final String TAKE_PROFIT = "take_profit";
    static final String MAX_BUYS = "max_buys";
    private static final OrderIntent SELL = OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, "dca_take_profit");

    private final int interval;
    private final int maxBuys;
    private final double takeProfitFactor;
    private final OrderIntent buy;
    private int buys;
    private int candlesToWait;
    private double heldQuantity;
    private double cost;

    private DollarCostAveraging(int interval, Sizing perBuy, double takeProfit, int maxBuys) {
        this.interval = interval;
        this.maxBuys = maxBuys;
        this.takeProfitFactor = 1 + takeProfit;
        // Built once: the sizing never changes, so a buy allocates nothing either.
        this.buy = OrderIntent.market(Side.BUY, perBuy, "dca_buy");
    }

    static StrategyDefinition definition() {
        return new StrategyDefinition("dca",
                "Long only: buys a fixed quote amount every interval candles, up to max_buys times, and sells "
                        + "the whole position once the close is take_profit above the average entry price, "
                        + "then starts over.",
                List.of(ParameterSpec.integer(INTERVAL, 60, 1, 1_000_000, "candles from one buy to the next"),
                        ParameterSpec.decimal(AMOUNT, "100", "0.00000001", "1000000000",
                                "quote amount spent per buy"),
                        ParameterSpec.decimal(TAKE_PROFIT, "0.03", "0.0001", "10",
                                "sell when the close is this fraction above the average entry price (0.03 = 3 %)"),
                        ParameterSpec.integer(MAX_BUYS, 10, 1, 10_000, "buys per cycle at most")),
                p -> List.empty(), EntrySizing.Use.REPLACES_AMOUNT,
                (p, perBuy) -> new DollarCostAveraging(p.integer(INTERVAL), perBuy,
                        p.decimal(TAKE_PROFIT).doubleValue(), p.integer(MAX_BUYS)));
    }

    @Override
    public int warmUpCandles() {
        return 0;
    }

    @Override
    public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        // close > (cost / quantity) * factor, without the division.
        if (heldQuantity > 0 && Prices.toDouble(candle.close()) * heldQuantity > cost * takeProfitFactor) {
            context.submit(instrument, SELL);
            buys = 0;
            candlesToWait = 0;
            heldQuantity = 0;
            cost = 0;
            return;
        }
        if (candlesToWait > 0) {
            candlesToWait--;
        } else if (buys < maxBuys) {
            context.submit(instrument, buy);
            buys++;
            candlesToWait = interval - 1;
        }
    }

    @Override
    public void onFill(InstrumentId instrument, Side side, Quantity quantity, Price price) {
        if (side == Side.BUY) {
            double filled = Prices.toDouble(quantity);
            heldQuantity += filled;
            cost += filled * Prices.toDouble(price);
        }
    }

    /** The average entry price of the current cycle's filled buys; NaN while none has filled. */
    double averageEntryPrice() {
        return heldQuantity > 0 ? cost / heldQuantity : Double.NaN;
    }

    /** Buys submitted in the current cycle. */
    int buysInCycle() {
        return buys;
    }

    @Override
    public String toString() {
        return "DollarCostAveraging(" + interval + ", " + buy.sizing() + ", " + (takeProfitFactor - 1) + ", "
                + maxBuys + ")";
    }
}
