package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The checkpoints (and equity samples) of many bots' steps written together, one batch at a time, each on a thread
 * of its own from the writers' executor (started when a checkpoint finds no writer, or after the previous batch
 * while checkpoints are queued): a batch is everything queued meanwhile, written as one transaction (the samples
 * of all, then one {@code UPDATE ... FROM unnest} of the bots), so 500 bots stepping on one candle close cost a few
 * transactions, not 1,000, and no thread a bot waits meanwhile. Like a single checkpoint, the transaction does not
 * wait for the disk (see {@link io.cryptobot.bot.application.port.out.BotStorePort#checkpoint}). A bot is at most
 * once in a batch (its later checkpoint waits for the next), so each learns whether it was still live. A failed
 * batch fails every checkpoint in it. The writer completes the checkpoints' futures, so what follows them runs on it and must not
 * wait for another checkpoint.
 */
final class GroupedCheckpoints {
    /** At most this many checkpoints in one transaction. */
    static final int MAX_BATCH = 512;
    private static final String NO_FLUSH = "SET LOCAL synchronous_commit = off";
    private static final String EQUITY = "INSERT INTO bot.equity (bot_id, time, equity, exposed) "
            + "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::float8[], $4::boolean[]) "
            + "ON CONFLICT (bot_id, time) DO NOTHING";
    private static final String CHECKPOINTS = "UPDATE bot.bots b SET last_step = u.last_step, steps = u.steps, "
            + "last_close = u.last_close, updated_at = u.updated_at, feed_from = COALESCE(u.feed_from, b.feed_from) "
            + "FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[], $6::bigint[]) "
            + "AS u(id, last_step, steps, last_close, updated_at, feed_from) "
            + "WHERE b.id = u.id AND b.status IN ('running', 'paused') RETURNING b.id";

    /** One bot's checkpoint: the bot as of it, its live feed's start and the samples since its previous one. */
    record Checkpoint(Bot bot, Long feedFrom, EquitySeries equity, CompletableFuture<Boolean> live) {
        UUID id() {
            return bot.id().value();
        }
    }

    private final Pool pool;
    private final Executor writers;
    private final Consumer<UserId> written;
    private final ConcurrentLinkedQueue<Checkpoint> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** A bot's checkpoints beyond its first in a batch, for the next batches (touched by the writer only). */
    private List<Checkpoint> carried = new ArrayList<>();

    /**
     * {@code writers}: where each batch is written (it waits for the database), a new thread a batch; an executor
     * that holds a batch back while bot steps wait for a worker puts the writes of a burst after its decisions.
     * {@code written}: told of each checkpoint's owner once its batch is written or failed, before it is answered.
     */
    GroupedCheckpoints(Pool pool, Executor writers, Consumer<UserId> written) {
        this.pool = pool;
        this.writers = writers;
        this.written = written;
    }

    /** Stores the checkpoint with the others queued meanwhile; false when the bot is no longer live. */
    boolean write(Bot bot, Long feedFrom, EquitySeries equity) {
        try {
            return writeLater(bot, feedFrom, equity).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Queues the checkpoint for the next transaction; the future answers whether the bot was still live once it is
     * stored (completed on the writer's thread), or fails with the transaction's cause.
     */
    CompletableFuture<Boolean> writeLater(Bot bot, Long feedFrom, EquitySeries equity) {
        Checkpoint checkpoint = new Checkpoint(bot, feedFrom, equity, new CompletableFuture<>());
        queue.add(checkpoint);
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
        return checkpoint.live();
    }

    /**
     * The writer: one batch, then, while checkpoints are queued, the next batch handed to the writers' executor
     * again (which may hold it while steps wait for a bot worker).
     */
    private void write() {
        try {
            writeBatch();
        } finally {
            if (!queue.isEmpty() || !carried.isEmpty()) {
                writers.execute(this::write);
            } else {
                writing.set(false);
                // a checkpoint queued after the last look but before the flag was cleared found the flag set: it is
                // taken here (or by the writer its caller started)
                if (!queue.isEmpty() && writing.compareAndSet(false, true)) {
                    writers.execute(this::write);
                }
            }
        }
    }

    /** Writes the checkpoints queued (a bot's second one is carried to the next batch) and answers them. */
    private void writeBatch() {
        List<Checkpoint> batch = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        List<Checkpoint> again = carried;
        carried = new ArrayList<>();
        for (Checkpoint next : again) {
            if (batch.size() < MAX_BATCH && ids.add(next.id())) {
                batch.add(next);
            } else {
                carried.add(next);
            }
        }
        Checkpoint next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            if (ids.add(next.id())) {
                batch.add(next);
            } else {
                carried.add(next);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<UUID> live;
        try {
            live = store(batch);
        } catch (RuntimeException | Error e) {
            batch.forEach(c -> written.accept(c.bot().owner()));
            batch.forEach(c -> c.live().completeExceptionally(e));
            return;
        }
        batch.forEach(c -> written.accept(c.bot().owner()));
        batch.forEach(c -> c.live().complete(live.contains(c.id())));
    }

    private Set<UUID> store(List<Checkpoint> batch) {
        int samples = batch.stream().mapToInt(c -> c.equity().size()).sum();
        UUID[] equityIds = new UUID[samples];
        Long[] times = new Long[samples];
        Double[] values = new Double[samples];
        Boolean[] exposed = new Boolean[samples];
        int at = 0;
        for (Checkpoint c : batch) {
            EquitySeries series = c.equity();
            for (int i = 0; i < series.size(); i++, at++) {
                equityIds[at] = c.id();
                times[at] = series.time(i);
                values[at] = series.equity(i);
                exposed[at] = series.exposed(i);
            }
        }
        int n = batch.size();
        UUID[] ids = new UUID[n];
        Long[] lastSteps = new Long[n];
        Long[] steps = new Long[n];
        String[] closes = new String[n];
        java.time.OffsetDateTime[] updated = new java.time.OffsetDateTime[n];
        Long[] feedFroms = new Long[n];
        for (int i = 0; i < n; i++) {
            Bot bot = batch.get(i).bot();
            ids[i] = bot.id().value();
            lastSteps[i] = bot.lastStep().getOrNull();
            steps[i] = bot.steps();
            closes[i] = BotStoreAdapter.closeText(bot);
            updated[i] = bot.updatedAt().atOffset(ZoneOffset.UTC);
            feedFroms[i] = batch.get(i).feedFrom();
        }
        Set<UUID> live = new HashSet<>();
        pool.withTransaction(connection -> {
            Uni<?> chain = connection.query(NO_FLUSH).execute();
            if (samples > 0) {
                chain = chain.flatMap(ignored -> connection.preparedQuery(EQUITY)
                        .execute(Tuple.of(equityIds, times, values, exposed)));
            }
            return chain.flatMap(ignored -> connection.preparedQuery(CHECKPOINTS)
                    .execute(Tuple.of(ids, lastSteps, steps, closes, updated, feedFroms)))
                    .invoke(rows -> {
                        for (Row row : rows) {
                            live.add(row.getUUID(0));
                        }
                    });
        }).await().indefinitely();
        return live;
    }
}
