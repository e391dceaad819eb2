package io.cryptobot.bot.domain.strategy;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * A runner fake: feeds closes one candle at a time, records each intent with the 1-based number of the candle
 * that caused it, and fills market intents at once at the close (buy: one unit, sell: the whole position).
 */
final class RecordingContext implements StrategyContext {
    static final InstrumentId BTC_USDT = InstrumentId.parse("BINANCE:BTC/USDT").get();
    private static final Quantity FLAT = new Quantity(0, 8);
    private static final Quantity ONE = new Quantity(100_000_000, 8);

    record Emitted(int candle, OrderIntent intent) {
    }

    final List<Emitted> emitted = new ArrayList<>();
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
        }
    }

    @Override
    public Quantity position(InstrumentId instrument) {
        return position;
    }

    @Override
    public void submit(InstrumentId instrument, OrderIntent intent) {
        emitted.add(new Emitted(candle, intent));
        if (fillImmediately) {
            position = intent.side() == Side.BUY ? ONE : FLAT;
        }
    }

    List<String> summary() {
        return emitted.stream().map(e -> e.intent().side() + "@" + e.candle()).toList();
    }
}
