package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.vavr.collection.Seq;

/** The errors this context returns, with their stable codes. */
public final class MarketDataErrors {
    private MarketDataErrors() {
    }

    public static DomainError invalid(Seq<Violation> violations) {
        return new DomainError.Invalid("marketdata.invalid_input", "the request has " + violations.size()
                + " invalid field(s)", violations.toJavaList());
    }

    public static DomainError instrumentNotFound(InstrumentId id) {
        return new DomainError.NotFound("marketdata.instrument.not_found", "no instrument " + id);
    }

    public static DomainError instrumentExists(InstrumentId id) {
        return new DomainError.Conflict("marketdata.instrument.exists", "instrument " + id + " is already defined");
    }

    public static DomainError importNotFound(ImportJobId id) {
        return new DomainError.NotFound("marketdata.import.not_found", "no import " + id);
    }

    /** Fairness between users: one user's uploads may not fill the import queue for everyone. */
    public static DomainError tooManyUnfinishedImports(int limit) {
        return new DomainError.RateLimited("marketdata.import.too_many_unfinished", "you already have " + limit
                + " imports queued or running (limit max-unfinished-per-user = " + limit
                + "); wait for one to finish", 5);
    }

    public static DomainError noCandles(InstrumentId id, Timeframe timeframe) {
        return new DomainError.NotFound("marketdata.candles.none", "no " + timeframe.code() + " candles for " + id);
    }

    public static DomainError downloadNotFound(DownloadJobId id) {
        return new DomainError.NotFound("marketdata.download.not_found", "no download " + id);
    }

    /** No venue adapter serves market data for this venue code. */
    /** A completed or failed download has nothing left to cancel. */
    public static DomainError downloadNotCancellable(DownloadJob job) {
        return new DomainError.Conflict("marketdata.download.not_cancellable", "download " + job.id() + " is already "
                + job.status().code() + "; only a queued or running download can be canceled");
    }

    public static DomainError venueNotServed(Venue venue, java.util.Collection<Venue> served) {
        return new DomainError.Refused("marketdata.download.venue_not_served", "no market data is available from "
                + venue + "; venues served: " + (served.isEmpty() ? "none" : served.stream().map(Venue::code)
                .sorted().collect(java.util.stream.Collectors.joining(", "))));
    }

    /** The venue's own symbol list does not have the pair: there is nothing to download. */
    public static DomainError notOnVenue(InstrumentId id) {
        return new DomainError.Refused("marketdata.download.not_on_venue", id.venue() + " does not list "
                + id.symbol());
    }

    public static DomainError timeframeNotOffered(Timeframe timeframe, String why) {
        return new DomainError.Refused("marketdata.download.timeframe_not_offered", "no " + timeframe.code()
                + " candles can be downloaded: " + why);
    }

    /** The venue's listing cannot become an instrument here (a tick or step with too many decimals). */
    public static DomainError venueRulesUnusable(InstrumentId id, String why) {
        return new DomainError.Refused("marketdata.download.venue_rules_unusable", "the venue's rules for " + id
                + " cannot define an instrument: " + why);
    }

    /** Asking the venue whether it lists the pair failed; nothing was started. */
    public static DomainError venueUnavailable(Venue venue, String why, long retryAfterSeconds) {
        return new DomainError.Unavailable("marketdata.venue.unavailable", venue + " could not be asked for its "
                + "instruments (" + why + "); nothing was started", Math.max(1, retryAfterSeconds));
    }

    public static DomainError tooManyUnfinishedDownloads(int limit) {
        return new DomainError.RateLimited("marketdata.download.too_many_unfinished", "you already have " + limit
                + " downloads queued or running (limit max-unfinished-per-user = " + limit
                + "); wait for one to finish", 5);
    }

    /** Shared reference data is what every user's backtests and bots read: only an admin may write it. */
    public static DomainError sharedDataNeedsAdmin() {
        return new DomainError.Forbidden("marketdata.dataset.shared_needs_admin", "only an admin may store candles "
                + "in the shared data; leave dataset out (or set it to private) to store them in your own dataset");
    }

    /** The caller already stores as many private candles as they may. */
    public static DomainError storedLimitReached(StoredCandlesLimit limit, long stored) {
        return limit.limit().exceededBy("marketdata.dataset.limit_reached", "you store " + stored
                + " candles in your datasets, the most you may; delete a dataset (DELETE /api/marketdata/datasets/...) "
                + "to make room");
    }

    /** Why an import failed when storing its candles would have passed the owner's limit. */
    public static String storedLimitPassed(StoredCandlesLimit limit, long wouldStore) {
        return "storing these candles would bring your datasets to " + wouldStore + " candles, more than you may "
                + "store " + limit.named() + "; nothing was stored";
    }

    public static DomainError datasetNotFound(InstrumentId instrument, Timeframe timeframe) {
        return new DomainError.NotFound("marketdata.dataset.not_found", "no private dataset of " + instrument + " "
                + timeframe.code());
    }
}
