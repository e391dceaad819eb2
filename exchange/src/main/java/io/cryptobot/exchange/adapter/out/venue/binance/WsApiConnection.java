package io.cryptobot.exchange.adapter.out.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests sent on one WebSocket API connection and their answers (web-socket-api.md "Request format": one JSON
 * request per text frame, {@code id} "used to match responses to requests"; "Response format": the answer echoes
 * it). Every request gets an id of its own on this connection, and its outcome is one of three:
 * <ul>
 *   <li>{@link Outcome.Answered}: the frame that carried its id;</li>
 *   <li>{@link Outcome.NotHanded}: never handed to the socket (the connection was gone first, or it waited in the
 *   queue past its timeout): nothing of it left, so it may be sent another way;</li>
 *   <li>{@link Outcome.Lost}: handed to the socket, in part or whole, and no answer came (the timeout, the connection
 *   lost): the venue may have acted on it.</li>
 * </ul>
 * The JDK's {@link WebSocket} takes one send at a time (a second {@code sendText} while one is outstanding fails with
 * {@link IllegalStateException}; its own pongs and close frames are not counted): requests are written in the order
 * they came, the first on its caller's thread when nothing is being written, the next ones on the thread that
 * completes the previous write. A caller never waits for another's write.
 */
final class WsApiConnection {
    /** What became of one request. */
    sealed interface Outcome {
        record Answered(JsonNode frame, Instant at) implements Outcome {
        }

        record NotHanded(String reason) implements Outcome {
        }

        record Lost(String reason) implements Outcome {
        }
    }

    private static final int QUEUED = 0;
    private static final int HANDED = 1;
    private static final int ABANDONED = 2;

    private static final class Pending {
        final String id;
        final String text;
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        /** QUEUED until the writer hands it to the socket (HANDED) or the timeout or a lost connection abandons it. */
        final AtomicInteger state = new AtomicInteger(QUEUED);
        volatile ScheduledFuture<?> timeout;

        Pending(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    private final WebSocket socket;
    private final ScheduledExecutorService timer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** Guarded by this: requests waiting for the socket, whether one is being written, whether the connection ended. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    WsApiConnection(WebSocket socket, ScheduledExecutorService timer) {
        this.socket = socket;
        this.timer = timer;
    }

    boolean on(WebSocket ws) {
        return socket == ws;
    }

    /** An id no other request of this connection carries. */
    String nextId(String prefix) {
        return prefix + ids.incrementAndGet();
    }

    /** Sends a request whose answer nobody waits for here (the subscription, answered through the stream). */
    void send(String text) {
        write(new Pending(null, text));
    }

    /**
     * Sends {@code text}, a request whose {@code id} is {@code id}, and completes with its outcome, at the latest
     * {@code timeout} from now (then {@link Outcome.Lost} if it was handed to the socket, else
     * {@link Outcome.NotHanded}). The outcome is completed on whichever thread decides it: the reader's, the timer's,
     * the writer's, or the caller's when the connection is already gone.
     */
    CompletableFuture<Outcome> request(String id, String text, Duration timeout) {
        Pending request = new Pending(id, text);
        pending.put(id, request);
        try {
            request.timeout = timer.schedule(() -> expire(request, timeout), Math.max(1, timeout.toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.remove(id);
            request.outcome.complete(new Outcome.NotHanded("the venue adapter is closing"));
            return request.outcome;
        }
        write(request);
        return request.outcome;
    }

    /** The frame answering request {@code id}: true when a request of this connection was waiting for it. */
    boolean answered(String id, JsonNode frame, Instant at) {
        Pending request = pending.remove(id);
        if (request == null) {
            return false;
        }
        cancelTimeout(request);
        request.outcome.complete(new Outcome.Answered(frame, at));
        return true;
    }

    /**
     * The connection is gone: requests not yet handed to the socket are {@link Outcome.NotHanded}, those handed and
     * unanswered {@link Outcome.Lost}. Nothing is written on it afterwards.
     */
    void close(String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        List<Pending> waiting = new ArrayList<>(pending.values());
        for (Pending request : waiting) {
            if (pending.remove(request.id, request)) {
                cancelTimeout(request);
                abandon(request, "the connection was lost before the request was sent (" + reason + ")",
                        "the connection was lost after the request was sent (" + reason + ")");
            }
        }
    }

    /** Requests waiting for their answer (for tests and the adapter's own checks). */
    int waiting() {
        return pending.size();
    }

    private void write(Pending request) {
        synchronized (this) {
            if (!closed && writing) {
                queue.addLast(request);
                return;
            }
            if (!closed) {
                writing = true;
            }
        }
        if (closed()) {
            notSent(request, "the connection is closed");
            return;
        }
        writeFrom(request);
    }

    private synchronized boolean closed() {
        return closed;
    }

    /** Writes {@code first}, then what queued up meanwhile; returns when a write is left in progress or none is left. */
    private void writeFrom(Pending first) {
        Pending next = first;
        while (next != null) {
            Pending request = next;
            if (!request.state.compareAndSet(QUEUED, HANDED)) {
                next = dequeue(); // abandoned while it waited: its outcome is decided
                continue;
            }
            CompletableFuture<WebSocket> sent;
            try {
                sent = socket.sendText(request.text, true);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            if (!sent.isDone()) {
                sent.whenComplete((ws, error) -> {
                    if (error != null) {
                        sendFailed(request, error);
                    }
                    Pending after = dequeue();
                    if (after != null) {
                        writeFrom(after);
                    }
                });
                return;
            }
            if (sent.isCompletedExceptionally()) {
                sendFailed(request, sent.handle((ws, error) -> error).join());
            }
            next = dequeue();
        }
    }

    private synchronized Pending dequeue() {
        Pending next = closed ? null : queue.pollFirst();
        if (next == null) {
            writing = false;
        }
        return next;
    }

    /**
     * The JDK refuses a send it never started with {@link IllegalStateException} (output closed, a send pending): not
     * sent. Any other failure (an I/O error) may have written part or all of the frame.
     */
    private void sendFailed(Pending request, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (request.id == null || !pending.remove(request.id, request)) {
            return;
        }
        cancelTimeout(request);
        request.outcome.complete(cause instanceof IllegalStateException
                ? new Outcome.NotHanded("the socket refused the request (" + cause.getClass().getSimpleName() + ")")
                : new Outcome.Lost("the write failed (" + cause.getClass().getSimpleName() + ")"));
    }

    private void notSent(Pending request, String reason) {
        if (request.id != null && pending.remove(request.id, request)) {
            cancelTimeout(request);
        }
        request.state.set(ABANDONED);
        request.outcome.complete(new Outcome.NotHanded(reason));
    }

    private void expire(Pending request, Duration timeout) {
        if (pending.remove(request.id, request)) {
            abandon(request, "not sent within " + timeout.toMillis() + " ms",
                    "no answer within " + timeout.toMillis() + " ms");
        }
    }

    private static void abandon(Pending request, String notHanded, String lost) {
        request.outcome.complete(request.state.compareAndSet(QUEUED, ABANDONED) ? new Outcome.NotHanded(notHanded)
                : new Outcome.Lost(lost));
    }

    private static void cancelTimeout(Pending request) {
        ScheduledFuture<?> timeout = request.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
