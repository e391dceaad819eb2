package io.cryptobot.backtest.domain.engine;

/** How a caller follows and stops a run: asked every few thousand candles, from the running thread. */
public interface RunControl {
    RunControl NONE = new RunControl() {
    };

    /** {@code processed} of {@code total} candles done. */
    default void progress(long processed, long total) {
    }

    default boolean cancelled() {
        return false;
    }
}
