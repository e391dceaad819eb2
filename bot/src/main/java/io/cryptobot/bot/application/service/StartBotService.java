package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.StartBotUseCase;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Created to running: the owner's kill switch and the account's other live bot checked, the start stored
 * (compare-and-set on the status), then the runner launches the session; a refused launch puts the bot back to
 * created, a crashing one marks it failed.
 */
@ApplicationScoped
class StartBotService implements StartBotUseCase {
    private final Bots bots;
    private final BotStorePort store;
    private final BotRunner runner;
    private final TradingControlUseCase trading;
    private final Clock clock;

    StartBotService(Bots bots, BotStorePort store, BotRunner runner, TradingControlUseCase trading, Clock clock) {
        this.bots = bots;
        this.store = store;
        this.runner = runner;
        this.trading = trading;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Bot> start(UserId caller, BotId id) {
        return bots.owned(caller, id).flatMap(bot -> bot.start(clock.now()).flatMap(started -> {
            if (trading.status(caller).state() == TradingState.HALTED) {
                return Either.left(BotErrors.tradingHalted());
            }
            Option<BotId> busy = store.liveOnAccount(bot.accountId());
            if (busy.isDefined()) {
                return Either.left(BotErrors.accountBusy(bot.accountId().toString()));
            }
            if (!store.update(started, BotStatus.CREATED, new BotControl(BotControl.Kind.STARTED, Long.MIN_VALUE,
                    "started", clock.now()))) {
                return Either.left(BotErrors.changed(id));
            }
            Either<DomainError, Bot> launched;
            try {
                launched = runner.launch(started);
            } catch (RuntimeException e) {
                failQuietly(started, "could not start: internal error");
                throw e;
            }
            if (launched.isLeft()) {
                // a refusal (too many replays, no candles any more): the bot stays created and can be started later
                started.notStarted(clock.now()).forEach(back -> store.update(back, BotStatus.RUNNING,
                        new BotControl(BotControl.Kind.START_REFUSED, Long.MIN_VALUE, launched.getLeft().detail(),
                                clock.now())));
                return Either.left(launched.getLeft());
            }
            return Either.right(launched.get());
        }));
    }

    private void failQuietly(Bot bot, String reason) {
        bot.fail(reason, clock.now()).forEach(failed -> store.update(failed, bot.status(),
                new BotControl(BotControl.Kind.FAILED, Long.MIN_VALUE, reason, clock.now())));
    }
}
