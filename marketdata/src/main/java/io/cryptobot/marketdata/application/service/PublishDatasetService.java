package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.PublishDatasetCommand;
import io.cryptobot.marketdata.application.port.in.PublishDatasetUseCase;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.PublishDatasetPort;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.Publication;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

@ApplicationScoped
class PublishDatasetService implements PublishDatasetUseCase {
    private static final Logger LOG = Logger.getLogger(PublishDatasetService.class.getName());
    private final LoadInstrumentPort instruments;
    private final PublishDatasetPort publish;
    private final Clock clock;

    PublishDatasetService(LoadInstrumentPort instruments, PublishDatasetPort publish, Clock clock) {
        this.instruments = instruments;
        this.publish = publish;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Publication> publish(PublishDatasetCommand command) {
        Either<DomainError, Publication> published = instruments.load(command.instrument())
                .toEither(() -> MarketDataErrors.datasetNotFound(command.instrument(), command.timeframe()))
                .flatMap(instrument -> publish.publish(command.admin(), command.owner(), instrument,
                                command.timeframe(), clock.now())
                        .toEither(() -> MarketDataErrors.datasetNotFound(command.instrument(), command.timeframe())));
        published.forEach(p -> LOG.info(() -> String.format("Admin %s published user %s's %s %s candles into the "
                        + "shared data (publication %s: %d added, %d replaced)", p.admin(), p.owner(), p.instrument(),
                p.timeframe().code(), p.id(), p.added(), p.replaced())));
        return published;
    }
}
