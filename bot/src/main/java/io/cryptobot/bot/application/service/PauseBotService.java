package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.PauseBotUseCase;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/** The bot's own rule decides whether it can pause; the runner journals the pause and applies it to the session. */
@ApplicationScoped
class PauseBotService implements PauseBotUseCase {
    private final Bots bots;
    private final BotRunner runner;
    private final Clock clock;

    PauseBotService(Bots bots, BotRunner runner, Clock clock) {
        this.bots = bots;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Bot> pause(UserId caller, BotId id, String reason) {
        return Bots.reasonOr(reason, "paused").flatMap(why -> bots.owned(caller, id).flatMap(bot -> bot.pause(why, clock.now())
                .flatMap(target -> runner.control(bot, target, BotControl.Kind.PAUSED, why))));
    }
}
