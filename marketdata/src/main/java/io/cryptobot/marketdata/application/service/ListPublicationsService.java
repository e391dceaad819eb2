package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.marketdata.application.port.in.ListPublicationsQuery;
import io.cryptobot.marketdata.application.port.out.LoadPublicationsPort;
import io.cryptobot.marketdata.domain.Publication;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListPublicationsService implements ListPublicationsQuery {
    private final LoadPublicationsPort publications;

    ListPublicationsService(LoadPublicationsPort publications) {
        this.publications = publications;
    }

    @Override
    public Page<Publication> list(PageRequest page) {
        return publications.list(page);
    }
}
