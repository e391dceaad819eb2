package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.application.port.in.TradingStatus;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A live bot's session follows its owner's kill switch: when it moves, and at a launch (the state as stored). The
 * move is journaled (and a halt's pause of a running bot stored) before the session changes; a halt cancels the
 * session's open orders, and the bot stays paused after trading resumes until its owner resumes it.
 */
@ApplicationScoped
class FollowOwnersKillSwitch {
    private final BotStorePort store;
    private final LiveSessions sessions;
    private final ActivityProjection projection;
    private final TradingControlUseCase trading;
    private final Clock clock;

    FollowOwnersKillSwitch(BotStorePort store, LiveSessions sessions, ActivityProjection projection,
                           TradingControlUseCase trading, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.projection = projection;
        this.trading = trading;
        this.clock = clock;
    }

    /**
     * The owner's kill switch moved: journaled, then the bot's session follows it between two steps; a bot not run
     * here is only updated in the store.
     */
    void applyTradingState(Bot bot, TradingState target, String reason) {
        LiveSession runner = sessions.find(bot.id()).getOrNull();
        if (runner == null) {
            // not run here (or being rebuilt): the rebuild follows the owner's state as stored
            store.addControl(bot.id(), new BotControl(BotControl.Kind.of(target),
                    bot.lastStep().getOrElse(Long.MIN_VALUE), reason, clock.now()));
            pauseOnHalt(bot, target, reason, bot.lastStep().getOrElse(Long.MIN_VALUE));
            return;
        }
        synchronized (runner) {
            if (!runner.ended) {
                try {
                    changeTradingState(runner, target, reason);
                } catch (RuntimeException e) {
                    throw sessions.suspend(runner, e);
                }
            }
        }
    }

    /**
     * Makes a launched session follow the owner's kill switch as stored: a change made just before a crash (or
     * while the session was rebuilt) is applied and journaled now; a halt pauses a running bot.
     */
    void followStored(LiveSession runner, String why) {
        TradingStatus status = trading.status(runner.bot.owner());
        if (status.state() != runner.session.tradingState()) {
            changeTradingState(runner, status.state(), why + status.reason().getOrElse(status.state().name()));
        } else {
            projection.record(runner.bot.owner(), runner.steps.drain());
        }
    }

    /** The session moves to {@code target}: the entry (and a halt's pause) journaled first, then the session. */
    private void changeTradingState(LiveSession runner, TradingState target, String reason) {
        runner.writer.flush();
        long after = runner.session.lastStepTime();
        store.addControl(runner.bot.id(), new BotControl(BotControl.Kind.of(target), after, reason, clock.now()));
        Option<Bot> paused = pauseOnHalt(runner.bot, target, reason, after);
        runner.steps.applyingOwnersKillSwitch(true);
        try {
            runner.session.changeTradingState(target, reason);
        } finally {
            runner.steps.applyingOwnersKillSwitch(false);
        }
        paused.forEach(p -> {
            runner.session.paused(true);
            runner.bot = p;
        });
        projection.record(runner.bot.owner(), runner.steps.drain());
    }

    private Option<Bot> pauseOnHalt(Bot bot, TradingState target, String reason, long after) {
        if (target != TradingState.HALTED || bot.status() != BotStatus.RUNNING) {
            return Option.none();
        }
        String pauseReason = "kill switch: " + reason;
        return bot.pause(pauseReason, clock.now()).toOption().filter(paused -> store.update(paused,
                BotStatus.RUNNING, new BotControl(BotControl.Kind.PAUSED, after, pauseReason, clock.now())));
    }
}
