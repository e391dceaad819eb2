package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.cryptobot.kernel.adapter.out.persistence.DatabaseFaults;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the drivers really report when PostgreSQL goes away, and that {@link DatabaseFaults} recognises each of it:
 * a real embedded server is made to refuse, crash (a backend killed), recover, and finally die (postmaster
 * SIGKILL), while the reactive client, plain JDBC and Agroal talk to it. The tests run in order: each fault builds
 * on the server's state after the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultsObservedTest {
    private static final String SHUTTING_DOWN = "server shutting down (57P01)";
    private static EmbeddedPostgres server;
    private static Path dataDir;
    private static Vertx vertx;
    private static PgConnectOptions connect;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("cryptobot-faults-");
        server = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pgdata")).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        vertx = Vertx.vertx();
        connect = new PgConnectOptions().setHost("127.0.0.1").setPort(server.getPort()).setDatabase("postgres")
                .setUser("postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    @Order(1)
    void an_exhausted_reactive_pool_times_out() throws Exception {
        Pool pool = pool(1, Duration.ofMillis(500));
        SqlConnection held = firstConnection(pool);
        assertThat(DatabaseFaults.unreachable(failure(pool.query("SELECT 1").execute())))
                .containsExactly("no pooled connection within the acquire timeout");
        held.close();
        pool.close();
    }

    @Test
    @Order(2)
    void an_exhausted_agroal_pool_times_out() {
        try (AgroalDataSource jdbc = agroal(); Connection first = jdbc.getConnection(); Connection second = jdbc.getConnection()) {
            throw new AssertionError("a second connection from a pool of one");
        } catch (Exception e) {
            assertThat(DatabaseFaults.unreachable(e)).containsExactly("no pooled connection within the acquire timeout");
        }
    }

    @Test
    @Order(3)
    void a_terminated_connection_is_closed_for_whoever_holds_it() throws Exception {
        Pool pool = pool(2, Duration.ofSeconds(5));
        SqlConnection held = await(pool.getConnection());
        int pid = await(held.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
        await(pool.query("SELECT pg_terminate_backend(" + pid + ")").execute());
        Thread.sleep(200);
        assertThat(DatabaseFaults.unreachable(failure(held.query("SELECT 1").execute())))
                .containsExactly("connection closed");
        pool.close();
    }

    @Test
    @Order(4)
    void a_crashed_backend_closes_the_others_and_the_server_recovers() throws Exception {
        Pool pool = pool(2, Duration.ofSeconds(5));
        SqlConnection busy = await(pool.getConnection());
        SqlConnection victim = await(pool.getConnection());
        int victimPid = await(victim.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
        Connection jdbc = jdbc();
        Future<?> running = busy.query("SELECT pg_sleep(5)").execute();
        CompletableFuture<Throwable> jdbcRunning = sleepOver(jdbc);
        Thread.sleep(300);
        ProcessHandle.of(victimPid).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();

        // From the kill on, a new connection per attempt (a pool could keep serving on one it opened before the
        // crash was handled): until the postmaster has terminated the other backends, an attempt may still be
        // served or closed; from then until crash recovery ends, a new connection is refused with 57P03. A small
        // server can recover within a few milliseconds, so that refusal is checked when seen, not required.
        int refusals = 0;
        long recoveredAfter = -1;
        for (long deadline = killed + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline; ) {
            // both connections open before the kill closed: the crash was handled before this attempt began
            boolean handled = running.isComplete() && jdbcRunning.isDone();
            Throwable failure = failure(PgConnection.connect(vertx, connect)
                    .compose(c -> c.query("SELECT 1").execute().eventually(() -> c.close())));
            if (failure == null) {
                if (handled) {
                    recoveredAfter = Duration.ofNanos(System.nanoTime() - killed).toMillis();
                    break;
                }
                continue;
            }
            assertThat(DatabaseFaults.unreachable(failure)).as("%s", failure).isNotEmpty();
            if ("57P03".equals(sqlState(failure))) {
                assertThat(DatabaseFaults.unreachable(failure)).containsExactly("server starting up (57P03)");
                refusals++;
            }
        }
        System.out.printf("crash of a backend: served again %d ms after the kill, %d connection(s) refused with"
                + " 57P03 meanwhile%n", recoveredAfter, refusals);
        assertThat(recoveredAfter).as("a new connection served after the crash was handled").isNotNegative();
        assertThat(DatabaseFaults.unreachable(failure(running))).containsExactly("connection closed");
        assertThat(DatabaseFaults.unreachable(jdbcRunning.get(30, TimeUnit.SECONDS)))
                .containsExactly("connection failure (08006)");
        pool.close();
    }

    @Test
    @Order(5)
    void a_killed_postmaster_closes_every_connection_and_refuses_new_ones() throws Exception {
        Pool pool = pool(3, Duration.ofSeconds(5));
        SqlConnection busy = await(pool.getConnection());
        SqlConnection idle = await(pool.getConnection());
        Connection jdbcBusy = jdbc();
        Connection jdbcIdle = jdbc();
        Future<?> running = busy.query("SELECT pg_sleep(5)").execute();
        CompletableFuture<Throwable> jdbcRunning = sleepOver(jdbcBusy);
        Thread.sleep(300);
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).getFirst().trim());
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

        // a dying backend may still send "terminating connection due to unexpected postmaster exit" (57P01)
        assertThat(DatabaseFaults.unreachable(failure(running))).containsAnyOf("connection closed", SHUTTING_DOWN);
        assertThat(DatabaseFaults.unreachable(jdbcRunning.get(30, TimeUnit.SECONDS)))
                .containsAnyOf("connection failure (08006)", SHUTTING_DOWN);
        Thread.sleep(500);
        assertThat(DatabaseFaults.unreachable(failure(idle.query("SELECT 1").execute())))
                .containsAnyOf("connection closed", SHUTTING_DOWN);
        assertThat(DatabaseFaults.unreachable(failure(pool.query("SELECT 1").execute())))
                .containsExactly("connection refused");
        try (var statement = jdbcIdle.createStatement()) {
            statement.execute("SELECT 1");
            throw new AssertionError("a query on a dead server");
        } catch (Exception e) {
            assertThat(DatabaseFaults.unreachable(e)).containsAnyOf("connection failure (08006)", SHUTTING_DOWN);
        }
        try (Connection ignored = jdbc()) {
            throw new AssertionError("a connection to a dead server");
        } catch (Exception e) {
            assertThat(DatabaseFaults.unreachable(e)).containsExactly("cannot connect (08001)");
        }
        try (AgroalDataSource jdbc = agroal(); Connection ignored = jdbc.getConnection()) {
            throw new AssertionError("a pooled connection to a dead server");
        } catch (Exception e) {
            assertThat(DatabaseFaults.unreachable(e)).containsExactly("cannot connect (08001)");
        }
        pool.close();
    }

    private static Pool pool(int size, Duration acquireTimeout) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)
                        .setConnectionTimeout((int) acquireTimeout.toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                .connectingTo(connect).using(vertx).build();
    }

    /**
     * The pool's first connection: opening the first connection of this JVM to the server can outlast the short
     * acquire timeout on a loaded machine, so it is asked for again until it comes (within 30 s).
     */
    private static SqlConnection firstConnection(Pool pool) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Future<SqlConnection> asked = pool.getConnection();
            Throwable failure = failure(asked);
            if (failure == null) {
                return asked.result();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no first connection within 30 s", failure);
            }
        }
    }

    private static Connection jdbc() throws Exception {
        return DriverManager.getConnection(jdbcUrl());
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
    }

    private static AgroalDataSource agroal() throws java.sql.SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool
                .maxSize(1).acquisitionTimeout(Duration.ofMillis(500))
                .connectionFactoryConfiguration(factory -> factory.jdbcUrl(jdbcUrl()))));
    }

    private static CompletableFuture<Throwable> sleepOver(Connection jdbc) {
        return CompletableFuture.supplyAsync(() -> {
            try (var statement = jdbc.createStatement()) {
                statement.execute("SELECT pg_sleep(5)");
                return null;
            } catch (Exception e) {
                return e;
            }
        });
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The SQLSTATE the server sent, if the failure or one of its causes carries one. */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException database) {
                return database.getSqlState();
            }
        }
        return null;
    }

    /** The failure the future completes with; null when it succeeded. */
    private static Throwable failure(Future<?> future) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        future.onComplete(result -> outcome.complete(result.failed() ? result.cause() : null));
        return outcome.get(30, TimeUnit.SECONDS);
    }
}
