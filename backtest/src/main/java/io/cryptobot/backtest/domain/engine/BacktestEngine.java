package io.cryptobot.backtest.domain.engine;

import io.cryptobot.bot.domain.session.EquitySink;
import io.cryptobot.bot.domain.session.SessionListener;
import io.cryptobot.bot.domain.session.SessionMarket;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.kernel.domain.Candle;
import java.util.ArrayList;
import java.util.List;

/**
 * The event-driven backtest engine: it replays stored closed candles, time step by time step, through the
 * {@link TradingSession} that paper bots run too, so a backtest and a paper replay of the same strategy over the
 * same candles give identical orders, fills and trades by construction (see the session for what one step
 * does). Single-threaded, no clock, no randomness: the same inputs give bit-identical outputs.
 */
public final class BacktestEngine {
    private static final int PROGRESS_EVERY = 1 << 14;

    private BacktestEngine() {
    }

    /**
     * Runs {@code strategy} over {@code markets} (one or more instruments quoted in the account currency, cash
     * shared) and streams equity into {@code equity}. A cancel requested through {@code control} stops at the
     * next progress check with what was done so far.
     */
    public static BacktestOutcome run(BacktestSetup setup, List<Market> markets, Strategy strategy,
                                      EquitySink equity, RunControl control) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one market");
        }
        List<SessionMarket> sessionMarkets = new ArrayList<>(markets.size());
        for (Market market : markets) {
            sessionMarkets.add(new SessionMarket(market.bars().instrument(), market.fillModel(),
                    market.bars().quantityScale()));
        }
        TradingSession session = new TradingSession(new SessionSetup(setup.owner(), setup.startingCash(),
                setup.limits(), setup.tradingStart(), setup.idSeed(), "bt-", true), sessionMarkets, strategy, equity,
                SessionListener.NONE);
        Bars[] bars = markets.stream().map(Market::bars).toArray(Bars[]::new);
        int n = bars.length;
        int[] cursor = new int[n];
        Candle[] current = new Candle[n];
        long total = 0;
        for (Bars series : bars) {
            total += series.size();
        }
        long processed = 0;
        long nextReport = PROGRESS_EVERY;
        boolean cancelled = false;
        while (true) {
            long step = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (cursor[i] < bars[i].size() && bars[i].time(cursor[i]) < step) {
                    step = bars[i].time(cursor[i]);
                }
            }
            if (step == Long.MAX_VALUE) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (cursor[i] < bars[i].size() && bars[i].time(cursor[i]) == step) {
                    current[i] = bars[i].candle(cursor[i]);
                    cursor[i]++;
                    processed++;
                } else {
                    current[i] = null;
                }
            }
            session.step(step, current);
            if (processed >= nextReport) {
                nextReport = processed + PROGRESS_EVERY;
                control.progress(processed, total);
                if (control.cancelled()) {
                    cancelled = true;
                    break;
                }
            }
        }
        control.progress(processed, total);
        return new BacktestOutcome(cancelled, processed, total, session.ledger(), List.copyOf(session.placedOrders()),
                List.copyOf(session.orderEvents()), List.copyOf(session.fills()),
                List.copyOf(session.ignoredSignals()), List.copyOf(session.tradingStateChanges()),
                session.lastCloses());
    }
}
