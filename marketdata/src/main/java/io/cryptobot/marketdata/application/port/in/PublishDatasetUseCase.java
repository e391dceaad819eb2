package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.domain.Publication;
import io.vavr.control.Either;

/**
 * Makes a user's private dataset shared reference data (admins only; the REST layer checks the role): its candles
 * replace shared ones at the same open times, the private copies are removed (freeing the owner's limit), and the
 * publication is recorded with the admin's id.
 */
public interface PublishDatasetUseCase {
    Either<DomainError, Publication> publish(PublishDatasetCommand command);
}
