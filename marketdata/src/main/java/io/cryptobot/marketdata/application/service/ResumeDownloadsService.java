package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.ResumeDownloadsUseCase;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.SaveDownloadJobPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.Instrument;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

/** A job whose venue or instrument is gone since (an adapter no longer configured) fails with that reason. */
@ApplicationScoped
class ResumeDownloadsService implements ResumeDownloadsUseCase {
    private final LoadDownloadJobPort loaded;
    private final SaveDownloadJobPort jobs;
    private final LoadInstrumentPort instruments;
    private final FindVenuesPort venues;
    private final DownloadWorkers workers;
    private final Clock clock;

    ResumeDownloadsService(LoadDownloadJobPort loaded, SaveDownloadJobPort jobs, LoadInstrumentPort instruments,
                           FindVenuesPort venues, DownloadWorkers workers, Clock clock) {
        this.loaded = loaded;
        this.jobs = jobs;
        this.instruments = instruments;
        this.venues = venues;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public int resumeUnfinished() {
        int handed = 0;
        for (DownloadJob job : loaded.unfinished()) {
            Option<VenueMarketData> venue = venues.venue(job.request().instrument().venue());
            Option<Instrument> instrument = instruments.load(job.request().instrument());
            if (venue.isEmpty() || instrument.isEmpty()) {
                jobs.save(job.failed("could not go on after the restart: " + (venue.isEmpty()
                        ? "no market data is available from " + job.request().instrument().venue() + " any more"
                        : "the instrument is no longer in the catalog"), clock.now()));
                continue;
            }
            if (workers.submit(job, instrument.get(), venue.get())) {
                handed++;
            }
        }
        return handed;
    }
}
