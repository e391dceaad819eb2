package io.cryptobot.bot.domain.indicator;

/** The last {@code capacity} values, in a primitive ring: pushing never allocates. */
final class RollingWindow {
    private final double[] values;
    private int next;
    private int size;

    RollingWindow(int capacity) {
        values = new double[capacity];
    }

    boolean isFull() {
        return size == values.length;
    }

    /** The oldest value, the one the next {@link #push} overwrites; only meaningful once the window is full. */
    double oldest() {
        return values[next];
    }

    void push(double value) {
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
    }
}
