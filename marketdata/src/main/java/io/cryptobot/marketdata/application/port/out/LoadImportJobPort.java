package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportJobId;
import io.vavr.control.Option;

public interface LoadImportJobPort {
    /** The job if it exists and belongs to {@code owner}. */
    Option<ImportJob> load(UserId owner, ImportJobId id);

    Page<ImportJob> list(UserId owner, PageRequest page);

    /** How many of {@code owner}'s jobs have not finished (queued, validating or importing). */
    int unfinishedCount(UserId owner);

    /** Every owner's jobs that have not finished (queued, validating or importing). */
    java.util.List<ImportJob> unfinished();
}
