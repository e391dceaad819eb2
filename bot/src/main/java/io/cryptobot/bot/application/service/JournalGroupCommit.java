package io.cryptobot.bot.application.service;

import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Group commit of the hand-order batches of every live session. A session's {@link JournalWriter} hands its batch
 * here; the batches handed over while a group is being written form the next group, written as two transactions
 * whatever the number of sessions: the journal entries of all (without waiting for the disk), then the order
 * activity of all owners, whose synchronous commit makes both durable (the write-ahead log is flushed in order).
 * So N sessions busy at once cost two transactions and one flush a group, not 2N and N. The thread that wrote a
 * group completes its batches, and each session's writer hands its next batch over on that thread, before the next
 * group is taken: the sessions' next batches meet again.
 * <p>
 * A session has at most one batch in a group (its writer waits for a batch before the next), so each session's
 * order holds. One session's batch never fails another's: when a group's transaction fails it left nothing, and
 * that step is done again batch by batch; only a batch that fails on its own fails (its session's writer then
 * fails, as it would alone).
 */
@ApplicationScoped
class JournalGroupCommit {
    /** At most this many journal entries in one group (a group takes at least one batch). */
    static final int MAX_ENTRIES = 1024;

    /** One session's batch: its bot's entries and the activity they caused. */
    private record Batch(BotId bot, UserId owner, List<BotControl> entries, StepJournal.Step activity,
                         CompletableFuture<Void> durable) {
    }

    private final BotStorePort store;
    private final ActivityProjection projection;
    private final Executor executor;
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    private boolean writing;

    JournalGroupCommit(BotStorePort store, ActivityProjection projection, BotWorkersPort workers) {
        this.store = store;
        this.projection = projection;
        this.executor = workers.journalWriters();
    }

    /**
     * A session's writer that writes its batches for {@code bot} of {@code owner} here (an idle one starts on
     * {@code starts}).
     */
    JournalWriter writerFor(BotId bot, UserId owner, Executor starts) {
        return JournalWriter.grouped((entries, activity) -> write(bot, owner, entries, activity), starts);
    }

    /** Queues a batch for the next group; the future completes once it is durable (or fails with the cause). */
    CompletableFuture<Void> write(BotId bot, UserId owner, List<BotControl> entries,
                                  List<StepJournal.Step> activity) {
        Batch batch = new Batch(bot, owner, List.copyOf(entries), StepJournal.Step.concat(activity),
                new CompletableFuture<>());
        boolean start;
        synchronized (this) {
            queue.add(batch);
            start = !writing;
            writing = true;
        }
        if (start) {
            executor.execute(this::drain);
        }
        return batch.durable();
    }

    private void drain() {
        while (true) {
            List<Batch> group = new ArrayList<>();
            synchronized (this) {
                int entries = 0;
                while (!queue.isEmpty()
                        && (group.isEmpty() || entries + queue.peek().entries().size() <= MAX_ENTRIES)) {
                    Batch next = queue.poll();
                    group.add(next);
                    entries += next.entries().size();
                }
                if (group.isEmpty()) {
                    writing = false;
                    return;
                }
            }
            try {
                write(group);
            } catch (RuntimeException | Error unexpected) {
                // write completes every batch itself; whatever is left is failed rather than left waiting
                group.forEach(b -> b.durable().completeExceptionally(unexpected));
            }
        }
    }

    /** Writes a group and completes each of its batches: durable, or failed with its own cause. */
    private void write(List<Batch> group) {
        List<Batch> entered;
        if (group.size() == 1) {
            entered = entriesAlone(group);
        } else {
            try {
                store.addControlsDurableWithNextCommit(group.stream()
                        .map(b -> new BotStorePort.BotControls(b.bot(), b.entries())).toList());
                entered = group;
            } catch (RuntimeException | Error together) {
                entered = entriesAlone(group);
            }
        }
        if (entered.isEmpty()) {
            return;
        }
        if (entered.size() == 1) {
            projectAlone(entered);
            return;
        }
        try {
            projection.recordAll(entered.stream().map(b -> new ActivityProjection.Owned(b.owner(), b.activity()))
                    .toList());
        } catch (RuntimeException | Error together) {
            projectAlone(entered);
            return;
        }
        entered.forEach(b -> b.durable().complete(null));
    }

    /** Each batch's entries in a transaction of their own: the batches whose entries are in (the others failed). */
    private List<Batch> entriesAlone(List<Batch> batches) {
        List<Batch> entered = new ArrayList<>(batches.size());
        for (Batch batch : batches) {
            try {
                store.addControlsDurableWithNextCommit(batch.bot(), batch.entries());
                entered.add(batch);
            } catch (RuntimeException | Error e) {
                batch.durable().completeExceptionally(e);
            }
        }
        return entered;
    }

    /** Each batch's activity recorded on its own (synchronous commit), each batch completed with its outcome. */
    private void projectAlone(List<Batch> batches) {
        for (Batch batch : batches) {
            try {
                projection.record(batch.owner(), batch.activity());
            } catch (RuntimeException | Error e) {
                batch.durable().completeExceptionally(e);
                continue;
            }
            batch.durable().complete(null);
        }
    }
}
