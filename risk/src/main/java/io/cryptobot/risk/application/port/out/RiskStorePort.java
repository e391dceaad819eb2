package io.cryptobot.risk.application.port.out;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.TradingStatus;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Option;

public interface RiskStorePort {
    TradingStatus status(UserId owner);

    /** Records {@code change} and the new state if the stored state is still {@code change.from()}. */
    /** {@code dailyLossHalt}: the halt a session tripped on a breached daily loss (stored with the change). */
    boolean changeState(UserId owner, TradingStateChanged change, boolean dailyLossHalt);

    /** The newest stored change's position (0 when none), across owners. */
    long lastChangePosition();

    /** Stored changes after {@code after}, at most at {@code through}, oldest first, across owners. */
    java.util.List<io.cryptobot.risk.application.port.in.TradingStateFeedQuery.StoredChange> changesAfter(long after,
            long through, int limit);

    Page<TradingStateChanged> history(UserId owner, PageRequest page);

    Option<RiskLimits> limits(UserId owner);

    void saveLimits(UserId owner, RiskLimits limits);

    /** Only to name the state in errors. */
    default TradingState state(UserId owner) {
        return status(owner).state();
    }
}
