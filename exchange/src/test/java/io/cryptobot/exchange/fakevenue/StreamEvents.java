package io.cryptobot.exchange.fakevenue;

import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream listener for tests: records every call in order ({@code connected}, {@code disconnected: reason},
 * {@code candle <openTime>}) and lets a test wait for the next one of a kind.
 */
public final class StreamEvents implements VenueMarketData.CandleStreamListener {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<VenueCandle> candles = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onClosedCandle(VenueCandle candle) {
        candles.add(candle);
        record("candle " + candle.openTime());
    }

    @Override
    public void onConnected() {
        record("connected");
    }

    @Override
    public void onDisconnected(String reason) {
        record("disconnected: " + reason);
    }

    private void record(String event) {
        all.add(event);
        events.add(event);
    }

    /** Waits for the next event starting with {@code prefix}, skipping others; fails after {@code timeout}. */
    public String await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no '" + prefix + "' within " + timeout + "; events so far: " + all);
                }
                if (event.startsWith(prefix)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public List<String> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public List<VenueCandle> candles() {
        synchronized (candles) {
            return List.copyOf(candles);
        }
    }

    public long count(String prefix) {
        return all().stream().filter(e -> e.startsWith(prefix)).count();
    }
}
