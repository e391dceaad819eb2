package io.cryptobot.backtest.application.port.in;

import java.math.BigDecimal;

/**
 * One closed trade (a closed lot portion), amounts exact in the quote asset; times in epoch ms, the duration
 * from entry to exit in seconds.
 */
public record TradeView(int seq, String instrument, long entryTime, long exitTime, long durationSeconds,
                        BigDecimal quantity, BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal grossPnl,
                        BigDecimal fees, BigDecimal netPnl) {
}
