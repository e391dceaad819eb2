package io.cryptobot.app.notification.adapter.out.persistence;

import io.cryptobot.app.notification.application.port.out.CatchUpCursorPort;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code notification.catch_up}: one cursor per notification source. */
@ApplicationScoped
class CatchUpCursorAdapter implements CatchUpCursorPort {
    private final Pool pool;

    CatchUpCursorAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Option<Long> position(String source) {
        for (Row row : pool.preparedQuery("SELECT position FROM notification.catch_up WHERE source = $1")
                .executeAndAwait(Tuple.of(source))) {
            return Option.some(row.getLong(0));
        }
        return Option.none();
    }

    @Override
    public void save(String source, long position, Instant now) {
        // a cursor never moves back (two writers: the start-up and the checkpoint)
        pool.preparedQuery("INSERT INTO notification.catch_up (source, position, updated_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (source) DO UPDATE SET position = greatest(notification.catch_up.position, "
                        + "EXCLUDED.position), updated_at = EXCLUDED.updated_at")
                .executeAndAwait(Tuple.of(source, position, now.atOffset(ZoneOffset.UTC)));
    }
}
