package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.marketdata.application.port.in.FailInterruptedImportsUseCase;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.application.port.out.SaveImportJobPort;
import io.cryptobot.marketdata.domain.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
class FailInterruptedImportsService implements FailInterruptedImportsUseCase {
    static final String REASON = "interrupted by an application restart; nothing was stored, start the import again";
    private final LoadImportJobPort load;
    private final SaveImportJobPort save;
    private final Clock clock;

    FailInterruptedImportsService(LoadImportJobPort load, SaveImportJobPort save, Clock clock) {
        this.load = load;
        this.save = save;
        this.clock = clock;
    }

    @Override
    public int failInterrupted() {
        List<ImportJob> unfinished = load.unfinished();
        Instant now = clock.now();
        unfinished.forEach(job -> save.save(job.failed(REASON, now)));
        return unfinished.size();
    }
}
