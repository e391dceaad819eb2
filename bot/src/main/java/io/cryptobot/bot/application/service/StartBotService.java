package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.in.StartBotUseCase;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
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
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Created to running: the owner's kill switch, the account's other live bot and the owner's running bots (at most
 * {@link UserLimits#botsRunning()} running or paused, counted and moved under the owner's lock) checked, the start
 * stored (compare-and-set on the status), then the runner launches the session; a refused launch puts the bot back
 * to created, a crashing one marks it failed.
 */
@ApplicationScoped
class StartBotService implements StartBotUseCase {
    /** Running and paused bots: each follows its feed (a paused one still sees every candle). */
    static final java.util.Set<BotStatus> LIVE = java.util.EnumSet.of(BotStatus.RUNNING, BotStatus.PAUSED);
    private final Bots bots;
    private final BotStorePort store;
    private final BotRunner runner;
    private final TradingControlUseCase trading;
    private final Limit running;
    private final OwnerLocks locks;
    private final Clock clock;
    private final PublishBotAlarmPort alarms;

    StartBotService(Bots bots, BotStorePort store, BotRunner runner, TradingControlUseCase trading,
                    UserLimits limits, OwnerLocks locks, Clock clock, PublishBotAlarmPort alarms) {
        this.alarms = alarms;
        this.bots = bots;
        this.store = store;
        this.runner = runner;
        this.trading = trading;
        this.running = limits.botsRunning();
        this.locks = locks;
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
            Either<DomainError, Bot> stored = locks.serialized(caller, () -> {
                if (!running.admitsOneMore(store.count(caller, LIVE))) {
                    return Either.left(BotErrors.tooManyRunning(running));
                }
                return store.update(started, BotStatus.CREATED, new BotControl(BotControl.Kind.STARTED,
                        Long.MIN_VALUE, "started", clock.now())) ? Either.right(started)
                        : Either.left(BotErrors.changed(id));
            });
            if (stored.isLeft()) {
                return stored;
            }
            Either<DomainError, Bot> launched;
            try {
                launched = runner.launch(started);
            } catch (RuntimeException e) {
                failQuietly(started, "could not start: internal error");
                throw e;
            }
            if (launched.isLeft()) {
                // a refusal (no candles any more): the bot stays created and can be started later
                started.notStarted(clock.now()).forEach(back -> store.update(back, BotStatus.RUNNING,
                        new BotControl(BotControl.Kind.START_REFUSED, Long.MIN_VALUE, launched.getLeft().detail(),
                                clock.now())));
                return Either.left(launched.getLeft());
            }
            return Either.right(launched.get());
        }));
    }

    private void failQuietly(Bot bot, String reason) {
        java.time.Instant now = clock.now();
        BotControl entry = new BotControl(BotControl.Kind.FAILED, Long.MIN_VALUE, reason, now);
        bot.fail(reason, now).forEach(failed -> {
            if (store.update(failed, bot.status(), entry)) {
                BotAlarmRaised.of(bot.owner(), bot.id().value(), bot.name(), entry, "").forEach(alarms::publish);
            }
        });
    }
}
