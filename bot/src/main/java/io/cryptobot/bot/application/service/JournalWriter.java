package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.BotControl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Group commit of one session's hand-order entries: each entry (a journal entry and the order activity it caused)
 * is queued in the order the session applied it, and whatever has queued while the previous batch was being
 * written goes to the database in one batch (the entries, then their activity, one disk flush for all). A caller
 * is answered when its batch is durable, never before: write-ahead holds per request, and concurrent requests
 * share the cost of the flush instead of queueing behind one flush each.
 *
 * <p>Everything else the session writes (a step's checkpoint and activity, pause, resume, stop, a kill-switch
 * change) is written by its caller under the session's lock after {@link #flush}, so the journal keeps the order in
 * which the session applied its inputs. A failed batch fails its callers and every later one: the session's
 * memory is then ahead of its journal and must be put aside and rebuilt, as after a crash.
 */
final class JournalWriter {
    /** At most this many entries in one batch, so one transaction stays small. */
    static final int MAX_BATCH = 256;

    /** Writes a batch durably, in order: the entries, then the activity they caused. */
    interface BatchStore {
        void write(List<BotControl> entries, List<StepJournal.Step> activity);
    }

    private record Pending(BotControl entry, StepJournal.Step activity, CompletableFuture<Void> durable) {
    }

    private final BatchStore store;
    private final Executor executor;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean writing;
    private RuntimeException failure;

    JournalWriter(BatchStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /** Queues an entry and its activity; the future completes once both are durable (or fails with the cause). */
    synchronized CompletableFuture<Void> submit(BotControl entry, StepJournal.Step activity) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> durable = new CompletableFuture<>();
        queue.add(new Pending(entry, activity, durable));
        tail = durable;
        if (!writing) {
            writing = true;
            executor.execute(this::drain);
        }
        return durable;
    }

    /** Waits until everything submitted so far is durable; throws the failure of a batch that could not be. */
    void flush() {
        CompletableFuture<Void> last;
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            last = tail;
        }
        await(last);
    }

    /** The outcome of {@code durable}: nothing, or the write's failure rethrown as it was. */
    static void await(CompletableFuture<Void> durable) {
        try {
            durable.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void drain() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            synchronized (this) {
                while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(queue.poll());
                }
                if (batch.isEmpty()) {
                    writing = false;
                    return;
                }
            }
            try {
                store.write(batch.stream().map(Pending::entry).toList(),
                        batch.stream().map(Pending::activity).toList());
            } catch (RuntimeException | Error thrown) {
                RuntimeException e = thrown instanceof RuntimeException r ? r : new IllegalStateException(thrown);
                List<Pending> failed = new ArrayList<>(batch);
                synchronized (this) {
                    failure = e;
                    failed.addAll(queue);
                    queue.clear();
                    writing = false;
                }
                failed.forEach(p -> p.durable().completeExceptionally(e));
                return;
            }
            batch.forEach(p -> p.durable().complete(null));
        }
    }
}
