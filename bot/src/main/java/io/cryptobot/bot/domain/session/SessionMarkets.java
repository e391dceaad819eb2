package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The markets a session trades, each known by its index (the order the session was given them in, which is also
 * the order a step plays them in), and each market's last close: the reference price of sizing, risk and marks.
 * Every market is quoted in the account currency, and each instrument appears once.
 */
final class SessionMarkets {
    private final SessionMarket[] markets;
    private final Map<InstrumentId, Integer> index = new HashMap<>();
    private final Price[] lastClose;

    SessionMarkets(List<SessionMarket> markets, Asset currency) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one market");
        }
        for (SessionMarket market : markets) {
            if (!market.instrument().quote().equals(currency)) {
                throw new IllegalArgumentException(market.instrument() + " is not quoted in the account currency "
                        + currency);
            }
        }
        if (markets.stream().map(SessionMarket::instrument).distinct().count() != markets.size()) {
            throw new IllegalArgumentException("each instrument may appear once");
        }
        this.markets = markets.toArray(SessionMarket[]::new);
        this.lastClose = new Price[this.markets.length];
        for (int i = 0; i < this.markets.length; i++) {
            index.put(this.markets[i].instrument(), i);
        }
    }

    int count() {
        return markets.length;
    }

    SessionMarket market(int market) {
        return markets[market];
    }

    InstrumentId instrument(int market) {
        return markets[market].instrument();
    }

    /** The index of {@code instrument}, or null when the session does not trade it. */
    Integer find(InstrumentId instrument) {
        return index.get(instrument);
    }

    /** The index of {@code instrument}, which the strategy traded: a strategy trading another market is a bug. */
    int indexOf(InstrumentId instrument) {
        Integer found = index.get(instrument);
        if (found == null) {
            throw new IllegalArgumentException("the strategy traded " + instrument + ", which is not in this session");
        }
        return found;
    }

    Set<InstrumentId> instruments() {
        return index.keySet();
    }

    void closed(int market, Price close) {
        lastClose[market] = close;
    }

    /** The market's last close, or null before its first candle. */
    Price lastClose(int market) {
        return lastClose[market];
    }

    /** Each market's last close seen, for the markets that have had a candle. */
    Map<InstrumentId, Price> lastCloses() {
        Map<InstrumentId, Price> marks = new LinkedHashMap<>();
        for (int i = 0; i < markets.length; i++) {
            if (lastClose[i] != null) {
                marks.put(markets[i].instrument(), lastClose[i]);
            }
        }
        return marks;
    }
}
