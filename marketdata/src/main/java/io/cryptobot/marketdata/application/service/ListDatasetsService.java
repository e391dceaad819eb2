package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.ListDatasetsQuery;
import io.cryptobot.marketdata.application.port.out.LoadDatasetsPort;
import io.cryptobot.marketdata.domain.StoredCandlesLimit;
import io.cryptobot.marketdata.domain.StoredData;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListDatasetsService implements ListDatasetsQuery {
    private final LoadDatasetsPort datasets;
    private final StoredCandlesLimit limit;

    ListDatasetsService(LoadDatasetsPort datasets, StoredCandlesLimit limit) {
        this.datasets = datasets;
        this.limit = limit;
    }

    @Override
    public StoredData list(UserId caller) {
        return new StoredData(datasets.datasetsOf(caller), datasets.storedBy(caller), limit);
    }
}
