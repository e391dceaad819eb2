package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.StartCandleImportCommand;
import io.cryptobot.marketdata.application.port.in.StartCandleImportUseCase;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportLimits;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.control.Either;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

@ApplicationScoped
class StartCandleImportService implements StartCandleImportUseCase {
    private final LoadInstrumentPort instruments;
    private final ImportJobQueue queue;
    private final ImportJobRunner runner;
    private final ImportLimits limits;
    private final Clock clock;

    StartCandleImportService(LoadInstrumentPort instruments, ImportJobQueue queue, ImportJobRunner runner,
                             ImportLimits limits, Clock clock) {
        this.instruments = instruments;
        this.queue = queue;
        this.runner = runner;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, ImportJob> start(StartCandleImportCommand command) {
        Either<DomainError, Instrument> instrument = instruments.load(command.instrument())
                .toEither(() -> MarketDataErrors.instrumentNotFound(command.instrument()));
        if (instrument.isLeft()) {
            delete(command);
            return Either.left(instrument.getLeft());
        }
        ImportJob job = ImportJob.queue(command.owner(), command.instrument(), command.timeframe(),
                command.dataset(), command.format().code() + " file " + command.fileName(), clock.now());
        FileCandleSource source = new FileCandleSource(command.file(), command.format(), instrument.get(),
                command.timeframe(), limits);
        Either<DomainError, ImportJob> queued = queue.enqueue(job, () -> runner.run(job, instrument.get(), source));
        if (queued.isLeft()) {
            delete(command);
        }
        return queued;
    }

    private static void delete(StartCandleImportCommand command) {
        try {
            Files.deleteIfExists(command.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
