package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.FollowInstrumentStatusUseCase;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands an instrument's new venue status to the live-feed bots trading it, through their feed's inbox. */
@ApplicationScoped
class FollowInstrumentStatusService implements FollowInstrumentStatusUseCase {
    private final FollowLiveFeed feeds;

    FollowInstrumentStatusService(FollowLiveFeed feeds) {
        this.feeds = feeds;
    }

    @Override
    public void follow(InstrumentStatusChanged changed) {
        feeds.instrumentStatusChanged(changed.instrument());
    }
}
