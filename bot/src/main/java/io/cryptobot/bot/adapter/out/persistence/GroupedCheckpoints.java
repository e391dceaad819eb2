package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.domain.bot.Bot;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checkpoints (and equity samples) of many bots' steps written together: whoever finds no write going on
 * writes everything queued meanwhile as one transaction (the samples of all, then one {@code UPDATE ... FROM
 * unnest} of the bots), while the others wait for it; 500 bots stepping on one candle close cost a few
 * transactions, not 1,000. Like a single checkpoint, the transaction does not wait for the disk (see
 * {@link io.cryptobot.bot.application.port.out.BotStorePort#checkpoint}). A bot is at most once in a batch (its
 * later checkpoint waits for the next), so each learns whether it was still live. A failed batch fails every
 * caller in it.
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

    /** One bot's checkpoint: the row's new values and the samples since its previous checkpoint. */
    record Checkpoint(UUID id, Long lastStep, long steps, String lastClose, java.time.Instant updatedAt,
                      Long feedFrom, EquitySeries equity, CompletableFuture<Boolean> live) {
    }

    private final Pool pool;
    private final ConcurrentLinkedQueue<Checkpoint> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    GroupedCheckpoints(Pool pool) {
        this.pool = pool;
    }

    /** Stores the checkpoint with the others queued meanwhile; false when the bot is no longer live. */
    boolean write(Bot bot, Long feedFrom, String lastClose, EquitySeries equity) {
        Checkpoint checkpoint = new Checkpoint(bot.id().value(), bot.lastStep().getOrNull(), bot.steps(), lastClose,
                bot.updatedAt(), feedFrom, equity, new CompletableFuture<>());
        queue.add(checkpoint);
        // a writer looks at the queue again after clearing its flag, so an item queued during its last look is
        // written by it or by its own caller
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                drain();
            } finally {
                writing.set(false);
            }
        }
        try {
            return checkpoint.live().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void drain() {
        List<Checkpoint> carried = new ArrayList<>();
        while (true) {
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
            try {
                Set<UUID> live = store(batch);
                batch.forEach(c -> c.live().complete(live.contains(c.id())));
            } catch (RuntimeException | Error e) {
                batch.forEach(c -> c.live().completeExceptionally(e));
            }
        }
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
            Checkpoint c = batch.get(i);
            ids[i] = c.id();
            lastSteps[i] = c.lastStep();
            steps[i] = c.steps();
            closes[i] = c.lastClose();
            updated[i] = c.updatedAt().atOffset(ZoneOffset.UTC);
            feedFroms[i] = c.feedFrom();
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
