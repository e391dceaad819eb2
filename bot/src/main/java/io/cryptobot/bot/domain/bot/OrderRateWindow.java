package io.cryptobot.bot.domain.bot;

/**
 * The orders one user created in the last 60 seconds, by the second: what the orders-per-minute limit counts
 * (orders of every bot of the user and orders by hand, each counted when it is created, denied ones too). Times
 * are given (epoch milliseconds); the window keeps 60 one-second slots, so an order leaves the count 60 to 61
 * seconds after it was created. Not thread-safe: its owner serialises access.
 */
public final class OrderRateWindow {
    static final int SECONDS = 60;
    private final long[] second = new long[SECONDS];
    private final int[] count = new int[SECONDS];

    public OrderRateWindow() {
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    /** Orders counted in the 60 seconds up to {@code now}. */
    public long count(long now) {
        long current = Math.floorDiv(now, 1000);
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (live(second[i], current)) {
                total += count[i];
            }
        }
        return total;
    }

    /** Counts {@code orders} created at {@code now}. */
    public void add(long now, int orders) {
        if (orders < 0) {
            throw new IllegalArgumentException("orders must not be negative");
        }
        long current = Math.floorDiv(now, 1000);
        int slot = (int) Math.floorMod(current, SECONDS);
        if (second[slot] != current) {
            second[slot] = current;
            count[slot] = 0;
        }
        count[slot] += orders;
    }

    /** Un-counts one order counted at {@code at} (an order taken a place for but not created), if still counted. */
    public void remove(long at) {
        long atSecond = Math.floorDiv(at, 1000);
        int slot = (int) Math.floorMod(atSecond, SECONDS);
        if (second[slot] == atSecond && count[slot] > 0) {
            count[slot]--;
        }
    }

    /**
     * Milliseconds from {@code now} until fewer than {@code max} orders are counted (0 if already): the oldest
     * seconds leave the window first.
     */
    public long millisUntilBelow(long max, long now) {
        long current = Math.floorDiv(now, 1000);
        long excess = count(now) - max + 1;
        if (excess <= 0) {
            return 0;
        }
        for (long s = current - SECONDS + 1; s <= current; s++) {
            int slot = (int) Math.floorMod(s, SECONDS);
            if (second[slot] == s) {
                excess -= count[slot];
                if (excess <= 0) {
                    // second s is counted up to the end of second s + 59
                    return (s + SECONDS) * 1000 - now;
                }
            }
        }
        // everything counted is recent: unreachable while count(now) >= max, kept for safety
        return SECONDS * 1000L;
    }

    /** Whether nothing is counted any more at {@code now} (the window can be dropped). */
    public boolean isEmpty(long now) {
        return count(now) == 0;
    }

    private static boolean live(long slotSecond, long current) {
        return slotSecond > current - SECONDS && slotSecond <= current;
    }
}
