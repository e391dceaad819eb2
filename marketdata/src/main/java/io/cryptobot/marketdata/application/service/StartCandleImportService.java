package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.marketdata.application.port.in.StartCandleImportCommand;
import io.cryptobot.marketdata.application.port.in.StartCandleImportUseCase;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.RunInBackgroundPort;
import io.cryptobot.marketdata.application.port.out.SaveImportJobPort;
import io.cryptobot.marketdata.domain.ImportJob;
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
    private final SaveImportJobPort jobs;
    private final RunInBackgroundPort background;
    private final ImportJobRunner runner;
    private final Clock clock;

    StartCandleImportService(LoadInstrumentPort instruments, SaveImportJobPort jobs, RunInBackgroundPort background,
                             ImportJobRunner runner, Clock clock) {
        this.instruments = instruments;
        this.jobs = jobs;
        this.background = background;
        this.runner = runner;
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
                command.format().code() + " file " + command.fileName(), clock.now());
        jobs.save(job);
        FileCandleSource source = new FileCandleSource(command.file(), command.format(), instrument.get(),
                command.timeframe());
        background.run(() -> runner.run(job, instrument.get(), source));
        return Either.right(job);
    }

    private static void delete(StartCandleImportCommand command) {
        try {
            Files.deleteIfExists(command.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
