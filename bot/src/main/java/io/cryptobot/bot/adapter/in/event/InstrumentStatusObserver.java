package io.cryptobot.bot.adapter.in.event;

import io.cryptobot.bot.application.port.in.FollowInstrumentStatusUseCase;
import io.cryptobot.marketdata.domain.event.InstrumentStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Hands market data's instrument status changes (a halt, a delisting, trading again) to the live-feed bots. */
@ApplicationScoped
class InstrumentStatusObserver {
    private final FollowInstrumentStatusUseCase bots;

    InstrumentStatusObserver(FollowInstrumentStatusUseCase bots) {
        this.bots = bots;
    }

    void onChange(@Observes InstrumentStatusChanged changed) {
        bots.follow(changed);
    }
}
