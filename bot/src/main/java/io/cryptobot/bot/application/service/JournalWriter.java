package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.bot.BotControl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The ordered writer of one session's journal, off the session's lock. Two kinds of writes queue here, in the
 * order the session applied what they record:
 * <ul>
 *   <li>hand-order entries (a journal entry and the order activity it caused): whatever entries have queued while
 *   the previous write ran go to the database as one batch (the entries, then their activity, one disk flush for
 *   all), so concurrent requests share the cost of a flush instead of queueing behind one flush each;</li>
 *   <li>a step's write (its checkpoint, equity samples and activity), written on its own.</li>
 * </ul>
 * A caller is answered, and a step is over, when its write is durable, never before; callers wait outside the
 * session's lock, so the session keeps applying inputs while the database works. The other writes of a session
 * (pause, resume, stop, a kill-switch change) are made by their caller under the session's lock after
 * {@link #flush}, so the journal keeps the session's order. A failed write fails its callers and every later one:
 * the session's memory is then ahead of its journal and must be put aside and rebuilt, as after a crash. The
 * writer never takes the session's lock (a holder of the lock may be waiting in {@link #flush}).
 */
final class JournalWriter {
    /** At most this many entries in one batch, so one transaction stays small. */
    static final int MAX_BATCH = 256;

    /** Writes a batch of entries durably, in order: the entries, then the activity they caused. */
    interface BatchStore {
        void write(List<BotControl> entries, List<StepJournal.Step> activity);
    }

    /** An entry with its activity, or (entry null) a step's write, which answers whether the bot is still live. */
    private record Pending(BotControl entry, StepJournal.Step activity, BooleanSupplier step,
                           CompletableFuture<Boolean> durable) {
    }

    private final BatchStore store;
    private final Executor executor;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private CompletableFuture<Boolean> tail = CompletableFuture.completedFuture(true);
    private boolean writing;
    private RuntimeException failure;

    JournalWriter(BatchStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /** Queues an entry and its activity; the future completes once both are durable (or fails with the cause). */
    CompletableFuture<Boolean> submit(BotControl entry, StepJournal.Step activity) {
        return enqueue(entry, activity, null);
    }

    /**
     * Queues a step's write, run after everything queued before it; the future holds what it answered (whether
     * the bot is still live) once it is durable.
     */
    CompletableFuture<Boolean> submitStep(BooleanSupplier write) {
        return enqueue(null, null, write);
    }

    private synchronized CompletableFuture<Boolean> enqueue(BotControl entry, StepJournal.Step activity,
                                                            BooleanSupplier step) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Boolean> durable = new CompletableFuture<>();
        queue.add(new Pending(entry, activity, step, durable));
        tail = durable;
        if (!writing) {
            writing = true;
            executor.execute(this::drain);
        }
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

    private void drain() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            synchronized (this) {
                // a step alone, or the entries queued up to the next step
                if (!queue.isEmpty() && queue.peek().step() != null) {
                    batch.add(queue.poll());
                }
                while (batch.isEmpty() || batch.get(0).step() == null) {
                    if (queue.isEmpty() || queue.peek().step() != null || batch.size() >= MAX_BATCH) {
                        break;
                    }
                    batch.add(queue.poll());
                }
                if (batch.isEmpty()) {
                    writing = false;
                    return;
                }
            }
            boolean answer = true;
            try {
                if (batch.get(0).step() != null) {
                    answer = batch.get(0).step().getAsBoolean();
                } else {
                    store.write(batch.stream().map(Pending::entry).toList(),
                            batch.stream().map(Pending::activity).toList());
                }
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
            boolean answered = answer;
            batch.forEach(p -> p.durable().complete(answered));
        }
    }
}
