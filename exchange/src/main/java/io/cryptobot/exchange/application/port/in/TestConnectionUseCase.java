package io.cryptobot.exchange.application.port.in;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * Tries one of the caller's venue connections with its stored keys: a signed account call and a reading of the
 * venue's clock. What the venue answered (keys accepted or refused, venue unreachable or rate limited) is the test's
 * result, never an error; errors are for tests that cannot run: no such account of the caller
 * ({@code exchange.account.not_found}), a paper account ({@code exchange.account.not_a_connection}), a venue without
 * an adapter ({@code exchange.venue.not_supported}).
 */
public interface TestConnectionUseCase {
    Either<DomainError, ConnectionTest> test(UserId caller, AccountId id);
}
