package io.cryptobot.bot.domain.indicator;

/**
 * The highest (or lowest) of the last {@code length} values in amortised O(1): a deque of candidates whose
 * values strictly decrease (for the highest) from front to back. A value that can never again be the
 * extreme, because a newer value at least as extreme exists, is dropped on arrival; the front leaves when it
 * falls out of the window. Each value enters and leaves once. At most {@code length} candidates are alive,
 * so two primitive rings of that size hold the deque.
 */
final class MonotonicWindow {
    private final int length;
    private final boolean highest;
    private final long[] positions;
    private final double[] values;
    private int head;
    private int size;
    private long position = -1;

    private MonotonicWindow(int length, boolean highest) {
        this.length = length;
        this.highest = highest;
        this.positions = new long[length];
        this.values = new double[length];
    }

    static MonotonicWindow highest(int length) {
        return new MonotonicWindow(length, true);
    }

    static MonotonicWindow lowest(int length) {
        return new MonotonicWindow(length, false);
    }

    void push(double value) {
        position++;
        while (size > 0 && dominates(value, values[slot(size - 1)])) {
            size--;
        }
        if (size > 0 && positions[head] <= position - length) {
            head = slot(1);
            size--;
        }
        int tail = slot(size);
        positions[tail] = position;
        values[tail] = value;
        size++;
    }

    /** The extreme of the values pushed so far, within the last {@code length}; undefined before a push. */
    double extreme() {
        return values[head];
    }

    private boolean dominates(double newer, double older) {
        return highest ? newer >= older : newer <= older;
    }

    private int slot(int offset) {
        int index = head + offset;
        return index >= length ? index - length : index;
    }
}
