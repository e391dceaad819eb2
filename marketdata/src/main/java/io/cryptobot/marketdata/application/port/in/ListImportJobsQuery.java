package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.ImportJob;

/** The caller's own jobs, newest first. */
public interface ListImportJobsQuery {
    Page<ImportJob> list(UserId caller, PageRequest page);
}
