package io.cryptobot.exchange.adapter.out.venue.binance;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance symbol ({@code BTCUSDT}) to instrument: Binance's order and trade answers name the symbol only, and a
 * concatenation cannot be split safely. Instruments the account traded are remembered; an unknown symbol (an order
 * placed by hand on the venue) is looked up in the exchange information, at most once a minute (weight 20).
 */
final class BinanceSymbols {
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);
    private final BinanceMarketData marketData;
    private final Clock clock;
    private final Map<String, InstrumentId> known = new ConcurrentHashMap<>();
    private volatile Instant loadedAt = Instant.EPOCH;

    BinanceSymbols(BinanceMarketData marketData, Clock clock) {
        this.marketData = marketData;
        this.clock = clock;
    }

    String symbolOf(InstrumentId instrument) {
        String symbol = BinanceMarketData.symbolOf(instrument);
        known.putIfAbsent(symbol, instrument);
        return symbol;
    }

    Option<InstrumentId> instrument(String symbol) {
        InstrumentId found = known.get(symbol);
        if (found != null) {
            return Option.some(found);
        }
        synchronized (this) {
            Instant now = clock.now();
            if (!known.containsKey(symbol) && Duration.between(loadedAt, now).compareTo(RELOAD_AFTER) > 0) {
                loadedAt = now;
                marketData.symbols().forEach(all -> all.forEach(s -> known.putIfAbsent(s.venueSymbol(), s.instrument())));
            }
        }
        return Option.of(known.get(symbol));
    }
}
