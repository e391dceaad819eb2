package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GetDownloadJobQuery;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetDownloadJobService implements GetDownloadJobQuery {
    private final LoadDownloadJobPort jobs;

    GetDownloadJobService(LoadDownloadJobPort jobs) {
        this.jobs = jobs;
    }

    @Override
    public Either<DomainError, DownloadJob> get(UserId caller, DownloadJobId id) {
        return jobs.load(caller, id).toEither(() -> MarketDataErrors.downloadNotFound(id));
    }
}
