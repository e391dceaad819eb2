package io.cryptobot.bot.application.service;

import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a live feed told one bot, in the order it told it: candles, the feed's status changes, and requests to look
 * at the bot's opening conditions again. The feed calls it on its own thread and must not wait, so everything is
 * queued. While the bot is launched its rebuild takes items one by one ({@link #next}); then the items are handled
 * on the bot workers, one at a time and in order ({@link #drainOn}), a handler asking for a pause before the next
 * item (the owner's order rate) without a thread held meanwhile. Unbounded: a catch-up after a restart queues at most
 * the candles the feed serves to one subscriber.
 */
final class LiveFeedInbox implements LiveCandleSubscriber {
    /** Items handled before the worker is given back to other bots, so a long catch-up does not hold one. */
    private static final int FAIR_SHARE = 64;
    private final LinkedBlockingDeque<Item> items = new LinkedBlockingDeque<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** How many of the queued items are candles. */
    private final AtomicInteger candles = new AtomicInteger();
    private volatile Executor executor;
    private volatile Handler handler;
    private volatile boolean closed;

    /** One thing the feed told, or asked of, the bot. */
    sealed interface Item permits Closed, Status, Recheck, OutOfOrder, Unavailable {
    }

    /** A closed candle; {@code passedOnNanos}: {@link System#nanoTime} when the feed passed it on. */
    record Closed(LiveCandle candle, long passedOnNanos) implements Item {
        Closed {
            Objects.requireNonNull(candle, "candle");
        }
    }

    /** The feed's state changed (connected, fresh, stale); also told once when the bot joined. */
    record Status(FeedStatus status) implements Item {
        Status {
            Objects.requireNonNull(status, "status");
        }
    }

    /** A candle that came after the feed had passed over its place: never a step, only said. */
    record OutOfOrder(LiveCandle candle) implements Item {
        OutOfOrder {
            Objects.requireNonNull(candle, "candle");
        }
    }

    /** Candles the bot asked for that the venue refused to serve (the store lacked them): [from, to). */
    record Unavailable(long from, long to, String reason) implements Item {
        Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Something the bot's opening conditions depend on changed (the instrument's status on its venue). */
    record Recheck() implements Item {
    }

    /** Handles one item; answers how long to wait before the next one (0: at once). */
    interface Handler {
        long handle(Item item);
    }

    @Override
    public void onCandle(LiveCandle candle) {
        add(new Closed(candle, System.nanoTime()));
    }

    @Override
    public void onOutOfOrder(LiveCandle candle) {
        add(new OutOfOrder(candle));
    }

    @Override
    public void onHistoryUnavailable(long fromOpenTime, long toOpenTime, String reason) {
        add(new Unavailable(fromOpenTime, toOpenTime, reason));
    }

    @Override
    public void onStatus(FeedStatus status) {
        add(new Status(status));
    }

    void recheck() {
        add(new Recheck());
    }

    private void add(Item item) {
        if (!closed) {
            counted(item, 1);
            items.addLast(item);
            signal();
        }
    }

    private Item taken(Item item) {
        counted(item, -1);
        return item;
    }

    private void counted(Item item, int change) {
        if (item instanceof Closed) {
            candles.addAndGet(change);
        }
    }

    /** The next item, waiting at most {@code millis} for one; null if none came. For the launch only. */
    Item next(long millis) throws InterruptedException {
        Item item = items.pollFirst(millis, TimeUnit.MILLISECONDS);
        return item == null ? null : taken(item);
    }

    /** Puts back an item taken with {@link #next} that the launch does not handle: it is the first one drained. */
    void putBack(Item item) {
        counted(item, 1);
        items.addFirst(item);
    }

    /** From now on, every item (those queued first) is handled by {@code handler} on {@code executor}, in order. */
    void drainOn(Executor executor, Handler handler) {
        this.executor = executor;
        this.handler = handler;
        signal();
    }

    /** Whether no candle waits to be handled (statuses may). */
    boolean noCandleQueued() {
        return candles.get() <= 0;
    }

    /** Nothing more is queued or handled. */
    void close() {
        closed = true;
        items.clear();
    }

    private void signal() {
        if (handler != null && !closed && !items.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int handled = 0;
        while (!closed) {
            Item item = items.pollFirst();
            if (item != null) {
                taken(item);
            }
            if (item == null) {
                scheduled.set(false);
                // an item added after the poll and before the flag was cleared found it set: take it now
                if (items.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            long wait = handler.handle(item);
            if (wait > 0) {
                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, executor).execute(this::drain);
                return;
            }
            if (++handled == FAIR_SHARE) {
                executor.execute(this::drain);
                return;
            }
        }
        scheduled.set(false);
    }
}
