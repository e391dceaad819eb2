package io.cryptobot.exchange.application.port.in;

import io.cryptobot.exchange.domain.account.AccountId;
import io.cryptobot.exchange.domain.connection.ConnectionTest;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/**
 * A connection test asked for by its owner through the API: {@link TestConnectionUseCase} within the caller's
 * connection tests per minute ({@code connection-tests-per-minute-per-user}). A venue's request budget is per IP
 * address and shared by every user of the instance (a Binance test weighs 21 of its 6,000 a minute): without a
 * bound, one user asking in a loop would hold back everyone's live bots and downloads. Beyond it: 429
 * {@code exchange.connection_test.too_many} with Retry-After, and the venue is not asked.
 */
public interface AskConnectionTestUseCase {
    Either<DomainError, ConnectionTest> ask(UserId caller, AccountId id);
}
