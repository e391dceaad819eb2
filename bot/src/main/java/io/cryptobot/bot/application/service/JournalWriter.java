package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.BotControl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The ordered writer of one session's journal, off the session's lock. Two kinds of writes queue here, in the
 * order the session applied what they record:
 * <ul>
 *   <li>hand-order entries (a journal entry and the order activity it caused): whatever entries have queued while
 *   the previous write ran go to the database as one batch (the entries, then their activity, one disk flush for
 *   all), so concurrent requests share the cost of a flush instead of queueing behind one flush each;</li>
 *   <li>a step's write (its checkpoint, equity samples and activity), written on its own: the step hands its write
 *   over (to the checkpoints of every bot written together) and answers a future, so no thread waits for it.</li>
 * </ul>
 * A caller is answered, and a step is over, when its write is durable, never before; callers wait outside the
 * session's lock, so the session keeps applying inputs while the database works. The other writes of a session
 * (pause, resume, stop, a kill-switch change) are made by their caller under the session's lock after
 * {@link #flush}, so the journal keeps the session's order. A failed write fails its callers and every later one:
 * the session's memory is then ahead of its journal and must be put aside and rebuilt, as after a crash. The
 * writer never takes the session's lock (a holder of the lock may be waiting in {@link #flush}).
 * <p>
 * An idle writer starts on its executor. A writer made {@link #grouped} hands its batches to a store that answers
 * later (the sessions' shared {@link JournalGroupCommit}) and holds no thread while a batch or a step is written:
 * when one is durable, the thread that completed it completes its callers and hands this session's next write over
 * at once, so the sessions' next batches meet in the next group. Since nothing it does blocks, a grouped writer
 * may start on the submitting thread ({@code Runnable::run}): no thread is started for a step.
 */
final class JournalWriter {
    /** At most this many entries in one batch, so one transaction stays small. */
    static final int MAX_BATCH = 256;

    /** Writes a batch of entries durably, in order: the entries, then the activity they caused. */
    interface BatchStore {
        void write(List<BotControl> entries, List<StepJournal.Step> activity);
    }

    /** Like {@link BatchStore}, answering once the batch is durable (or failed) without holding the caller. */
    interface LaterBatchStore {
        CompletableFuture<Void> write(List<BotControl> entries, List<StepJournal.Step> activity);
    }

    /**
     * A step's write: hands the step's write over and answers at once a future completed once it is durable, with
     * whether the bot is still live. It must not wait for the write itself (it may run on the thread that completed
     * the session's previous write).
     */
    interface StepWrite {
        CompletableFuture<Boolean> write();
    }

    /** An entry with its activity, or (entry null) a step's write, which answers whether the bot is still live. */
    private record Pending(BotControl entry, StepJournal.Step activity, StepWrite step,
                           CompletableFuture<Boolean> durable) {
    }

    private final LaterBatchStore store;
    private final Executor executor;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private CompletableFuture<Boolean> tail = CompletableFuture.completedFuture(true);
    private boolean writing;
    private RuntimeException failure;

    /** A writer whose batches are written by {@code store} on the executor's thread, one after the other. */
    JournalWriter(BatchStore store, Executor executor) {
        this((entries, activity) -> {
            try {
                store.write(entries, activity);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            }
        }, executor);
    }

    private JournalWriter(LaterBatchStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /** A writer whose batches go to a store that answers later; an idle writer starts on {@code executor}. */
    static JournalWriter grouped(LaterBatchStore store, Executor executor) {
        return new JournalWriter(store, executor);
    }

    /** Queues an entry and its activity; the future completes once both are durable (or fails with the cause). */
    CompletableFuture<Boolean> submit(BotControl entry, StepJournal.Step activity) {
        return enqueue(entry, activity, null);
    }

    /**
     * Queues a step's write, handed over after everything queued before it is durable; the future holds what it
     * answered (whether the bot is still live) once it is durable.
     */
    CompletableFuture<Boolean> submitStep(StepWrite write) {
        return enqueue(null, null, write);
    }

    private CompletableFuture<Boolean> enqueue(BotControl entry, StepJournal.Step activity, StepWrite step) {
        CompletableFuture<Boolean> durable;
        synchronized (this) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            durable = new CompletableFuture<>();
            queue.add(new Pending(entry, activity, step, durable));
            tail = durable;
            if (writing) {
                return durable;
            }
            writing = true;
        }
        // outside the monitor: an executor that runs the drain here (a grouped writer's) completes callers on it
        executor.execute(this::drain);
        return durable;
    }

    /** Waits until everything submitted so far is durable; throws the failure of a write that could not be. */
    void flush() {
        CompletableFuture<Boolean> last;
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            last = tail;
        }
        await(last);
    }

    /** The outcome of {@code durable}: its answer, or the write's failure rethrown as it was. */
    static boolean await(CompletableFuture<Boolean> durable) {
        try {
            return durable.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Writes what is queued, batch after batch, while {@code writing}: on the executor's thread, then on the thread
     * that completed the previous write, if that write answered later.
     */
    private void drain() {
        while (true) {
            List<Pending> batch = take();
            if (batch == null) {
                return;
            }
            CompletableFuture<?> written;
            try {
                written = batch.get(0).step() != null ? batch.get(0).step().write()
                        : store.write(batch.stream().map(Pending::entry).toList(),
                        batch.stream().map(Pending::activity).toList());
            } catch (RuntimeException | Error thrown) {
                written = CompletableFuture.failedFuture(thrown);
            }
            if (!written.isDone()) {
                // the thread that completes the write goes on with the next one (and no thread waits meanwhile)
                written.whenComplete((answer, thrown) -> {
                    if (finished(batch, answer, thrown)) {
                        drain();
                    }
                });
                return;
            }
            Object answer = written.handle((a, t) -> a).join();
            Throwable thrown = written.handle((a, t) -> t).join();
            if (!finished(batch, answer, thrown)) {
                return;
            }
        }
    }

    /** The next batch: a step alone, or the entries queued up to the next step; null when nothing is queued. */
    private synchronized List<Pending> take() {
        if (queue.isEmpty()) {
            writing = false;
            return null;
        }
        if (queue.peek().step() != null) {
            return List.of(queue.poll());
        }
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().step() == null && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /**
     * Completes a written batch's callers (a step's with what it answered, entries' with true): true, or false when
     * it failed (the writer is then failed).
     */
    private boolean finished(List<Pending> batch, Object answer, Throwable thrown) {
        if (thrown != null) {
            fail(batch, thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause()
                    : thrown);
            return false;
        }
        if (batch.get(0).step() != null) {
            batch.get(0).durable().complete((Boolean) answer);
        } else {
            batch.forEach(p -> p.durable().complete(true));
        }
        return true;
    }

    /** A write failed: its callers and every later one fail with it, and so will every later submission. */
    private void fail(List<Pending> batch, Throwable thrown) {
        RuntimeException e = thrown instanceof RuntimeException r ? r : new IllegalStateException(thrown);
        List<Pending> failed = new ArrayList<>(batch);
        synchronized (this) {
            failure = e;
            failed.addAll(queue);
            queue.clear();
            writing = false;
        }
        failed.forEach(p -> p.durable().completeExceptionally(e));
    }
}
