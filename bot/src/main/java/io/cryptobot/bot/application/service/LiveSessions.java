package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.ReplayFeedUseCase;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The live sessions run here, by bot and by account (at most one live bot an account), and the bots whose
 * session is not run at the moment: put aside because its journal could not be written ({@link #suspend}), or
 * being rebuilt. A session ends here (its feed stopped), whoever ends it.
 */
@ApplicationScoped
class LiveSessions {
    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());
    private final ReplayFeedUseCase replays;
    private final Clock clock;
    private final Map<BotId, LiveSession> live = new ConcurrentHashMap<>();
    /** The same sessions by the account they trade on (at most one live bot an account). */
    private final Map<UUID, LiveSession> byAccount = new ConcurrentHashMap<>();
    private final Map<BotId, Suspended> suspended = new ConcurrentHashMap<>();
    private final Set<BotId> rebuilding = ConcurrentHashMap.newKeySet();

    LiveSessions(ReplayFeedUseCase replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    /** A live bot whose session was put aside because its journal could not be written. */
    record Suspended(Bot bot, Instant since, String cause) {
    }

    boolean isRunningHere(BotId id) {
        return live.containsKey(id);
    }

    /** The bot's session if it is run here. */
    Option<LiveSession> find(BotId id) {
        return Option.of(live.get(id));
    }

    void run(LiveSession runner) {
        live.put(runner.bot.id(), runner);
        byAccount.put(runner.bot.accountId(), runner);
    }

    /**
     * The owner's live bot run here on the account, as it is now: the session an order for that account goes to,
     * found without reading the store.
     */
    Option<Bot> runningOn(UserId owner, UUID accountId) {
        LiveSession runner = byAccount.get(accountId);
        return runner == null || runner.ended || !runner.bot.owner().equals(owner) ? Option.none()
                : Option.some(runner.bot);
    }

    void end(LiveSession runner) {
        runner.ended = true;
        live.remove(runner.bot.id(), runner);
        byAccount.remove(runner.bot.accountId(), runner);
        if (runner.subscription != null) {
            runner.subscription.cancel();
        }
        if (runner.replayId != null) {
            replays.stop(runner.bot.owner(), runner.replayId);
        }
        if (runner.inbox != null) {
            runner.inbox.close();
        }
        if (runner.liveFeed != null) {
            runner.liveFeed.close();
        }
        if (runner.liveTrading != null) {
            runner.liveTrading.close();
        }
    }

    /** The sessions run here that trade {@code instrument}. */
    List<LiveSession> on(io.cryptobot.kernel.domain.InstrumentId instrument) {
        return live.values().stream().filter(runner -> runner.bot.instrument().equals(instrument)).toList();
    }

    /**
     * Stops running a bot here without changing anything stored: its session and feed are dropped as a crash
     * would drop them, and whoever resumes it next (this process's {@link SuperviseLiveBots#resumeAll}, or later
     * another instance that takes over its lease) rebuilds it from its journal.
     */
    void release(BotId id) {
        LiveSession runner = live.get(id);
        if (runner != null) {
            synchronized (runner) {
                try {
                    // what was acknowledged is durable before whoever rebuilds the session reads its journal
                    runner.writer.flush();
                } catch (RuntimeException e) {
                    LOG.fine(() -> "bot " + id + " released with an unwritable journal: " + e.getMessage());
                }
                end(runner);
            }
        }
    }

    /**
     * Puts a session aside because its journal or projections could not be written: dropped as a crash would
     * drop it (nothing of it was acknowledged that is not durable), to be rebuilt from the journal by
     * {@link SuperviseLiveBots#resumeSuspended} once the database answers. Returns the failure for the caller to
     * rethrow. Called under the session's lock.
     */
    RuntimeException suspend(LiveSession runner, RuntimeException failure) {
        end(runner);
        Suspended previous = suspended.putIfAbsent(runner.bot.id(), new Suspended(runner.bot, clock.now(),
                String.valueOf(failure.getMessage())));
        if (previous == null) {
            LOG.warning(() -> "bot " + runner.bot.id() + " suspended: its journal could not be written ("
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage() + "); it is rebuilt from its "
                    + "journal when the database answers");
        }
        return failure instanceof JournalUnwritable ? failure : new JournalUnwritable(failure);
    }

    /** A bot whose rebuild met a database outage: rebuilt with the suspended ones once the database answers. */
    void putAside(Bot bot, String cause) {
        suspended.putIfAbsent(bot.id(), new Suspended(bot, clock.now(), cause));
    }

    List<Suspended> suspended() {
        return List.copyOf(suspended.values());
    }

    void unsuspend(BotId id) {
        suspended.remove(id);
    }

    /** Orders for the bot are answered "recovering" (503) until {@link #rebuilt}. */
    void rebuilding(BotId id) {
        rebuilding.add(id);
    }

    void rebuilt(BotId id) {
        rebuilding.remove(id);
    }

    boolean isRebuilding(BotId id) {
        return rebuilding.contains(id);
    }

    int rebuildingCount() {
        return rebuilding.size();
    }

    /** Whether the bot is live but its session not run at the moment (suspended or being rebuilt). */
    boolean recovering(BotId id) {
        return suspended.containsKey(id) || rebuilding.contains(id);
    }

    DomainError notRunning(BotId id) {
        return recovering(id) ? BotErrors.recovering(id) : BotErrors.notRunningHere(id);
    }

    /** Runs {@code action} on the bot's session under its lock, between two steps; refused when not run here. */
    <T> Either<DomainError, T> betweenSteps(Bot bot, Function<LiveSession, Either<DomainError, T>> action) {
        LiveSession runner = live.get(bot.id());
        if (runner == null) {
            return Either.left(notRunning(bot.id()));
        }
        synchronized (runner) {
            return runner.ended ? Either.left(notRunning(bot.id())) : action.apply(runner);
        }
    }

    /** Everything the session's writer holds made durable, under the session's lock; the session put aside if not. */
    void flush(LiveSession runner) {
        try {
            runner.writer.flush();
        } catch (RuntimeException e) {
            throw suspend(runner, e);
        }
    }

    /**
     * Waits, outside the session's lock, until the answer's journal batch is durable. A batch that could not be
     * written leaves the session ahead of its journal: it is put aside (once) and the caller is told.
     */
    <T> T awaited(DurableAnswer<T> durable) {
        try {
            JournalWriter.await(durable.written());
            return durable.answer();
        } catch (RuntimeException e) {
            synchronized (durable.runner()) {
                if (!durable.runner().ended) {
                    throw suspend(durable.runner(), e);
                }
            }
            throw e instanceof JournalUnwritable ? e : new JournalUnwritable(e);
        }
    }
}
