package io.cryptobot.exchange.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * Opens trading on a user's live account: its venue's adapter with the account's keys unsealed and bound, so the
 * caller never holds a secret. Another user's account, a paper account, or a venue without a trading adapter is
 * refused as a value ({@code NotFound} for another user's, as everywhere).
 */
public interface OpenVenueTradingUseCase {
    Either<DomainError, VenueTrading> open(UserId owner, UUID accountId);
}
