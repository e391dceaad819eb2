package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.IdGenerator;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.in.LiveFeedStatusQuery;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.marketdata.application.port.out.LiveFeedWorkersPort;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.PublishFeedEventsPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.ScheduleTicksPort;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.live.LiveFeedSettings;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The live feeds of this instance, one per instrument and timeframe, reference counted: the first subscriber starts
 * a feed (one upstream stream on the venue), the last one to leave stops it. A periodic check measures each venue's
 * clock once and lets every feed of the venue judge its freshness, retry failed fetches and store what it received.
 */
@ApplicationScoped
class LiveFeedService implements SubscribeLiveCandlesUseCase, LiveFeedStatusQuery {
    private final LoadInstrumentPort instruments;
    private final FindVenuesPort venues;
    private final ScheduleTicksPort ticks;
    private final FeedContext context;
    private final Map<Key, Running> feeds = new HashMap<>();
    private boolean ticking;

    private record Key(InstrumentId instrument, Timeframe timeframe) {
    }

    private static final class Running {
        final LiveFeed feed;
        final VenueMarketData venue;
        int subscribers;

        Running(LiveFeed feed, VenueMarketData venue) {
            this.feed = feed;
            this.venue = venue;
        }
    }

    LiveFeedService(LoadInstrumentPort instruments, FindVenuesPort venues, ScheduleTicksPort ticks,
                    LoadCandlesPort stored, SaveCandlesPort store, PublishFeedEventsPort events,
                    LiveFeedWorkersPort workers, LiveFeedSettings settings, Clock clock, IdGenerator ids) {
        this.instruments = instruments;
        this.venues = venues;
        this.ticks = ticks;
        this.context = new FeedContext(clock, ids, settings, stored, store, events, workers,
                new VenueClocks(clock, settings.clockMaxAge()));
    }

    @Override
    public Either<DomainError, LiveCandleRequest> check(LiveCandleRequest request) {
        return checked(request).map(ready -> request);
    }

    @Override
    public Either<DomainError, LiveSubscription> subscribe(LiveCandleRequest request, LiveCandleSubscriber subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Either<DomainError, Ready> ready = checked(request);
        if (ready.isLeft()) {
            return Either.left(ready.getLeft());
        }
        Instrument instrument = ready.get().instrument();
        VenueMarketData venue = ready.get().venue();
        Timeframe timeframe = request.timeframe();
        Key key = new Key(request.instrument(), timeframe);
        synchronized (this) {
            Running running = feeds.get(key);
            if (running == null) {
                running = new Running(new LiveFeed(instrument, timeframe, venue, context), venue);
                feeds.put(key, running);
                running.feed.start();
            }
            running.subscribers++;
            Running joined = running;
            LiveFeed.Member[] self = new LiveFeed.Member[1];
            self[0] = running.feed.join(subscriber, request.from(), request.lastClosed(),
                    () -> leave(key, joined, self[0]));
            startTicking();
            return Either.right(self[0]);
        }
    }

    private record Ready(Instrument instrument, VenueMarketData venue) {
    }

    /** The instrument and venue of a request, or everything it asks that cannot be served. */
    private Either<DomainError, Ready> checked(LiveCandleRequest request) {
        Option<Instrument> instrument = instruments.load(request.instrument());
        if (instrument.isEmpty()) {
            return Either.left(MarketDataErrors.instrumentNotFound(request.instrument()));
        }
        Venue code = request.instrument().venue();
        Option<VenueMarketData> venue = venues.venue(code);
        if (venue.isEmpty()) {
            return Either.left(new DomainError.Refused("marketdata.live.venue_unavailable", "venue " + code
                    + " has no live market data on this instance (not configured or disabled)"));
        }
        Timeframe timeframe = request.timeframe();
        List<Violation> problems = List.empty();
        if (!venue.get().timeframes().contains(timeframe)) {
            problems = problems.append(new Violation("timeframe", code + " streams " + venue.get().timeframes()
                    .stream().sorted().map(Timeframe::code).collect(Collectors.joining(" ")) + ", not "
                    + timeframe.code()));
        }
        if (request.from().isDefined()) {
            long from = request.from().get();
            long earliest = timeframe.floor(context.clock().now().toEpochMilli())
                    - MAX_CATCH_UP_CANDLES * timeframe.nominalLength().toMillis();
            if (!timeframe.isAligned(from)) {
                problems = problems.append(new Violation("from", "must be an open time of a " + timeframe.code()
                        + " candle"));
            } else if (from < earliest) {
                problems = problems.append(new Violation("from", "may be at most " + MAX_CATCH_UP_CANDLES
                        + " candles back; load older history instead"));
            }
        }
        if (request.lastClosed() > MAX_CATCH_UP_CANDLES) {
            problems = problems.append(new Violation("lastClosed", "may be at most " + MAX_CATCH_UP_CANDLES
                    + " candles; load older history instead"));
        }
        if (!problems.isEmpty()) {
            return Either.left(MarketDataErrors.invalid(problems));
        }
        return Either.right(new Ready(instrument.get(), venue.get()));
    }

    @Override
    public Option<FeedStatus> status(InstrumentId instrument, Timeframe timeframe) {
        synchronized (this) {
            return Option.of(feeds.get(new Key(instrument, timeframe))).map(running -> running.feed.status());
        }
    }

    @Override
    public List<FeedStatus> feeds(InstrumentId instrument) {
        synchronized (this) {
            return List.ofAll(feeds.entrySet()).filter(e -> e.getKey().instrument().equals(instrument))
                    .map(e -> e.getValue().feed.status()).sortBy(FeedStatus::timeframe);
        }
    }

    private synchronized void leave(Key key, Running running, LiveFeed.Member member) {
        running.feed.leave(member);
        running.subscribers--;
        if (running.subscribers == 0 && feeds.get(key) == running) {
            feeds.remove(key);
            running.feed.stop();
        }
    }

    private void startTicking() {
        if (!ticking) {
            ticking = true;
            ticks.every(context.settings().checkEvery().toMillis(), this::check);
        }
    }

    /** Measures each venue's clock once (on a feed worker: it may call the venue) and lets its feeds check. */
    private boolean check() {
        Map<VenueMarketData, java.util.List<LiveFeed>> byVenue = new HashMap<>();
        synchronized (this) {
            feeds.values().forEach(r -> byVenue.computeIfAbsent(r.venue, v -> new java.util.ArrayList<>())
                    .add(r.feed));
        }
        byVenue.forEach((venue, running) -> context.workers().feeds().execute(() -> {
            long venueNow = context.venueClocks().sample(venue);
            running.forEach(feed -> feed.check(venueNow));
        }));
        return true;
    }
}
