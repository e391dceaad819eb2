package io.cryptobot.bot.application.port.out;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.List;
import java.util.UUID;

/** Bots and their control history in schema {@code bot}; every read by owner filters by owner. */
public interface BotStorePort {
    /** False when the owner already has a bot of that name. */
    boolean insert(Bot bot, BotControl created);

    Option<Bot> load(UserId owner, BotId id);

    Page<Bot> list(UserId owner, PageRequest page);

    /**
     * A number that changes after every write of one of the owner's bots through this store (on this instance):
     * what was read at one version may be kept under it, as a newer write changes the version. Read it before the
     * data it stands for.
     */
    long version(UserId owner);

    /** Compare-and-set on the status the change was decided from, with the control that records it. */
    boolean update(Bot bot, BotStatus expected, BotControl control);

    /**
     * Compare-and-set on the status the change was decided from, with the controls that record it (in order), in one
     * transaction: the status and every control, or nothing (a kill-switch halt's entry with the pause it makes).
     */
    boolean update(Bot bot, BotStatus expected, List<BotControl> controls);

    /** Compare-and-set of the status alone, its journal entry already written (a stop). */
    boolean move(Bot bot, BotStatus expected);

    /**
     * Stores the checkpoint of a live bot (steps, last step, last close); false when it is no longer live. It need
     * not wait for the disk: a checkpoint lost in a crash only makes the rebuild play more candles, and the
     * activity of the step it names is committed (synchronously) after it, so it is durable whenever that is.
     */
    boolean checkpoint(Bot bot);

    /**
     * Stores a checkpoint with the equity samples since the previous one (see {@link #checkpoint(Bot)} and
     * {@link #appendEquity}); an adapter may write the checkpoints of many bots together.
     */
    default boolean checkpoint(Bot bot, io.cryptobot.portfolio.domain.metrics.EquitySeries equity) {
        if (!equity.isEmpty()) {
            appendEquity(bot.id(), equity);
        }
        return checkpoint(bot);
    }

    /**
     * {@link #checkpoint(Bot, io.cryptobot.portfolio.domain.metrics.EquitySeries)} without holding the caller: the
     * future answers whether the bot is still live once the checkpoint is stored (or fails with the cause). An
     * adapter that writes many bots' checkpoints together holds no thread per checkpoint meanwhile; this default
     * stores it on the calling thread.
     */
    default java.util.concurrent.CompletableFuture<Boolean> checkpointLater(Bot bot,
            io.cryptobot.portfolio.domain.metrics.EquitySeries equity) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(checkpoint(bot, equity));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    void addControl(BotId id, BotControl control);

    /** Adds controls, in order, in one transaction durable when this returns (a live venue's reports, one batch). */
    void addControls(BotId id, List<BotControl> controls);

    /**
     * Adds controls, in order, in one transaction that does not wait for the disk: they become durable with the
     * next synchronous commit on the same database (the write-ahead log is flushed in order), which the caller
     * makes right after.
     */
    void addControlsDurableWithNextCommit(BotId id, List<BotControl> controls);

    /**
     * Adds several bots' controls as {@link #addControlsDurableWithNextCommit(BotId, List)} would, all in one
     * transaction (each bot's in order): all or none.
     */
    void addControlsDurableWithNextCommit(List<BotControls> controls);

    /** One bot's controls, among several added together. */
    record BotControls(BotId bot, List<BotControl> controls) {
        public BotControls {
            controls = List.copyOf(controls);
        }
    }

    List<BotControl> controls(BotId id);

    /** The live bot trading on the account, if any. */
    Option<BotId> liveOnAccount(UUID accountId);

    /**
     * Appends equity samples (idempotent by time: a rebuilt session writes the same samples again, so samples lost
     * in a crash come back; hence they need not wait for the disk).
     */
    void appendEquity(BotId id, io.cryptobot.portfolio.domain.metrics.EquitySeries samples);

    /** The bot's equity samples in time order. */
    io.cryptobot.portfolio.domain.metrics.EquitySeries equity(BotId id);

    /** The owner's bots on the account in one of {@code statuses}, oldest first. */
    List<Bot> onAccount(UserId owner, UUID accountId, java.util.Set<BotStatus> statuses);

    /** The owner's live bots. */
    List<Bot> liveOf(UserId owner);

    /** How many of the owner's bots are in one of {@code statuses}. */
    long count(UserId owner, java.util.Set<BotStatus> statuses);

    /** Every live bot of every owner: the ones to resume at start-up. */
    List<Bot> live();

    /** The newest position (sequence number) of an entry that may raise an alarm, across bots (0 when none). */
    long lastAlarmEntryPosition();

    /**
     * The entries that may raise an alarm (failed, incident, opening blocked, venue reconciled) after {@code after}
     * and at most at {@code through}, oldest first, across bots, with their bot's owner and name and, for a
     * reconciliation, the reason of the bot's previous one.
     */
    List<AlarmEntry> alarmEntriesAfter(long after, long through, int limit);

    /** {@code previousReconciled}: the reason of the bot's reconciliation before this one ("" when none or not one). */
    record AlarmEntry(long position, UserId owner, UUID botId, String botName, BotControl entry,
                      String previousReconciled) {
    }
}
