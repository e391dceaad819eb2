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

    /** The value the next {@link #push} overwrites once the window is full: the oldest one. */
    double oldest() {
        return values[isFull() ? next : 0];
    }

    void push(double value) {
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
    }
}
