package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.marketdata.application.port.in.DownloadAdmission;
import io.cryptobot.marketdata.application.port.in.FindCandleGapsQuery;
import io.cryptobot.marketdata.application.port.in.StartDownloadCommand;
import io.cryptobot.marketdata.application.port.in.StartDownloadUseCase;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.application.port.out.LoadDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.LoadVenueListingPort;
import io.cryptobot.marketdata.application.port.out.SaveDownloadJobPort;
import io.cryptobot.marketdata.application.port.out.SaveInstrumentPort;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadPolicy;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.Resampling;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.marketdata.domain.VenueListing;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Checks a download request against the venue before any job exists: the venue must be served, the timeframe
 * offered or derivable, and the pair listed by the venue (asked once, through the instrument sync, when the catalog
 * has no listing for it yet; a pair listed but not in the catalog is defined from the venue's rules). Then, under one
 * lock: the caller's identical unfinished job is returned as it is, the per-user cap is applied, the work is planned
 * (the whole range, or the store's gaps in it) and saved, and the job is handed to the download workers.
 */
@ApplicationScoped
class StartDownloadService implements StartDownloadUseCase {
    private final FindVenuesPort venues;
    private final LoadInstrumentPort instruments;
    private final SaveInstrumentPort newInstruments;
    private final LoadVenueListingPort listings;
    private final VenueInstrumentSync sync;
    private final FindCandleGapsQuery gaps;
    private final LoadDownloadJobPort loaded;
    private final SaveDownloadJobPort jobs;
    private final DownloadWorkers workers;
    private final DownloadPolicy policy;
    private final Clock clock;

    StartDownloadService(FindVenuesPort venues, LoadInstrumentPort instruments, SaveInstrumentPort newInstruments,
                         LoadVenueListingPort listings, VenueInstrumentSync sync, FindCandleGapsQuery gaps,
                         LoadDownloadJobPort loaded, SaveDownloadJobPort jobs, DownloadWorkers workers,
                         DownloadPolicy policy, Clock clock) {
        this.venues = venues;
        this.instruments = instruments;
        this.newInstruments = newInstruments;
        this.listings = listings;
        this.sync = sync;
        this.gaps = gaps;
        this.loaded = loaded;
        this.jobs = jobs;
        this.workers = workers;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, DownloadAdmission> start(StartDownloadCommand command) {
        DownloadRequest request = command.request();
        InstrumentId id = request.instrument();
        Option<VenueMarketData> served = venues.venue(id.venue());
        if (served.isEmpty()) {
            return Either.left(MarketDataErrors.venueNotServed(id.venue(),
                    venues.all().stream().map(VenueMarketData::venue).toList()));
        }
        VenueMarketData venue = served.get();
        Either<String, Timeframe> source = Resampling.sourceFor(request.timeframe(), venue.timeframes());
        if (source.isLeft()) {
            return Either.left(MarketDataErrors.timeframeNotOffered(request.timeframe(), source.getLeft()));
        }
        return listedInstrument(venue, id).flatMap(instrument -> admit(command, source.get(), instrument, venue));
    }

    private Either<DomainError, DownloadAdmission> admit(StartDownloadCommand command, Timeframe source,
                                                         Instrument instrument, VenueMarketData venue) {
        DownloadRequest request = command.request();
        DownloadJob job;
        synchronized (this) {
            Option<DownloadJob> underway = loaded.unfinished(command.owner(), request);
            if (underway.isDefined()) {
                return Either.right(new DownloadAdmission.AlreadyUnderway(underway.get()));
            }
            if (loaded.unfinishedCount(command.owner()) >= policy.maxUnfinishedPerUser()) {
                return Either.left(MarketDataErrors.tooManyUnfinishedDownloads(policy.maxUnfinishedPerUser()));
            }
            Either<DomainError, List<TimeRange>> wanted = request.fillGaps()
                    ? gaps.sharedGaps(request.instrument(), request.timeframe(), request.range())
                            .map(found -> found.stream().map(g -> new TimeRange(g.start(), g.end())).toList())
                    : Either.right(List.of(request.range()));
            if (wanted.isLeft()) {
                return Either.left(wanted.getLeft());
            }
            job = DownloadJob.plan(command.owner(), request, source, wanted.get(), clock.now());
            jobs.save(job);
        }
        workers.submit(job, instrument, venue);
        return Either.right(new DownloadAdmission.Queued(job));
    }

    /** The catalog instrument, once the venue is known to list it; defined from the venue's rules if new. */
    private Either<DomainError, Instrument> listedInstrument(VenueMarketData venue, InstrumentId id) {
        Option<VenueListing> listing = listings.load(id);
        Option<Instrument> known = instruments.load(id);
        if (listing.exists(VenueListing::listed) && known.isDefined()) {
            return Either.right(known.get());
        }
        Either<VenueFailure, VenueInstrumentSync.Round> round = sync.sync(venue);
        if (round.isLeft()) {
            VenueFailure failure = round.getLeft();
            long retryAfter = failure instanceof VenueFailure.RateLimited limited ? limited.retryAfter().toSeconds() : 5;
            return Either.left(MarketDataErrors.venueUnavailable(venue.venue(), failure.describe(), retryAfter));
        }
        Option<VenueSymbol> symbol = Option.ofOptional(round.get().symbols().stream()
                .filter(s -> s.instrument().equals(id)).findFirst());
        if (symbol.isEmpty()) {
            return Either.left(MarketDataErrors.notOnVenue(id));
        }
        if (known.isDefined()) {
            return Either.right(known.get());
        }
        Either<String, Instrument> defined = Instrument.fromVenue(symbol.get());
        if (defined.isLeft()) {
            return Either.left(MarketDataErrors.venueRulesUnusable(id, defined.getLeft()));
        }
        // a concurrent request may have defined it meanwhile: the stored definition wins
        newInstruments.insertIfAbsent(defined.get());
        Instrument stored = instruments.load(id).getOrElse(defined.get());
        sync.listed(stored, symbol.get());
        return Either.right(stored);
    }
}
