package io.cryptobot.exchange.domain.fill;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Venue;

/** BTC/USDT with tick 0.01 (price scale 2) and step 0.0001 (quantity scale 4): quote amounts at scale 6. */
final class Fixtures {
    static final InstrumentId BTC_USDT = InstrumentId.parse("BINANCE:BTC/USDT").get();
    static final Asset BTC = BTC_USDT.base();
    static final Asset USDT = BTC_USDT.quote();
    static final InstrumentRules RULES = new InstrumentRules(BTC_USDT, price("0.01"), qty("0.0001"));
    /** Maker 2 bps (0.02%), taker 10 bps (0.1%), in USDT. */
    static final FeeSchedule FEES = FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10));
    static final Rate TEN_PERCENT = Rate.parse("0.1").get();
    static final Balances RICH = balances("1000000", "1000");

    private Fixtures() {
    }

    static Price price(String text) {
        return Price.parse(text, 2).get();
    }

    static Quantity qty(String text) {
        return Quantity.parse(text, 4).get();
    }

    static Money usdt(String text) {
        return new Money(io.cryptobot.kernel.domain.FixedPoint.parse(text, 6).get(), 6, USDT);
    }

    static Money btc(String text) {
        return new Money(io.cryptobot.kernel.domain.FixedPoint.parse(text, 4).get(), 4, BTC);
    }

    static Balances balances(String quote, String base) {
        return new Balances(usdt(quote), btc(base));
    }

    static FillModel model(SlippageModel slippage) {
        return new FillModel(RULES, FEES, slippage, TEN_PERCENT);
    }

    static Candle candle(String open, String high, String low, String close, String volume) {
        return new Candle(0, price(open), price(high), price(low), price(close), qty(volume));
    }
}
