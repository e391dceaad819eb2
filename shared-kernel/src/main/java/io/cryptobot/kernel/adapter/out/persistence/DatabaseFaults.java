package io.cryptobot.kernel.adapter.out.persistence;

import io.cryptobot.kernel.domain.DomainError;
import io.vavr.control.Option;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells "PostgreSQL cannot be reached right now" apart from every other failure, so that an outage is answered
 * with {@link #UNAVAILABLE} (503, retry later) instead of looking like a bug. The failure may arrive wrapped
 * (Mutiny's {@code CompletionException}, Hibernate Reactive, a caller's {@code IllegalStateException}): its
 * causes are followed.
 *
 * <p>What counts, as observed when the server was killed, restarted or recovering (see
 * {@code DatabaseFaultsObservedTest} in the app module, which kills a real server):
 * <ul>
 *   <li>no server listening: {@link ConnectException} (the reactive client's netty
 *   {@code AnnotatedConnectException}, JDBC's cause of SQLSTATE 08001);</li>
 *   <li>the connection died under a query: the reactive client's {@link ClosedConnectionException}, its
 *   {@code NoStackTraceThrowable("Connection is not active now ...")} for a held connection used afterwards,
 *   {@link ClosedChannelException}, a {@link SocketException} (reset, broken pipe);</li>
 *   <li>SQLSTATE class 08 (connection exception; JDBC reports a lost connection as 08006) and 57P01 (admin or
 *   postmaster shutdown), 57P02 (crash of another backend), 57P03 (starting up, in recovery), from the reactive
 *   client's {@link DatabaseException} or a JDBC {@link SQLException};</li>
 *   <li>no pooled connection within the acquire timeout: the reactive pool's
 *   {@code VertxException("Timeout waiting for connection")} and Agroal's
 *   {@code SQLException("Sorry, acquisition timeout!")}.</li>
 * </ul>
 * Connection-level network failures count because the only connections the API opens are to the database; an
 * adapter that talks to another service over the network must translate its own failures before they get here.
 */
public final class DatabaseFaults {
    /** The answer while the database is unreachable: nothing was done, retry shortly. */
    public static final DomainError.Unavailable UNAVAILABLE = new DomainError.Unavailable("server.unavailable",
            "The service is temporarily unavailable. Nothing was changed; retry in a few seconds.", 5);

    /** Causes are followed this deep at most (and a cause that is its own cause stops the walk). */
    private static final int MAX_DEPTH = 16;

    private DatabaseFaults() {
    }

    public static boolean isUnreachable(Throwable failure) {
        return unreachable(failure).isDefined();
    }

    /**
     * A short, address-free cause ("connection refused", "server starting up (57P03)") when the failure or one of
     * its causes says the database cannot be reached; none for every other failure.
     */
    public static Option<String> unreachable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            Option<String> cause = direct(current);
            if (cause.isDefined()) {
                return cause;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Option.none();
    }

    /**
     * PostgreSQL refused a text value (22021: NUL or an invalid byte sequence, 22P05: {@code \u0000} in jsonb).
     * Input is checked by the kernel {@code Text} policy at the edge, so this means a field escaped the check; the
     * request is still the client's fault and nothing was stored by the failed statement.
     */
    public static boolean isUnstorableText(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            String state = switch (current) {
                case DatabaseException database -> database.getSqlState();
                case SQLException sql -> sql.getSQLState();
                default -> null;
            };
            if ("22021".equals(state) || "22P05".equals(state)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static Option<String> direct(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return switch (failure) {
            case ClosedConnectionException closed -> Option.some("connection closed");
            case DatabaseException database -> sqlState(database.getSqlState());
            case SQLException sql -> sqlState(sql.getSQLState())
                    .orElse(() -> acquisitionTimeout(message));
            case ConnectException connect -> Option.some(lower(message).contains("timed out")
                    ? "connection timed out" : "connection refused");
            case SocketException socket -> Option.some("connection lost");
            case ClosedChannelException closed -> Option.some("connection closed");
            case NoStackTraceThrowable closed when message.startsWith("Connection is not active now") ->
                    Option.some("connection closed");
            case VertxException timeout when message.equals("Timeout waiting for connection") ->
                    Option.some("no pooled connection within the acquire timeout");
            default -> Option.none();
        };
    }

    private static Option<String> sqlState(String state) {
        if (state == null) {
            return Option.none();
        }
        return switch (state) {
            case "57P01" -> Option.some("server shutting down (57P01)");
            case "57P02" -> Option.some("server restarting after a crash (57P02)");
            case "57P03" -> Option.some("server starting up (57P03)");
            case "08001" -> Option.some("cannot connect (08001)");
            default -> state.startsWith("08") ? Option.some("connection failure (" + state + ")") : Option.none();
        };
    }

    private static Option<String> acquisitionTimeout(String message) {
        return lower(message).contains("acquisition timeout")
                ? Option.some("no pooled connection within the acquire timeout")
                : Option.none();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
