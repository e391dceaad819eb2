package io.cryptobot.bot.application.service;

import io.cryptobot.marketdata.application.port.in.LiveCandle;
import java.util.concurrent.CompletableFuture;

/**
 * A benchmark's view of paper bots on live feeds ({@code LiveScaleBench}, docs/benchmarks.md): for each step on a
 * closed live candle, when the feed passed the candle on to the bot, when the bot's strategy had decided on it, and
 * when the step was done (its checkpoint and activity written). Off unless a benchmark listens: then a step costs the
 * read of a null volatile field (the two times it reports are read anyway, {@link System#nanoTime}).
 */
public final class LiveStepProbe {
    private static volatile Listener listener;

    private LiveStepProbe() {
    }

    /** Told of every step of a live bot on a candle, on the bot's worker thread; must return quickly. */
    public interface Listener {
        /** Times from {@link System#nanoTime}: {@code passedOn} &lt;= {@code decided} &lt;= {@code done}. */
        void stepped(LiveCandle candle, long passedOnNanos, long decidedNanos, long doneNanos);
    }

    /** Starts (or, with null, stops) telling {@code listener} of every live step. */
    public static void listen(Listener listener) {
        LiveStepProbe.listener = listener;
    }

    /** The step on {@code candle} decided; {@code written}: its write, done once it is durable. */
    static void stepped(LiveSession runner, LiveCandle candle, long passedOnNanos,
                        CompletableFuture<Boolean> written) {
        Listener told = listener;
        if (told != null) {
            long decided = runner.decidedNanos;
            if (decided - passedOnNanos >= 0) {
                // the session decided on this candle (not a step that ended before it)
                written.whenComplete((live, failure) -> told.stepped(candle, passedOnNanos, decided,
                        System.nanoTime()));
            }
        }
    }
}
