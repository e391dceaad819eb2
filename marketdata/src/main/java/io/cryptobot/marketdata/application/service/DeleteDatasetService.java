package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.DeleteDatasetUseCase;
import io.cryptobot.marketdata.application.port.out.DeleteDatasetPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DeleteDatasetService implements DeleteDatasetUseCase {
    private final LoadInstrumentPort instruments;
    private final DeleteDatasetPort datasets;

    DeleteDatasetService(LoadInstrumentPort instruments, DeleteDatasetPort datasets) {
        this.instruments = instruments;
        this.datasets = datasets;
    }

    @Override
    public Either<DomainError, Long> delete(UserId caller, InstrumentId id, Timeframe timeframe) {
        return instruments.load(id).toEither(() -> MarketDataErrors.datasetNotFound(id, timeframe))
                .flatMap(instrument -> datasets.delete(caller, instrument, timeframe)
                        .toEither(() -> MarketDataErrors.datasetNotFound(id, timeframe)));
    }
}
