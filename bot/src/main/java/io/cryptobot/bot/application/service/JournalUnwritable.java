package io.cryptobot.bot.application.service;

/** A failure writing a session's journal or projections: the session is put aside, the caller told. */
final class JournalUnwritable extends RuntimeException {
    JournalUnwritable(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
