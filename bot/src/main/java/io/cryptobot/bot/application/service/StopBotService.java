package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.StopBotUseCase;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/** The bot's own rule decides whether it can stop; the runner journals the stop and ends the session. */
@ApplicationScoped
class StopBotService implements StopBotUseCase {
    private final Bots bots;
    private final BotRunner runner;
    private final Clock clock;

    StopBotService(Bots bots, BotRunner runner, Clock clock) {
        this.bots = bots;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Bot> stop(UserId caller, BotId id, String reason) {
        return Bots.reasonOr(reason, "stopped").flatMap(why -> bots.owned(caller, id).flatMap(bot -> bot.stop(why, clock.now())
                .flatMap(target -> runner.control(bot, target, BotControl.Kind.STOPPED, why))));
    }
}
