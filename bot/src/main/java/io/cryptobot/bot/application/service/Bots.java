package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/** The one place the bot use cases load a bot of the caller's: another user's bot is not found, like none. */
@ApplicationScoped
class Bots {
    private final BotStorePort store;

    Bots(BotStorePort store) {
        this.store = store;
    }

    Either<DomainError, Bot> owned(UserId caller, BotId id) {
        return store.load(caller, id).toEither(() -> BotErrors.notFound(id));
    }

    /** The caller's reason under the kernel text policy, or {@code fallback} when none was given. */
    static Either<DomainError, String> reasonOr(String reason, String fallback) {
        return io.cryptobot.kernel.domain.Text.optional("reason", reason, io.cryptobot.kernel.domain.Text.REASON_MAX)
                .toEither()
                .mapLeft(violation -> BotErrors.invalid(io.vavr.collection.List.of(violation)))
                .map(given -> given.getOrElse(fallback));
    }
}
