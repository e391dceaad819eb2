package io.cryptobot.exchange.fakevenue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The common part of the fake venues: an HTTP and WebSocket server on a free loopback port (Vert.x, upgrades through
 * {@code requestHandler} + {@code toWebSocket()}, since a WebSocket-only handler fails on Vert.x 4.5), a log of every
 * request, a clock that can be set off from the real one, scripted refusals of the next requests and of the next
 * stream handshakes, and scripted disconnections of the open streams.
 */
public abstract class FakeVenueServer implements AutoCloseable {
    /**
     * One request as the venue saw it; the raw query and headers, so a test can check what was (not) sent, and when
     * it arrived (the real clock, not the venue's settable one; {@code nanos}: {@link System#nanoTime} then, for
     * latencies measured within one JVM).
     */
    public record Request(String method, String path, String query, Map<String, String> headers, Instant at,
                          long nanos) {
        /** A query parameter's (first) value, URL-decoded, or null. */
        public String param(String name) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** A scripted answer for the next request(s): status, Retry-After (seconds, or absent) and body. */
    protected record Scripted(int status, Integer retryAfterSeconds, String body) {
    }

    protected final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refuseHandshakes = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile java.util.function.Consumer<Request> requestListener;
    /** Guarded by this: requests to {@code holdPath} after {@code holdAfter} more are left unanswered in {@code held}. */
    private String holdPath;
    private int holdAfter;
    private final List<Runnable> held = new ArrayList<>();

    /** An open stream connection: the socket and what it subscribed to (venue-specific). */
    protected static final class Stream {
        final ServerWebSocket socket;
        final HttpServerRequest upgrade;
        volatile Object subscription;
        volatile Instant lastHeard = Instant.now();

        Stream(ServerWebSocket socket, HttpServerRequest upgrade) {
            this.socket = socket;
            this.upgrade = upgrade;
        }
    }

    protected FakeVenueServer() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.requestHandler(this::dispatch);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the fake venue could not listen", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The venue's "now": the real clock plus the offset a test set ({@link #clockOffset(Duration)}). */
    public Instant now() {
        return Instant.now().plus(clockOffset);
    }

    /** Sets the venue's clock off from ours: positive is ahead. */
    public void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    /** Answers the next {@code count} REST requests with {@code status} (429 or 418 for limits) and Retry-After. */
    public synchronized void refuseNext(int count, int status, Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            scripted.addLast(new Scripted(status, retryAfterSeconds, refusalBody(status)));
        }
    }

    /**
     * Leaves requests to {@code path} unanswered once {@code answered} more of them have been answered, as a venue
     * that stops answering in the middle of a download; {@link #release()} answers them (through the scripted
     * refusals first, like any request) and ends the hold.
     */
    public synchronized void holdAfter(String path, int answered) {
        holdPath = path;
        holdAfter = answered;
    }

    /** Requests waiting unanswered under {@link #holdAfter}. */
    public synchronized int held() {
        return held.size();
    }

    /** Ends the hold and answers what it kept (a client that gave up meanwhile gets nothing). */
    public void release() {
        List<Runnable> waiting;
        synchronized (this) {
            holdPath = null;
            waiting = List.copyOf(held);
            held.clear();
        }
        waiting.forEach(Runnable::run);
    }

    /** Refuses the next {@code count} stream handshakes with HTTP 503. */
    public void refuseStreams(int count) {
        refuseHandshakes.set(count);
    }

    /**
     * Cuts every open stream connection without a close frame, as a network failure would. The JDK WebSocket client
     * does not always report such a close (seen on JDK 25 about one time in ten under load), as with a cable pulled
     * without any FIN: clients notice through the venue's keep-alive and their idle timeout, so tests that drop
     * connections keep pings frequent and the idle timeout short.
     */
    public void dropStreams() {
        for (Stream stream : streams) {
            drop(stream);
        }
    }

    /** Cuts one stream's connection without a close frame ({@link #dropStreams}). */
    protected static void drop(Stream stream) {
        // the TCP connection itself, from the pipeline's head: HttpConnection.close() and the channel's close()
        // pass Netty's WebSocket handler, which sends a close frame first
        if (stream.upgrade.connection() instanceof io.vertx.core.net.impl.ConnectionBase base) {
            base.channel().pipeline().firstContext().close();
        } else {
            stream.upgrade.connection().close();
        }
    }

    /**
     * Adds a request to {@link #requests()} and tells the {@link #onRequest} listener: every REST request, and those
     * that come another way (a WebSocket API request).
     */
    protected void log(Request request) {
        requests.add(request);
        java.util.function.Consumer<Request> listener = requestListener;
        if (listener != null) {
            listener.accept(request);
        }
    }

    /** Closes every open stream with a close frame (1001, going away), as a venue restarting would. */
    public void closeStreams() {
        for (Stream stream : streams) {
            stream.socket.close((short) 1001, "going away");
        }
    }

    public int openStreams() {
        return (int) streams.stream().filter(s -> !s.socket.isClosed()).count();
    }

    /** Stream handshakes accepted so far. */
    public int streamConnections() {
        return handshakes.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * Tells {@code listener} of every request as it is logged, on the server's thread (null: nobody): a benchmark
     * waits on it instead of polling {@link #requests()}, which copies the whole log.
     */
    public void onRequest(java.util.function.Consumer<Request> listener) {
        requestListener = listener;
    }

    public long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the test is over; a slow shutdown of the fake is not its failure
        }
    }

    /** The venue's body for a scripted refusal with this status. */
    protected abstract String refusalBody(int status);

    /** Serves a REST request (after logging and scripted refusals). */
    protected abstract void serve(HttpServerRequest request);

    /** A stream connection was accepted on {@code path}. */
    protected abstract void streamOpened(Stream stream, String path);

    protected abstract boolean isStreamPath(String path);

    protected Set<Stream> streams() {
        return streams;
    }

    private void dispatch(HttpServerRequest request) {
        if (isStreamPath(request.path()) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            if (refuseHandshakes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                request.response().setStatusCode(503).end();
                return;
            }
            request.toWebSocket().onSuccess(socket -> {
                handshakes.incrementAndGet();
                Stream stream = new Stream(socket, request);
                streams.add(stream);
                socket.closeHandler(v -> streams.remove(stream));
                streamOpened(stream, request.path());
            });
            return;
        }
        long nanos = System.nanoTime();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        Request logged = new Request(request.method().name(), request.path(), request.query() == null ? ""
                : request.query(), headers, Instant.now(), nanos);
        log(logged);
        synchronized (this) {
            if (request.path().equals(holdPath)) {
                if (holdAfter == 0) {
                    Context context = vertx.getOrCreateContext();
                    held.add(() -> context.runOnContext(v -> {
                        try {
                            answer(request);
                        } catch (RuntimeException e) {
                            // the client gave up on this request (its connection is closed): nobody to answer
                        }
                    }));
                    return;
                }
                holdAfter--;
            }
        }
        answer(request);
    }

    private void answer(HttpServerRequest request) {
        Scripted next;
        synchronized (this) {
            next = scripted.pollFirst();
        }
        if (next != null) {
            var response = request.response().setStatusCode(next.status()).putHeader("Content-Type",
                    "application/json");
            if (next.retryAfterSeconds() != null) {
                response.putHeader("Retry-After", Integer.toString(next.retryAfterSeconds()));
            }
            response.end(next.body());
            return;
        }
        serve(request);
    }

    protected static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
