package io.cryptobot.exchange.fakevenue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition every 10 ms until it holds, failing with {@code what} after {@code timeout}. */
public final class Eventually {
    private Eventually() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
