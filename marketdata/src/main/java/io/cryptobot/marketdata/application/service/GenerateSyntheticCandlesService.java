package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesCommand;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesUseCase;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.SyntheticSpec;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class GenerateSyntheticCandlesService implements GenerateSyntheticCandlesUseCase {
    private final LoadInstrumentPort instruments;
    private final ImportJobQueue queue;
    private final ImportJobRunner runner;
    private final Clock clock;

    GenerateSyntheticCandlesService(LoadInstrumentPort instruments, ImportJobQueue queue, ImportJobRunner runner,
                                    Clock clock) {
        this.instruments = instruments;
        this.queue = queue;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, ImportJob> generate(GenerateSyntheticCandlesCommand command) {
        return instruments.load(command.instrument())
                .toEither(() -> MarketDataErrors.instrumentNotFound(command.instrument()))
                .flatMap(instrument -> spec(instrument, command).toEither().mapLeft(MarketDataErrors::invalid))
                .flatMap(spec -> {
                    ImportJob job = ImportJob.queue(command.owner(), command.instrument(), command.timeframe(),
                            command.dataset(), "synthetic seed " + spec.seed() + ", " + spec.count() + " candles",
                            clock.now());
                    return queue.enqueue(job, () -> runner.run(job, spec.instrument(),
                            new SyntheticCandleSource(spec)));
                });
    }

    static Validation<io.vavr.collection.Seq<Violation>, SyntheticSpec> spec(Instrument instrument,
                                                                            GenerateSyntheticCandlesCommand c) {
        var price = instrument.price(c.startPrice()).mapLeft(reason -> new Violation("startPrice", reason));
        var volume = instrument.quantity(c.baseVolume()).mapLeft(reason -> new Violation("baseVolume", reason));
        if (price.isLeft() || volume.isLeft()) {
            return Validation.invalid(List.of(price, volume).filter(Either::isLeft).map(Either::getLeft));
        }
        return SyntheticSpec.of(instrument, c.timeframe(), c.from(), c.count(), c.seed(), price.get(), c.drift(),
                c.volatility(), volume.get());
    }
}
