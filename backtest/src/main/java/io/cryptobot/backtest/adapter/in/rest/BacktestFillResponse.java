package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.application.port.in.FillView;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import java.time.Instant;

/** One simulated execution of a run: the fee in {@code feeAsset}; liquidity maker or taker. */
public record BacktestFillResponse(int seq, String orderId, String tradeId, String instrument, String side,
                                   String quantity, String price, String fee, String feeAsset, String liquidity,
                                   Instant time, String tag) {
    static BacktestFillResponse of(FillView f) {
        return new BacktestFillResponse(f.seq(), f.orderId(), f.tradeId(), f.instrument(), f.side(),
                Decimals.exact(f.quantity()), Decimals.exact(f.price()), Decimals.exact(f.fee()), f.feeAsset(),
                f.liquidity(), Instant.ofEpochMilli(f.time()), f.tag());
    }
}
