package io.cryptobot.backtest.domain.engine;

import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.RiskLimits;
import java.util.Objects;

/**
 * What a run needs besides its markets and strategy. Candles opening before {@code tradingStart} (epoch ms) only
 * warm the strategy up: its signals there are ignored and no equity is recorded. {@code idSeed} makes every
 * order, trade and event id a function of the run, so the same inputs give bit-identical results.
 */
public record BacktestSetup(UserId owner, Money startingCash, RiskLimits limits, long tradingStart, long idSeed) {
    public BacktestSetup {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(startingCash, "startingCash");
        Objects.requireNonNull(limits, "limits");
        if (startingCash.units() <= 0) {
            throw new IllegalArgumentException("starting cash must be positive: " + startingCash);
        }
    }
}
