package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a pause, resume or stop to a live bot, between two steps: journaled first, then the session changes,
 * then the status is compare-and-set. A stop cancels the open orders and ends the feed. Bots not run here are only
 * updated in the store; those being rebuilt or suspended are refused as recovering.
 */
@ApplicationScoped
class ControlLiveBot {
    private final BotStorePort store;
    private final LiveSessions sessions;
    private final SessionSteps steps;
    private final ActivityProjection projection;
    private final Clock clock;

    ControlLiveBot(BotStorePort store, LiveSessions sessions, SessionSteps steps, ActivityProjection projection,
                   Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.steps = steps;
        this.projection = projection;
        this.clock = clock;
    }

    /** Moves {@code current} to {@code target} (its status compare-and-set from {@code current}'s). */
    Either<DomainError, Bot> control(Bot current, Bot target, BotControl.Kind kind, String reason) {
        LiveSession runner = sessions.find(current.id()).getOrNull();
        if (runner == null) {
            if (sessions.recovering(current.id())) {
                return Either.left(BotErrors.recovering(current.id()));
            }
            BotControl control = new BotControl(kind, current.lastStep().getOrElse(Long.MIN_VALUE), reason,
                    clock.now());
            return store.update(target, current.status(), control) ? Either.right(target)
                    : Either.left(BotErrors.changed(current.id()));
        }
        synchronized (runner) {
            if (runner.ended || runner.bot.status() != current.status()) {
                return Either.left(BotErrors.changed(current.id()));
            }
            try {
                runner.writer.flush();
                if (runner.session.lastStepTime() != Long.MIN_VALUE && runner.uncheckpointed > 0) {
                    steps.checkpoint(runner);
                }
                Bot moved = target.withProgressOf(runner.bot);
                BotControl control = new BotControl(kind, runner.session.lastStepTime(), reason, clock.now());
                if (kind == BotControl.Kind.STOPPED) {
                    // journaled while the bot is still live, so a crash before the status moves is completed by
                    // the rebuild; then the cancels are projected, then the status moves
                    store.addControl(current.id(), control);
                    runner.session.cancelOpenOrders();
                    projection.record(current.owner(), runner.steps.drain());
                    sessions.end(runner);
                    return store.move(moved, current.status()) ? Either.right(moved)
                            : Either.left(BotErrors.changed(current.id()));
                }
                // the entry and the status in one transaction, before the session acts on it
                if (!store.update(moved, current.status(), control)) {
                    return Either.left(BotErrors.changed(current.id()));
                }
                runner.bot = moved;
                switch (kind) {
                    case PAUSED -> runner.session.paused(true);
                    case RESUMED -> runner.session.paused(false);
                    default -> throw new IllegalArgumentException("not a control: " + kind);
                }
                return Either.right(moved);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw sessions.suspend(runner, e);
            }
        }
    }
}
