package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A runner fake: feeds closes one candle at a time, records each intent with the 1-based number of the candle
 * that caused it, and (while {@link #fillImmediately}) fills market intents at the close once {@code onCandle}
 * returns, in submission order, reporting each fill to the strategy through {@link Strategy#onFill}. Fill
 * quantities, at scale 8: all-in buys one unit, a quote amount buys {@code amount / close} rounded down, a fixed
 * quantity is that quantity, closing the position sells all of it. Intents not filled at once wait in
 * {@link #unfilled} until {@link #fillPending} fills them at the latest close or {@link #rejectNext} ends one
 * unfilled. Every filled or rejected intent is then reported done through {@link Strategy#onIntentDone}.
 */
final class RecordingContext implements StrategyContext {
    static final InstrumentId BTC_USDT = InstrumentId.parse("BINANCE:BTC/USDT").get();
    private static final int SCALE = 8;
    private static final Quantity FLAT = new Quantity(0, SCALE);

    record Emitted(int candle, OrderIntent intent) {
    }

    record Fill(int candle, Side side, Quantity quantity, Price price) {
    }

    final List<Emitted> emitted = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final ArrayDeque<OrderIntent> unfilled = new ArrayDeque<>();
    Quantity position = FLAT;
    boolean fillImmediately = true;
    private int candle;
    private Candle current;

    static RecordingContext run(Strategy strategy, double... closes) {
        RecordingContext context = new RecordingContext();
        context.feed(strategy, closes);
        return context;
    }

    void feed(Strategy strategy, double... closes) {
        for (double close : closes) {
            candle++;
            Price price = new Price(Math.round(close * 100), 2);
            current = new Candle(candle * 60_000L, price, price, price, price, new Quantity(1, 0));
            strategy.onCandle(BTC_USDT, current, this);
            if (fillImmediately) {
                fillPending(strategy);
            }
        }
    }

    /** Fills every intent still waiting, oldest first, at the latest close. */
    void fillPending(Strategy strategy) {
        while (!unfilled.isEmpty()) {
            fillNext(strategy);
        }
    }

    /** Fills the oldest intent still waiting, if any, at the latest close. */
    void fillNext(Strategy strategy) {
        OrderIntent intent = unfilled.poll();
        if (intent == null) {
            return;
        }
        Price price = current.close();
        Quantity quantity = quantity(intent, price);
        BigDecimal after = intent.side() == Side.BUY
                ? position.toBigDecimal().add(quantity.toBigDecimal())
                : position.toBigDecimal().subtract(quantity.toBigDecimal());
        position = new Quantity(after.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact(),
                SCALE);
        fills.add(new Fill(candle, intent.side(), quantity, price));
        strategy.onFill(BTC_USDT, intent.side(), quantity, price);
        strategy.onIntentDone(BTC_USDT, intent, quantity);
    }

    /** The oldest intent still waiting ends without a fill (a venue rejection, a risk denial). */
    void rejectNext(Strategy strategy) {
        OrderIntent intent = unfilled.poll();
        if (intent != null) {
            strategy.onIntentDone(BTC_USDT, intent, FLAT);
        }
    }

    private Quantity quantity(OrderIntent intent, Price price) {
        BigDecimal amount = switch (intent.sizing()) {
            case Sizing.AllIn a -> BigDecimal.ONE;
            case Sizing.ClosePosition c -> position.toBigDecimal();
            case Sizing.QuoteAmount q -> q.amount().divide(price.toBigDecimal(), SCALE, RoundingMode.DOWN);
            case Sizing.FixedQuantity f -> f.quantity().toBigDecimal();
            case Sizing.FractionOfEquity f -> throw new UnsupportedOperationException("no equity in this fake");
        };
        return new Quantity(amount.setScale(SCALE, RoundingMode.DOWN).unscaledValue().longValueExact(), SCALE);
    }

    @Override
    public Quantity position(InstrumentId instrument) {
        return position;
    }

    @Override
    public void submit(InstrumentId instrument, OrderIntent intent) {
        emitted.add(new Emitted(candle, intent));
        unfilled.add(intent);
    }

    List<String> summary() {
        return emitted.stream().map(e -> e.intent().side() + "@" + e.candle()).toList();
    }
}
