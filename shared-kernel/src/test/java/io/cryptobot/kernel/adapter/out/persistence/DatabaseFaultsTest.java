package io.cryptobot.kernel.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The failures are built the way the drivers build them (messages and SQLSTATEs as observed, see the javadoc). */
class DatabaseFaultsTest {

    @Nested
    class Unreachable {
        @Test
        void no_server_listening() {
            assertThat(DatabaseFaults.unreachable(new ConnectException("Connection refused: /127.0.0.1:5432")))
                    .containsExactly("connection refused");
        }

        @Test
        void a_connect_that_timed_out() {
            assertThat(DatabaseFaults.unreachable(new ConnectException("connection timed out: /10.0.0.9:5432")))
                    .containsExactly("connection timed out");
        }

        @Test
        void the_reactive_connection_closed_under_a_query() {
            assertThat(DatabaseFaults.unreachable(ClosedConnectionException.INSTANCE))
                    .containsExactly("connection closed");
        }

        @Test
        void a_held_reactive_connection_used_after_the_server_went_away() {
            assertThat(DatabaseFaults.unreachable(
                    new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")))
                    .containsExactly("connection closed");
        }

        @Test
        void a_reset_or_closed_socket() {
            assertThat(DatabaseFaults.unreachable(new SocketException("Connection reset")))
                    .containsExactly("connection lost");
            assertThat(DatabaseFaults.unreachable(new ClosedChannelException())).containsExactly("connection closed");
        }

        @Test
        void the_server_shutting_down_crashing_or_starting_up() {
            assertThat(DatabaseFaults.unreachable(pg("terminating connection due to unexpected postmaster exit", "57P01")))
                    .containsExactly("server shutting down (57P01)");
            assertThat(DatabaseFaults.unreachable(pg("terminating connection because of crash of another server process",
                    "57P02"))).containsExactly("server restarting after a crash (57P02)");
            assertThat(DatabaseFaults.unreachable(pg("the database system is in recovery mode", "57P03")))
                    .containsExactly("server starting up (57P03)");
        }

        @Test
        void jdbc_cannot_connect_or_lost_its_connection() {
            assertThat(DatabaseFaults.unreachable(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                    new ConnectException("Connection refused")))).containsExactly("cannot connect (08001)");
            assertThat(DatabaseFaults.unreachable(new SQLException("An I/O error occurred while sending to the backend.",
                    "08006", new EOFException()))).containsExactly("connection failure (08006)");
            assertThat(DatabaseFaults.unreachable(new SQLException("FATAL: the database system is not yet accepting "
                    + "connections", "57P03"))).containsExactly("server starting up (57P03)");
        }

        @Test
        void no_pooled_connection_within_the_acquire_timeout() {
            assertThat(DatabaseFaults.unreachable(new VertxException("Timeout waiting for connection", true)))
                    .containsExactly("no pooled connection within the acquire timeout");
            assertThat(DatabaseFaults.unreachable(new SQLException("Sorry, acquisition timeout!")))
                    .containsExactly("no pooled connection within the acquire timeout");
        }

        @Test
        void however_deeply_it_is_wrapped() {
            Throwable wrapped = new CompletionException(new IllegalStateException("could not load the account",
                    new RuntimeException(ClosedConnectionException.INSTANCE)));
            assertThat(DatabaseFaults.isUnreachable(wrapped)).isTrue();
        }

        @Test
        void the_cause_names_no_address() {
            assertThat(DatabaseFaults.unreachable(new ConnectException("Connection refused: /127.0.0.1:5432")).get())
                    .doesNotContain("127.0.0.1", "5432");
        }
    }

    @Nested
    class NotUnreachable {
        @Test
        void a_constraint_violation_or_a_bad_query() {
            assertThat(DatabaseFaults.unreachable(pg("duplicate key value violates unique constraint", "23505"))).isEmpty();
            assertThat(DatabaseFaults.unreachable(new SQLException("relation does not exist", "42P01"))).isEmpty();
        }

        @Test
        void a_bug() {
            assertThat(DatabaseFaults.isUnreachable(new IllegalStateException("stored limits no longer valid"))).isFalse();
            assertThat(DatabaseFaults.isUnreachable(new NullPointerException())).isFalse();
        }

        @Test
        void other_client_failures_with_similar_types() {
            assertThat(DatabaseFaults.isUnreachable(new VertxException("Timeout"))).isFalse();
            assertThat(DatabaseFaults.isUnreachable(new NoStackTraceThrowable("Request cancelled"))).isFalse();
            assertThat(DatabaseFaults.isUnreachable(new SQLException((String) null))).isFalse();
        }

        @Test
        void a_failure_that_is_its_own_cause_ends_the_walk() {
            Throwable loop = new RuntimeException() {
                @Override
                public synchronized Throwable getCause() {
                    return this;
                }
            };
            assertThat(DatabaseFaults.isUnreachable(loop)).isFalse();
        }
    }

    @Test
    void the_answer_is_a_retryable_unavailable_error_without_internals() {
        assertThat(DatabaseFaults.UNAVAILABLE.code()).isEqualTo("server.unavailable");
        assertThat(DatabaseFaults.UNAVAILABLE.retryAfterSeconds()).isPositive();
        assertThat(DatabaseFaults.UNAVAILABLE.detail()).doesNotContainIgnoringCase("postgres").doesNotContain("SQL");
    }

    private static PgException pg(String message, String sqlState) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
