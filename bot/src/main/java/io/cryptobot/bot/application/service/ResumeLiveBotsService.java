package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import jakarta.enterprise.context.ApplicationScoped;

/** The runner owns the live sessions; this is the use case's door to it. */
@ApplicationScoped
class ResumeLiveBotsService implements ResumeLiveBotsUseCase {
    private final BotRunner runner;

    ResumeLiveBotsService(BotRunner runner) {
        this.runner = runner;
    }

    @Override
    public void resumeLiveBots() {
        runner.resumeAll();
    }

    @Override
    public void superviseLiveBots() {
        runner.supervise();
    }

    @Override
    public int rebuildingLiveBots() {
        return runner.rebuilding();
    }
}
