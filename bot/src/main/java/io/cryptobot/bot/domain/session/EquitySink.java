package io.cryptobot.bot.domain.session;

/**
 * Receives the account's equity once per time step after the warm-up: at the step's open time, marked to the
 * closes, in the account currency as a {@code double} (analytics only; the exact value stays in the ledger),
 * and whether any position was open.
 */
@FunctionalInterface
public interface EquitySink {
    void record(long time, double equity, boolean exposed);
}
