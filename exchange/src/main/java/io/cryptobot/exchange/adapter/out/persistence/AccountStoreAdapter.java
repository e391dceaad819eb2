package io.cryptobot.exchange.adapter.out.persistence;

import io.cryptobot.exchange.application.port.out.AccountStorePort;
import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.account.AccountKind;
import io.cryptobot.exchange.domain.account.ExchangeAccount;
import io.cryptobot.exchange.domain.account.SealedSecret;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.Venue;
import io.vavr.control.Option;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accounts in schema {@code exchange}; sealed secrets as nonce + ciphertext {@code bytea} columns. */
@ApplicationScoped
class AccountStoreAdapter implements AccountStorePort {
    private static final String COLUMNS = "id, owner_id, name, kind, venue, starting_balances, api_key_nonce, "
            + "api_key_sealed, secret_nonce, secret_sealed, passphrase_nonce, passphrase_sealed, api_key_hint, "
            + "created_at";
    private static final String UNIQUE_VIOLATION = "23505";
    private final Pool pool;

    AccountStoreAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public boolean insert(ExchangeAccount account) {
        JsonObject balances = new JsonObject();
        account.startingBalances().forEach((asset, amount) -> balances.put(asset.code(), amount.toPlainString()));
        Option<ExchangeAccount.StoredCredentials> sealed = account.credentials();
        List<Object> values = new ArrayList<>(Arrays.asList(account.id().value(), account.owner().value(),
                account.name(), account.kind().code(), account.venue().code(), balances,
                sealed.map(c -> bytes(c.apiKey().nonce())).getOrNull(),
                sealed.map(c -> bytes(c.apiKey().ciphertext())).getOrNull(),
                sealed.map(c -> bytes(c.secret().nonce())).getOrNull(),
                sealed.map(c -> bytes(c.secret().ciphertext())).getOrNull(),
                sealed.flatMap(c -> c.passphrase()).map(p -> bytes(p.nonce())).getOrNull(),
                sealed.flatMap(c -> c.passphrase()).map(p -> bytes(p.ciphertext())).getOrNull(),
                sealed.map(ExchangeAccount.StoredCredentials::apiKeyHint).getOrNull(),
                account.createdAt().atOffset(ZoneOffset.UTC)));
        try {
            pool.preparedQuery("INSERT INTO exchange.accounts (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
                    + "$8, $9, $10, $11, $12, $13, $14)").executeAndAwait(Tuple.from(values));
            return true;
        } catch (PgException e) {
            if (UNIQUE_VIOLATION.equals(e.getSqlState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Option<ExchangeAccount> load(UserId owner, AccountId id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM exchange.accounts WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value()));
        return rows.rowCount() == 0 ? Option.none() : Option.some(map(rows.iterator().next()));
    }

    @Override
    public Page<ExchangeAccount> list(UserId owner, PageRequest page) {
        RowSet<Row> rows = pool.preparedQuery("SELECT " + COLUMNS + " FROM exchange.accounts WHERE owner_id = $1 "
                        + "ORDER BY created_at, id OFFSET $2 LIMIT $3")
                .executeAndAwait(Tuple.of(owner.value(), page.offset(), page.limit()));
        List<ExchangeAccount> items = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> items.add(map(row)));
        long total = pool.preparedQuery("SELECT count(*) FROM exchange.accounts WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    @Override
    public long count(UserId owner) {
        return pool.preparedQuery("SELECT count(*) FROM exchange.accounts WHERE owner_id = $1")
                .executeAndAwait(Tuple.of(owner.value())).iterator().next().getLong(0);
    }

    @Override
    public boolean delete(UserId owner, AccountId id) {
        return pool.preparedQuery("DELETE FROM exchange.accounts WHERE id = $1 AND owner_id = $2")
                .executeAndAwait(Tuple.of(id.value(), owner.value())).rowCount() == 1;
    }

    private static ExchangeAccount map(Row row) {
        Map<Asset, BigDecimal> balances = new LinkedHashMap<>();
        ((JsonObject) row.getValue("starting_balances")).forEach(e -> balances.put(
                Asset.parse(e.getKey()).getOrElseThrow(r -> new IllegalStateException(r)),
                new BigDecimal((String) e.getValue())));
        AccountKind kind = AccountKind.fromCode(row.getString("kind"));
        Option<ExchangeAccount.StoredCredentials> credentials = kind == AccountKind.PAPER ? Option.none()
                : Option.some(new ExchangeAccount.StoredCredentials(sealed(row, "api_key"), sealed(row, "secret"),
                        Option.of(row.getBuffer("passphrase_sealed")).map(b -> sealed(row, "passphrase")),
                        row.getString("api_key_hint")));
        return new ExchangeAccount(new AccountId(row.getUUID("id")), new UserId(row.getUUID("owner_id")),
                row.getString("name"), kind, new Venue(row.getString("venue")), balances, credentials,
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static SealedSecret sealed(Row row, String prefix) {
        return new SealedSecret(row.getBuffer(prefix + "_nonce").getBytes(), row.getBuffer(prefix + "_sealed").getBytes());
    }

    private static Buffer bytes(byte[] value) {
        return Buffer.buffer(value);
    }
}
