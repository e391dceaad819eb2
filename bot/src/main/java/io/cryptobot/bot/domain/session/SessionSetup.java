package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.RiskLimits;
import java.util.Objects;

/**
 * What a trading session needs besides its markets and strategy. Candles opening before {@code tradingStart}
 * (epoch ms) only warm the strategy up: its signals there are ignored and no equity is recorded. {@code idSeed}
 * makes every order, trade and event id a function of the session, so the same candles give bit-identical
 * results (a backtest re-run, or a paper bot rebuilt after a restart). {@code clientIdPrefix} starts every client
 * order id ({@code bt-} for backtests). {@code resumeAfterDailyLossHalt}: a halt for a breached daily loss lifts at
 * the next UTC day (backtests), or stays until the owner resumes trading (paper and live, where the halt is the
 * owner's kill switch).
 */
public record SessionSetup(UserId owner, Money startingCash, RiskLimits limits, long tradingStart, long idSeed,
                           String clientIdPrefix, boolean resumeAfterDailyLossHalt) {
    public SessionSetup {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(startingCash, "startingCash");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
        if (startingCash.units() <= 0) {
            throw new IllegalArgumentException("starting cash must be positive: " + startingCash);
        }
    }
}
