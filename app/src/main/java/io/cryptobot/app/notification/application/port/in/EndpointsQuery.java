package io.cryptobot.app.notification.application.port.in;

import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;

/** The caller's endpoints and each one's delivery log (newest first); another user's endpoint is not found. */
public interface EndpointsQuery {
    Page<Endpoint> list(UserId owner, PageRequest page);

    Either<DomainError, Endpoint> get(UserId owner, EndpointId id);

    Either<DomainError, Page<Delivery>> deliveries(UserId owner, EndpointId id, PageRequest page);
}
