package io.cryptobot.bot.application.port.in;

import io.cryptobot.risk.domain.event.UserTradingStateChanged;

/**
 * The owner's kill switch moved: each of the owner's live bots follows it (a halt cancels their open orders and
 * pauses them; reduce-only lets only position-reducing orders through; resume lifts both, the bots staying paused
 * until resumed).
 */
public interface FollowKillSwitchUseCase {
    void follow(UserTradingStateChanged changed);
}
