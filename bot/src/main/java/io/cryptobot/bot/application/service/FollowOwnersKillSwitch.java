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
import java.util.List;

/**
 * A live bot's session follows its owner's kill switch: when it moves, and at a launch (the state as stored). The
 * move is journaled (a halt together with the pause of a running bot, in one write) before the session changes; a
 * halt cancels the session's open orders, and the bot stays paused after trading resumes until its owner resumes it.
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
            journal(bot, target, reason, bot.lastStep().getOrElse(Long.MIN_VALUE));
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
        Option<Bot> paused = journal(runner.bot, target, reason, runner.session.lastStepTime());
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

    /**
     * Journals the move to {@code target} after step {@code after}; a halt of a running bot is journaled in one write
     * with the pause it makes (answered: the bot paused). One write, since a process killed between two would leave
     * the halt's entry on a bot still running, which nothing pauses again (its rebuilt session is halted already): it
     * would trade as soon as its owner resumed trading, where a halt leaves bots paused until each is resumed.
     */
    private Option<Bot> journal(Bot bot, TradingState target, String reason, long after) {
        BotControl move = new BotControl(BotControl.Kind.of(target), after, reason, clock.now());
        if (target == TradingState.HALTED && bot.status() == BotStatus.RUNNING) {
            String pauseReason = "kill switch: " + reason;
            Option<Bot> paused = bot.pause(pauseReason, clock.now()).toOption().filter(p -> store.update(p,
                    BotStatus.RUNNING, List.of(move, new BotControl(BotControl.Kind.PAUSED, after, pauseReason,
                            clock.now()))));
            if (paused.isDefined()) {
                return paused;
            }
        }
        store.addControl(bot.id(), move);
        return Option.none();
    }
}
