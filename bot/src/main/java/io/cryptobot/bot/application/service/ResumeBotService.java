package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.ResumeBotUseCase;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A paused bot resumed through the runner; a failed one retried (see {@link #retry}), which makes it live again and
 * so counts against {@link UserLimits#botsRunning()}.
 */
@ApplicationScoped
class ResumeBotService implements ResumeBotUseCase {
    private final Bots bots;
    private final BotStorePort store;
    private final BotRunner runner;
    private final Limit running;
    private final OwnerLocks locks;
    private final Clock clock;

    ResumeBotService(Bots bots, BotStorePort store, BotRunner runner, UserLimits limits, OwnerLocks locks,
                     Clock clock) {
        this.bots = bots;
        this.store = store;
        this.runner = runner;
        this.running = limits.botsRunning();
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Bot> resume(UserId caller, BotId id) {
        return bots.owned(caller, id).flatMap(bot -> bot.status() == BotStatus.FAILED ? retry(bot)
                : bot.resume(clock.now())
                        .flatMap(target -> runner.control(bot, target, BotControl.Kind.RESUMED, "resumed")));
    }

    /**
     * A failed bot run again once its cause is fixed: live again in the store, then its session rebuilt from its
     * journal (and checked again: a rebuild that still differs fails it again, saying why).
     */
    private Either<DomainError, Bot> retry(Bot bot) {
        return bot.retry(clock.now()).flatMap(target -> {
            if (store.liveOnAccount(bot.accountId()).isDefined()) {
                return Either.left(BotErrors.accountBusy(bot.accountId().toString()));
            }
            Either<DomainError, Bot> stored = locks.serialized(bot.owner(), () -> {
                if (!running.admitsOneMore(store.count(bot.owner(), StartBotService.LIVE))) {
                    return Either.left(BotErrors.tooManyRunning(running));
                }
                return store.update(target, BotStatus.FAILED, new BotControl(BotControl.Kind.RESUMED,
                        bot.lastStep().getOrElse(Long.MIN_VALUE), "resumed after failing: "
                        + bot.statusReason().getOrElse("no reason recorded"), clock.now())) ? Either.right(target)
                        : Either.left(BotErrors.changed(bot.id()));
            });
            if (stored.isLeft()) {
                return stored;
            }
            runner.relaunch(target, "rebuilt from its journal after it failed");
            return bots.owned(bot.owner(), bot.id());
        });
    }
}
