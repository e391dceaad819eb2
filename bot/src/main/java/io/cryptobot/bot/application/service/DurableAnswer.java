package io.cryptobot.bot.application.service;

import java.util.concurrent.CompletableFuture;

/**
 * An answer to a hand order that may be given once {@code written} (its journal batch) is durable; waited for
 * outside the session's lock ({@link LiveSessions#awaited}).
 */
record DurableAnswer<T>(LiveSession runner, CompletableFuture<Boolean> written, T answer) {
}
