package io.cryptobot.marketdata.application.port.in;

/**
 * At start-up, before any import can run: jobs left unfinished by a stopped or killed process will never
 * progress again, so they are marked failed with that reason (an import is all-or-nothing in one transaction,
 * so nothing of theirs was stored). Assumes a single application instance; with several, only jobs whose
 * instance is gone may be failed, which needs the instance leases of the scale-out work.
 */
public interface FailInterruptedImportsUseCase {
    /** Returns how many jobs were marked failed. */
    int failInterrupted();
}
