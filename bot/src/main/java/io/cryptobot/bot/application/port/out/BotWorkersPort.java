package io.cryptobot.bot.application.port.out;

import java.util.concurrent.Executor;

/** The threads bots run on: each bot's steps run one at a time, in feed order, on one of them. */
public interface BotWorkersPort {
    Executor executor();

    /** Where sessions' journal batches are written (blocking on the database; never a step's own thread). */
    Executor journalWriters();
}
