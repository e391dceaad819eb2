package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GetImportJobQuery;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportJobId;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GetImportJobService implements GetImportJobQuery {
    private final LoadImportJobPort jobs;

    GetImportJobService(LoadImportJobPort jobs) {
        this.jobs = jobs;
    }

    @Override
    public Either<DomainError, ImportJob> get(UserId caller, ImportJobId id) {
        return jobs.load(caller, id).toEither(() -> MarketDataErrors.importNotFound(id));
    }
}
