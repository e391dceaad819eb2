package io.cryptobot.bot.application.port.out;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** The threads bots run on: each bot's steps run one at a time, in feed order, on one of them. */
public interface BotWorkersPort {
    Executor executor();

    /** Where sessions' journal batches are written (blocking on the database; never a step's own thread). */
    Executor journalWriters();

    /**
     * Like {@link #journalWriters()}, but a task starts only once no step waits for a bot worker (or after a few
     * milliseconds at the latest): writes that can wait (grouped checkpoints) go after the decisions of a burst of
     * steps instead of taking cores from them.
     */
    Executor afterWaitingSteps();

    /** Where live sessions' calls to their venue run (blocking on the network). */
    Executor venueCalls();

    /** The timer of live sessions (time-outs, lease renewals): short tasks only. */
    ScheduledExecutorService venueTimer();
}
