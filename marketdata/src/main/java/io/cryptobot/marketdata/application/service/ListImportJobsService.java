package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.ListImportJobsQuery;
import io.cryptobot.marketdata.application.port.out.LoadImportJobPort;
import io.cryptobot.marketdata.domain.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListImportJobsService implements ListImportJobsQuery {
    private final LoadImportJobPort jobs;

    ListImportJobsService(LoadImportJobPort jobs) {
        this.jobs = jobs;
    }

    @Override
    public Page<ImportJob> list(UserId caller, PageRequest page) {
        return jobs.list(caller, page);
    }
}
