package io.cryptobot.bot.adapter.in.event;

import io.cryptobot.bot.application.port.in.FollowKillSwitchUseCase;
import io.cryptobot.risk.domain.event.UserTradingStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hands the risk context's kill-switch changes to the bots, on the thread that made the change. */
@ApplicationScoped
class KillSwitchObserver {
    private final FollowKillSwitchUseCase bots;

    KillSwitchObserver(FollowKillSwitchUseCase bots) {
        this.bots = bots;
    }

    void onChange(@Observes UserTradingStateChanged changed) {
        bots.follow(changed);
    }
}
