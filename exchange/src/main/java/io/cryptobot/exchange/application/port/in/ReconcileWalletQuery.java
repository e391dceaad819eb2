package io.cryptobot.exchange.application.port.in;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.wallet.WalletReconciliation;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * One of the caller's venue connections: its balances on the venue, read with its keys, against the ledgers of the
 * caller's bots on it. A reading at most {@link #FRESH_FOR_SECONDS} old is reused rather than asking the venue again.
 * Errors: no such account of the caller ({@code exchange.account.not_found}), a paper account
 * ({@code exchange.account.paper_has_no_venue}), a venue without an adapter ({@code exchange.venue.not_supported}),
 * keys the venue refuses ({@code exchange.account.keys_refused}), a venue that does not answer or holds the read back
 * ({@code exchange.venue.unavailable}).
 */
public interface ReconcileWalletQuery {
    /** How long a venue reading of one account is reused. */
    int FRESH_FOR_SECONDS = 5;

    Either<DomainError, WalletReconciliation> reconcile(UserId caller, AccountId id);
}
