package io.cryptobot.app.notification.application.service;

import io.cryptobot.app.notification.application.port.in.EndpointsQuery;
import io.cryptobot.app.notification.application.port.out.DeliveryStorePort;
import io.cryptobot.app.notification.application.port.out.EndpointStorePort;
import io.cryptobot.app.notification.domain.Delivery;
import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class EndpointsQueryService implements EndpointsQuery {
    private final EndpointStorePort endpoints;
    private final DeliveryStorePort deliveries;

    EndpointsQueryService(EndpointStorePort endpoints, DeliveryStorePort deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @Override
    public Page<Endpoint> list(UserId owner, PageRequest page) {
        return endpoints.list(owner, page);
    }

    @Override
    public Either<DomainError, Endpoint> get(UserId owner, EndpointId id) {
        return endpoints.load(owner, id).toEither(NotificationErrors::notFound);
    }

    @Override
    public Either<DomainError, Page<Delivery>> deliveries(UserId owner, EndpointId id, PageRequest page) {
        return get(owner, id).map(endpoint -> deliveries.list(endpoint.id(), page));
    }
}
