package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.exchange.application.port.out.AccountInUsePort;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Tells {@code exchange} which of the owner's bots may still trade an account: one created, running, paused or
 * failed (a failed bot can be resumed); stopped and completed bots never run again. Their account may go.
 */
@ApplicationScoped
class AccountBotsAdapter implements AccountInUsePort {
    private final Pool pool;

    AccountBotsAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Option<String> usedBy(UserId owner, UUID account) {
        RowSet<Row> rows = pool.preparedQuery("SELECT id, name, status FROM bot.bots WHERE owner_id = $1 "
                        + "AND account_id = $2 AND status IN ('created', 'running', 'paused', 'failed') "
                        + "ORDER BY created_at LIMIT 1")
                .executeAndAwait(Tuple.of(owner.value(), account));
        if (rows.rowCount() == 0) {
            return Option.none();
        }
        Row bot = rows.iterator().next();
        return Option.some("bot " + bot.getUUID("id") + " ('" + bot.getString("name") + "', "
                + bot.getString("status") + ")");
    }
}
