package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DownloadJob;

/** The caller's own downloads, newest first. */
public interface ListDownloadJobsQuery {
    Page<DownloadJob> list(UserId caller, PageRequest page);
}
