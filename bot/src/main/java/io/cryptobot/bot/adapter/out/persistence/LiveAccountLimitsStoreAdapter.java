package io.cryptobot.bot.adapter.out.persistence;

import io.cryptobot.bot.application.port.out.LoadLiveAccountLimitsPort;
import io.cryptobot.bot.application.port.out.SaveLiveAccountLimitsPort;
import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live accounts' limits in {@code bot.live_account_limits}, kept in memory once read (they are asked before every
 * order on the account); {@link #save} writes the row first, then the kept copy, so what is enforced has been stored.
 * Amounts are written as {@link BigDecimal} and read back as text: no binary floating point touches them.
 */
@ApplicationScoped
class LiveAccountLimitsStoreAdapter implements LoadLiveAccountLimitsPort, SaveLiveAccountLimitsPort {
    private final Pool pool;
    private final Map<UUID, Option<LiveAccountLimits>> kept = new ConcurrentHashMap<>();

    LiveAccountLimitsStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Option<LiveAccountLimits> load(UUID accountId) {
        return kept.computeIfAbsent(accountId, this::read);
    }

    @Override
    public void save(UserId owner, UUID accountId, LiveAccountLimits limits) {
        pool.preparedQuery("INSERT INTO bot.live_account_limits (account_id, owner_id, currency, max_order_notional, "
                        + "max_daily_loss, updated_at) VALUES ($1, $2, $3, $4::numeric, $5::numeric, now()) "
                        + "ON CONFLICT (account_id) DO UPDATE SET currency = EXCLUDED.currency, "
                        + "max_order_notional = EXCLUDED.max_order_notional, max_daily_loss = EXCLUDED.max_daily_loss, "
                        + "updated_at = now() WHERE bot.live_account_limits.owner_id = EXCLUDED.owner_id")
                .executeAndAwait(Tuple.of(accountId, owner.value(), limits.currency().code(),
                        limits.maxOrderNotional().toBigDecimal(), limits.maxDailyLoss().toBigDecimal()));
        kept.put(accountId, Option.some(limits));
    }

    private Option<LiveAccountLimits> read(UUID accountId) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT currency, max_order_notional::text, max_daily_loss::text "
                + "FROM bot.live_account_limits WHERE account_id = $1").executeAndAwait(Tuple.of(accountId)).iterator();
        if (!rows.hasNext()) {
            return Option.none();
        }
        Row row = rows.next();
        Asset currency = new Asset(row.getString(0));
        return Option.some(new LiveAccountLimits(Money.of(new BigDecimal(row.getString(1)), currency),
                Money.of(new BigDecimal(row.getString(2)), currency)));
    }
}
