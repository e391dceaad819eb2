package io.cryptobot.exchange.adapter.out.venue;

import io.cryptobot.exchange.domain.venue.limits.RateLimiter;
import io.cryptobot.exchange.domain.venue.limits.RequestCost;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.vavr.control.Either;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One upstream WebSocket subscription that stays up until closed: it connects, tells its listener when it is
 * connected and when the connection is lost, reconnects with backoff ({@link StreamSettings}), replaces a silent or
 * too old connection, and spends one unit of the venue's connection budget per attempt (an attempt the budget refuses
 * waits for it). A venue subclass says what to send once open ({@link #opened}), how to read a message
 * ({@link #received}) and how to ping ({@link #keepAlive}).
 *
 * <p>Each connection has a generation number; callbacks of an older connection are ignored, so a late close of a
 * replaced connection never disturbs its successor. The listener is called outside this object's lock, never twice
 * at once for one connection (the JDK WebSocket delivers one message at a time).
 *
 * <p>Every callback of the JDK WebSocket runs with the application's class loader as the thread's context class
 * loader ({@link AppThreads#runWithApplicationLoader}): the JDK calls {@code onOpen} on the common ForkJoinPool when
 * the opening handshake completes (its {@code HttpClientImpl} finishes an asynchronous send there) and goes on with
 * the messages already read on that thread; only later reads come through the client's executor. In the packaged
 * application a common-pool thread carries the system loader, and the listener may do work there that looks classes
 * up through the context loader (a live feed passing a candle on: a CDI event, a subscriber).
 */
public abstract class ReconnectingStream implements VenueMarketData.CandleStream {
    private static final Logger LOG = Logger.getLogger(ReconnectingStream.class.getName());
    private final String name;
    private final HttpClient http;
    private final URI uri;
    private final ScheduledExecutorService scheduler;
    private final RateLimiter connections;
    private final RequestCost connectCost;
    private final StreamSettings settings;
    private final Clock clock;
    private final VenueMarketData.CandleStreamListener listener;
    private boolean closed;
    private boolean connecting;
    private int generation;
    private int failedAttempts;
    private WebSocket socket;
    private boolean reportedConnected;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> ageLimit;
    private volatile Instant lastHeard = Instant.EPOCH;
    private volatile boolean pinged;

    protected ReconnectingStream(String name, HttpClient http, URI uri, ScheduledExecutorService scheduler,
                                 RateLimiter connections, RequestCost connectCost, StreamSettings settings,
                                 Clock clock, VenueMarketData.CandleStreamListener listener) {
        this.name = name;
        this.http = http;
        this.uri = uri;
        this.scheduler = scheduler;
        this.connections = connections;
        this.connectCost = connectCost;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /** The connection is open: send what the venue needs (a subscription) or report {@link #connected()}. */
    protected abstract void opened(WebSocket socket);

    /** One whole text message of the current connection. */
    protected abstract void received(WebSocket socket, String message);

    /** The connection has been quiet for {@link StreamSettings#keepAlive()}; ping if the venue wants clients to. */
    protected void keepAlive(WebSocket socket) {
    }

    /**
     * {@code socket}, which was the current connection, is gone (lost, replaced, refused or closed): nothing more will
     * be read from it. Called once per connection, outside this object's lock.
     */
    protected void dropped(WebSocket socket, String reason) {
    }

    public final void start() {
        submit(this::connect);
    }

    @Override
    public final void close() {
        WebSocket last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            last = socket;
            socket = null;
            cancelTimers();
        }
        if (last != null) {
            last.abort();
            safely(() -> dropped(last, "the stream was closed"));
        }
    }

    /** The current connection carries the subscription: tells the listener once per connection. */
    protected final void connected() {
        synchronized (this) {
            if (reportedConnected || closed) {
                return;
            }
            reportedConnected = true;
        }
        LOG.log(Level.INFO, "{0}: connected", name);
        safely(listener::onConnected);
    }

    protected final void deliver(VenueCandle candle) {
        synchronized (this) {
            failedAttempts = 0;
        }
        safely(() -> listener.onClosedCandle(candle));
    }

    /** The connection delivered something useful: the next reconnection starts at the shortest delay again. */
    protected final void healthy() {
        synchronized (this) {
            failedAttempts = 0;
        }
    }

    /** Replaces the current connection at once (the venue announced a shutdown, or the connection is too old). */
    protected final void restart(WebSocket from, String reason) {
        if (lost(from, reason, false)) {
            from.abort();
        }
    }

    /** The venue refused the subscription: the connection is dropped and retried with backoff. */
    protected final void refused(WebSocket from, String reason) {
        if (lost(from, reason, true)) {
            from.abort();
        }
    }

    private void connect() {
        int attempt;
        synchronized (this) {
            if (closed || connecting || socket != null) {
                return;
            }
            Either<VenueFailure.RateLimited, RequestCost> admitted = connections.acquire(connectCost, clock.now());
            if (admitted.isLeft()) {
                schedule(this::connect, admitted.getLeft().retryAfter());
                return;
            }
            connecting = true;
            attempt = ++generation;
        }
        http.newWebSocketBuilder().buildAsync(uri, new Callbacks(attempt)).whenComplete((ws, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    if (attempt != generation) {
                        return;
                    }
                    connecting = false;
                    failedAttempts++;
                }
                LOG.log(Level.INFO, "{0}: connection attempt failed ({1})",
                        new Object[] {name, rootCause(failure).getClass().getSimpleName()});
                scheduleReconnect();
            }
        });
    }

    private void onOpen(int attempt, WebSocket ws) {
        synchronized (this) {
            if (attempt != generation || closed) {
                ws.abort();
                return;
            }
            connecting = false;
            socket = ws;
            reportedConnected = false;
            lastHeard = clock.now();
            pinged = false;
            long period = Math.max(10, Math.min(settings.idleTimeout().toMillis(), settings.keepAlive().toMillis()) / 4);
            try {
                watchdog = scheduler.scheduleAtFixedRate(() -> watch(ws), period, period, TimeUnit.MILLISECONDS);
                ageLimit = scheduler.schedule(() -> restart(ws, "connection older than " + settings.maxAge()),
                        settings.maxAge().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the venue adapter is shutting down: a connection that opens now is not kept
                cancelTimers();
                socket = null;
                ws.abort();
                return;
            }
        }
        opened(ws);
    }

    private void watch(WebSocket ws) {
        Duration quiet = Duration.between(lastHeard, clock.now());
        if (quiet.compareTo(settings.idleTimeout()) > 0) {
            restartAfterBackoff(ws, "silent for " + quiet.toMillis() + " ms");
        } else if (quiet.compareTo(settings.keepAlive()) > 0 && !pinged) {
            pinged = true;
            keepAlive(ws);
        }
    }

    private void restartAfterBackoff(WebSocket ws, String reason) {
        if (lost(ws, reason, true)) {
            ws.abort();
        }
    }

    private void heard() {
        lastHeard = clock.now();
        pinged = false;
    }

    /**
     * Forgets {@code ws} if it is the current connection and schedules the next one (at once, or after backoff):
     * true when it was current.
     */
    private boolean lost(WebSocket ws, String reason, boolean backoff) {
        boolean wasConnected;
        synchronized (this) {
            if (closed || socket != ws) {
                return false;
            }
            socket = null;
            generation++;
            cancelTimers();
            wasConnected = reportedConnected;
            reportedConnected = false;
            if (backoff) {
                failedAttempts++;
            }
        }
        LOG.log(Level.INFO, "{0}: disconnected ({1})", new Object[] {name, reason});
        safely(() -> dropped(ws, reason));
        if (wasConnected) {
            safely(() -> listener.onDisconnected(reason));
        }
        if (backoff) {
            scheduleReconnect();
        } else {
            submit(this::connect);
        }
        return true;
    }

    private void scheduleReconnect() {
        Duration delay;
        synchronized (this) {
            if (closed) {
                return;
            }
            delay = settings.reconnectDelay(failedAttempts, ThreadLocalRandom.current().nextDouble(-1, 1));
        }
        schedule(this::connect, delay);
    }

    /** Runs {@code task} on the stream's scheduler now; dropped once the adapter shut it down (application stop). */
    private void submit(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the venue adapter is shutting down: nothing left to connect
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the venue adapter is shutting down: nothing left to reconnect
        }
    }

    private void cancelTimers() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
        if (ageLimit != null) {
            ageLimit.cancel(false);
            ageLimit = null;
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": the stream's listener failed", e);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private final class Callbacks implements WebSocket.Listener {
        private final int attempt;
        private final StringBuilder text = new StringBuilder();

        Callbacks(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(WebSocket ws) {
            AppThreads.runWithApplicationLoader(() -> ReconnectingStream.this.onOpen(attempt, ws));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            heard();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (isCurrent(ws)) {
                    AppThreads.runWithApplicationLoader(() -> received(ws, message));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            heard();
            ws.request(1);
            return null;
        }

        /** The JDK answers every ping with a pong carrying its payload by itself (as Binance requires). */
        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            heard();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            heard();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            AppThreads.runWithApplicationLoader(() -> lost(ws, statusCode == WebSocket.NORMAL_CLOSURE
                    || statusCode != 1006
                    ? "closed by the venue (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")"
                    : "connection lost without a close frame (1006)", true));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            AppThreads.runWithApplicationLoader(() -> lost(ws, "connection failed ("
                    + VenueRest.inWords(rootCause(error)) + ")", true));
        }
    }

    private synchronized boolean isCurrent(WebSocket ws) {
        return socket == ws && !closed;
    }
}
