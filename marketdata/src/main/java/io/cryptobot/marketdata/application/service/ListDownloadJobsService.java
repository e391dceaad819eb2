package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.ListDownloadJobsQuery;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListDownloadJobsService implements ListDownloadJobsQuery {
    private final LoadDownloadJobPort jobs;

    ListDownloadJobsService(LoadDownloadJobPort jobs) {
        this.jobs = jobs;
    }

    @Override
    public Page<DownloadJob> list(UserId caller, PageRequest page) {
        return jobs.list(caller, page);
    }
}
