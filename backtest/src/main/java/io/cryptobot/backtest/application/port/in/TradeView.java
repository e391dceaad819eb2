package io.cryptobot.backtest.application.port.in;

import java.math.BigDecimal;

/** One closed trade (a closed lot portion), amounts exact in the quote asset; times in epoch ms. */
public record TradeView(int seq, String instrument, long entryTime, long exitTime, BigDecimal quantity,
                        BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal grossPnl, BigDecimal fees,
                        BigDecimal netPnl) {
}
