package io.cryptobot.marketdata.application.port.out;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.vavr.control.Option;
import java.util.List;

public interface LoadDownloadJobPort {
    /** The job if it exists and belongs to {@code owner}. */
    Option<DownloadJob> load(UserId owner, DownloadJobId id);

    Page<DownloadJob> list(UserId owner, PageRequest page);

    /** How many of {@code owner}'s downloads are queued or running. */
    int unfinishedCount(UserId owner);

    /** {@code owner}'s queued or running download of exactly this request, if there is one. */
    Option<DownloadJob> unfinished(UserId owner, DownloadRequest request);

    /** Whether the job has been canceled (read from the store at every page of a running job). */
    boolean canceled(DownloadJobId id);

    /** Every owner's queued or running downloads, oldest first. */
    List<DownloadJob> unfinished();
}
