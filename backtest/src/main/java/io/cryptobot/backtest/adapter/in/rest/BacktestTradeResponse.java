package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.application.port.in.TradeView;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.time.Instant;

/** One closed trade of a run (a closed lot portion): amounts exact in the quote asset, P&L gross and net of fees. */
public record BacktestTradeResponse(int seq, String instrument, Instant entryTime, Instant exitTime,
                                    long durationSeconds, String quantity, String entryPrice, String exitPrice,
                                    String grossPnl, String fees, String netPnl) {
    static BacktestTradeResponse of(TradeView t) {
        return new BacktestTradeResponse(t.seq(), t.instrument(), Instant.ofEpochMilli(t.entryTime()),
                Instant.ofEpochMilli(t.exitTime()), t.durationSeconds(), Decimals.exact(t.quantity()),
                Decimals.exact(t.entryPrice()), Decimals.exact(t.exitPrice()), Decimals.exact(t.grossPnl()),
                Decimals.exact(t.fees()), Decimals.exact(t.netPnl()));
    }
}
