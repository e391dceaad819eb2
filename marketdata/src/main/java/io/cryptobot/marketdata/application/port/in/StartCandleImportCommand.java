package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Import the candles in {@code file} (a kline/CSV file or a zip of them) into {@code dataset}: the owner's private
 * dataset, or the shared data (the caller has checked that the owner is an admin). The use case takes ownership of
 * the file: it deletes it once the import has ended, whatever the outcome.
 */
public record StartCandleImportCommand(UserId owner, InstrumentId instrument, Timeframe timeframe,
                                       DatasetTarget dataset, ImportFormat format, Path file, String fileName) {
    public StartCandleImportCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        fileName = fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName;
    }
}
