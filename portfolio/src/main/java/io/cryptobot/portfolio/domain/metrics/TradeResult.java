package io.cryptobot.portfolio.domain.metrics;

/**
 * One closed trade as the metrics see it: entry and exit time (epoch millis), the net P&amp;L (after fees) and the
 * fees paid, both in the account currency. The engine maps its exact trade list to these.
 *
 * <p>A trade is a win when {@code netPnl > 0}, a loss when {@code netPnl < 0}; a trade of exactly zero is
 * neither.
 */
public record TradeResult(long entryTime, long exitTime, double netPnl, double fees) {
    public TradeResult {
        if (exitTime < entryTime) {
            throw new IllegalArgumentException("a trade exits at or after its entry: " + entryTime + " -> " + exitTime);
        }
        if (!Double.isFinite(netPnl)) {
            throw new IllegalArgumentException("net P&L is finite: " + netPnl);
        }
        if (!Double.isFinite(fees) || fees < 0) {
            throw new IllegalArgumentException("fees are finite and not negative: " + fees);
        }
    }
}
