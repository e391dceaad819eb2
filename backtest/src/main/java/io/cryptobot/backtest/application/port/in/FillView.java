package io.cryptobot.backtest.application.port.in;

import java.math.BigDecimal;

/** One simulated execution: fee in {@code feeAsset}; liquidity maker or taker; time in epoch ms. */
public record FillView(int seq, String orderId, String tradeId, String instrument, String side, BigDecimal quantity,
                       BigDecimal price, BigDecimal fee, String feeAsset, String liquidity, long time, String tag) {
}
