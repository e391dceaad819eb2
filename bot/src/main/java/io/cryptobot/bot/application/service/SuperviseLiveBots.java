package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the live bots running here: at start-up every bot the store holds as live is launched again, and every
 * few seconds the sessions a database outage put aside are rebuilt from their journal (or the start-up's read of
 * the live bots retried), quietly while the database is still down. A bot that cannot be rebuilt is marked failed.
 */
@ApplicationScoped
class SuperviseLiveBots {
    private static final Logger LOG = Logger.getLogger(SuperviseLiveBots.class.getName());
    private final BotStorePort store;
    private final LiveSessions sessions;
    private final LaunchLiveBot launcher;
    private final MarkBotFailed failures;
    private final Clock clock;
    private volatile boolean resumedAll;
    /** Whether a try to read the live bots failed on the database (so a later success is news worth a line). */
    private boolean refusedByDatabase;

    SuperviseLiveBots(BotStorePort store, LiveSessions sessions, LaunchLiveBot launcher, MarkBotFailed failures,
                      Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.launcher = launcher;
        this.failures = failures;
        this.clock = clock;
    }

    /** Resumes every bot the store holds as live (at start-up); a bot that cannot be rebuilt is marked failed. */
    synchronized void resumeAll() {
        java.util.List<Bot> live;
        try {
            live = store.live();
        } catch (RuntimeException e) {
            refusedByDatabase |= isStoreFailure(e);
            throw e;
        }
        for (Bot bot : live) {
            if (!sessions.isRunningHere(bot.id()) && !sessions.isRebuilding(bot.id())) {
                relaunch(bot, "rebuilt from its journal after a restart");
            }
        }
        resumedAll = true;
    }

    /** How many live bots are being rebuilt now; -1 while the live bots of a start-up have not been read yet. */
    int rebuilding() {
        return resumedAll ? sessions.rebuildingCount() : -1;
    }

    /**
     * Called every few seconds: rebuilds the sessions a database outage suspended and, if the start-up could not
     * read the live bots (the database was down), tries that again. Quiet while the database is still down.
     */
    synchronized void supervise() {
        if (!resumedAll) {
            try {
                resumeAll();
                if (refusedByDatabase) {
                    LOG.info("live bots resumed: the database answers again");
                }
            } catch (RuntimeException e) {
                if (!isStoreFailure(e)) {
                    throw e;
                }
                return;
            }
        }
        resumeSuspended();
    }

    /**
     * Rebuilds the sessions put aside by {@link LiveSessions#suspend} whose bots are still live, recording the
     * outage in their events; those the database still refuses stay suspended for the next call.
     */
    synchronized void resumeSuspended() {
        for (LiveSessions.Suspended s : sessions.suspended()) {
            BotId id = s.bot().id();
            try {
                Option<Bot> current = store.load(s.bot().owner(), id);
                if (current.isEmpty() || !current.get().status().isLive()) {
                    sessions.unsuspend(id);
                    continue;
                }
                Bot bot = current.get();
                long after = bot.lastStep().getOrElse(Long.MIN_VALUE);
                store.addControl(id, new BotControl(BotControl.Kind.SUSPENDED, after, "the journal could not be "
                        + "written from " + s.since() + " (" + s.cause() + "); trading was suspended", s.since()));
                sessions.unsuspend(id);
                relaunch(bot, "rebuilt from its journal after the suspension");
            } catch (RuntimeException e) {
                LOG.fine(() -> "bot " + id + " still suspended: " + e.getMessage());
            }
        }
    }

    /**
     * Launches a live bot again (after a suspension, a restart, or a failure its owner resumes from); a bot that
     * cannot be rebuilt is marked failed. Meanwhile orders for it are answered "recovering" (503).
     */
    void relaunch(Bot bot, String recovered) {
        sessions.rebuilding(bot.id());
        try {
            Either<DomainError, Bot> launched = launcher.launch(bot, Option.some(recovered));
            if (launched.isLeft()) {
                failures.markFailed(bot, "could not resume: " + launched.getLeft().detail());
            }
        } catch (JournalUnwritable e) {
            throw e;
        } catch (RuntimeException e) {
            if (isStoreFailure(e)) {
                sessions.putAside(bot, String.valueOf(e.getMessage()));
                return;
            }
            UUID incident = UUID.randomUUID();
            LOG.log(Level.SEVERE, "bot " + bot.id() + " could not be resumed, incident " + incident, e);
            failures.markFailed(bot, "internal error on resume, incident " + incident + ": " + e);
        } finally {
            sessions.rebuilt(bot.id());
        }
    }

    /** Whether the store still answers: if not, a failure while rebuilding is the outage, not the bot's. */
    private boolean isStoreFailure(RuntimeException e) {
        try {
            store.live();
            return false;
        } catch (RuntimeException stillDown) {
            return true;
        }
    }
}
