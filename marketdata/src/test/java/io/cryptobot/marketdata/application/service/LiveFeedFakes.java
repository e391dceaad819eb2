package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.out.LiveFeedWorkersPort;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.PublishFeedEventsPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.application.port.out.ScheduleTicksPort;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.marketdata.domain.event.LiveFeedEvent;
import io.cryptobot.marketdata.domain.live.LiveFeedSettings;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/** In-memory out-ports for the live feed tests: a scripted venue, a store, a clock and hand-driven threads. */
final class LiveFeedFakes {
    static final long M = 60_000L;
    static final Venue VENUE = new Venue("SCRIPT");
    static final Instrument BTC = Instrument.define("SCRIPT", "BTC", "USDT", "0.01", "0.00001").get();

    private LiveFeedFakes() {
    }

    static LiveFeedSettings settings() {
        return new LiveFeedSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 50, 1000, 20, Duration.ofMinutes(1));
    }

    static final class TestClock implements Clock {
        Instant now;

        TestClock(long millis) {
            now = Instant.ofEpochMilli(millis);
        }

        @Override
        public Instant now() {
            return now;
        }

        void set(long millis) {
            now = Instant.ofEpochMilli(millis);
        }

        long millis() {
            return now.toEpochMilli();
        }
    }

    /** Tasks run when the test says so, in order. */
    static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    static final class Workers implements LiveFeedWorkersPort {
        final ManualExecutor writers = new ManualExecutor();
        /** The feeds' pool: on the caller's thread unless a test sets it before a feed starts. */
        Executor feeds = Runnable::run;

        @Override
        public Executor feeds() {
            return feeds;
        }

        @Override
        public Executor writers() {
            return writers;
        }
    }

    static final class Ticks implements ScheduleTicksPort {
        BooleanSupplier tick;
        long interval;

        @Override
        public void every(long intervalMillis, BooleanSupplier tick) {
            this.tick = tick;
            this.interval = intervalMillis;
        }

        void tick() {
            if (tick != null) {
                tick.getAsBoolean();
            }
        }
    }

    static final class Events implements PublishFeedEventsPort {
        final java.util.List<LiveFeedEvent> published = new ArrayList<>();

        @Override
        public void publish(LiveFeedEvent event) {
            published.add(event);
        }
    }

    static final class Instruments implements LoadInstrumentPort {
        @Override
        public Option<Instrument> load(InstrumentId id) {
            return id.equals(BTC.id()) ? Option.some(BTC) : Option.none();
        }

        @Override
        public Page<Instrument> list(PageRequest page) {
            throw new UnsupportedOperationException("not used by live feeds");
        }

        @Override
        public java.util.List<Instrument> ofVenue(io.cryptobot.kernel.domain.Venue venue) {
            return BTC.id().venue().equals(venue) ? java.util.List.of(BTC) : java.util.List.of();
        }
    }

    /** The shared candle store: what live feeds wrote, read back by open time. */
    static class Store implements LoadCandlesPort, SaveCandlesPort {

        @Override
        public io.vavr.control.Either<LimitPassed, InsertOutcome> insertPrivate(io.cryptobot.kernel.domain.UserId owner,
                Instrument instrument, Timeframe timeframe, CandleFeed feed, InsertProgress progress,
                io.cryptobot.marketdata.domain.StoredCandlesLimit limit) {
            throw new UnsupportedOperationException("this fake holds shared data only (downloads and live feeds)");
        }
        final TreeMap<Long, Candle> candles = new TreeMap<>();
        int transactions;
        boolean failing;

        @Override
        public CandleBatch load(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range, int limit) {
            CandleBatch batch = new CandleBatch(instrument.priceScale(), instrument.quantityScale(), 16);
            candles.subMap(range.from(), range.to()).values().stream().limit(limit).forEach(batch::accept);
            return batch;
        }

        @Override
        public Option<Candle> latest(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe) {
            return candles.isEmpty() ? Option.none() : Option.some(candles.lastEntry().getValue());
        }

        @Override
        public long[] contiguousRuns(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe, TimeRange range) {
            throw new UnsupportedOperationException("not used by live feeds");
        }

        @Override
        public InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed,
                                       InsertProgress progress) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            transactions++;
            long[] counts = new long[2];
            feed.forEachBatch(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    counts[0]++;
                    if (candles.putIfAbsent(batch.openTime(i), batch.candle(i)) == null) {
                        counts[1]++;
                    }
                }
            });
            return new InsertOutcome(counts[0], counts[1]);
        }
    }

    /** Records what a subscriber was told. */
    static final class Recorder implements LiveCandleSubscriber {
        final java.util.List<LiveCandle> candles = new ArrayList<>();
        final java.util.List<FeedStatus> statuses = new ArrayList<>();
        /** Ranges told unavailable, as "from-to: reason", in the order told, with the candles' count before each. */
        final java.util.List<String> unavailable = new ArrayList<>();

        @Override
        public void onCandle(LiveCandle candle) {
            candles.add(candle);
        }

        @Override
        public void onHistoryUnavailable(long fromOpenTime, long toOpenTime, String reason) {
            unavailable.add("after " + candles.size() + ": " + fromOpenTime + "-" + toOpenTime + ": " + reason);
        }

        @Override
        public void onStatus(FeedStatus status) {
            statuses.add(status);
        }

        java.util.List<Long> openTimes() {
            return candles.stream().map(LiveCandle::openTime).toList();
        }
    }

    /**
     * A venue whose series is fixed in advance (with holes it really has) and whose stream the test drives: connect,
     * disconnect, emit, repeat. Its history answers only closed candles, and fails at random when told to.
     */
    static final class ScriptedVenue implements VenueMarketData, FindVenuesPort {
        @Override
        public java.util.List<VenueMarketData> all() {
            return java.util.List.of(this);
        }

        final TreeMap<Long, VenueCandle> series = new TreeMap<>();
        final java.util.List<VenueSymbol> symbols = new ArrayList<>();
        Venue code = VENUE;
        final TestClock clock;
        final Random random;
        double failureRate;
        int pageSize = 7;
        /** How long after its close the venue's history first serves a candle (OKX confirms it a moment later). */
        long servedAfterClose;
        /** A request for a range starting before this is refused with {@code refusal} (a refusal for good). */
        long refusedBefore = Long.MIN_VALUE;
        VenueFailure refusal = new VenueFailure.Rejected(400, "51000", "Parameter after error");
        int streamsOpened;
        int streamsOpen;
        int historyCalls;
        CandleStreamListener listener;
        boolean connected;

        ScriptedVenue(TestClock clock, Random random) {
            this.clock = clock;
            this.random = random;
        }

        /** Minutes {@code [first, first + count)} with about {@code holeRate} of them missing on the venue. */
        ScriptedVenue withSeries(long first, int count, double holeRate) {
            long price = 6_000_000;
            for (long minute = first; minute < first + count; minute++) {
                long close = Math.max(100, price + random.nextInt(2001) - 1000);
                if (random.nextDouble() >= holeRate) {
                    long high = Math.max(price, close) + random.nextInt(300);
                    long low = Math.min(price, close) - random.nextInt(300);
                    series.put(minute * M, new VenueCandle(minute * M, BigDecimal.valueOf(price, 2),
                            BigDecimal.valueOf(high, 2), BigDecimal.valueOf(low, 2), BigDecimal.valueOf(close, 2),
                            BigDecimal.valueOf(random.nextInt(1_000_000), 5)));
                }
                price = close;
            }
            return this;
        }

        @Override
        public Option<VenueMarketData> venue(Venue venue) {
            return venue.equals(code) ? Option.some(this) : Option.none();
        }

        @Override
        public Venue venue() {
            return code;
        }

        @Override
        public Either<VenueFailure, Instant> serverTime() {
            return Either.right(clock.now());
        }

        @Override
        public Either<VenueFailure, List<VenueSymbol>> symbols() {
            return Either.right(List.ofAll(symbols));
        }

        @Override
        public Set<Timeframe> timeframes() {
            return EnumSet.of(Timeframe.M1, Timeframe.M5);
        }

        @Override
        public int maxCandlesPerPage() {
            return pageSize;
        }

        @Override
        public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                              long fromOpenTime, long toOpenTime, int limit) {
            historyCalls++;
            if (fromOpenTime < refusedBefore) {
                return Either.left(refusal);
            }
            if (random.nextDouble() < failureRate) {
                return Either.left(random.nextBoolean() ? new VenueFailure.Unavailable("connection reset")
                        : new VenueFailure.RateLimited(Duration.ofSeconds(2), false));
            }
            long closedBefore = Timeframe.M1.floor(clock.millis() - servedAfterClose);
            return Either.right(List.ofAll(series.subMap(fromOpenTime, Math.min(toOpenTime, closedBefore)).values())
                    .take(Math.min(limit, pageSize)));
        }

        @Override
        public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
            streamsOpened++;
            streamsOpen++;
            this.listener = listener;
            return () -> {
                streamsOpen--;
                this.listener = null;
                connected = false;
            };
        }

        void connect() {
            connected = true;
            listener.onConnected();
        }

        void disconnect() {
            connected = false;
            listener.onDisconnected("scripted drop");
        }

        void emit(long openTime) {
            VenueCandle candle = series.get(openTime);
            if (connected && candle != null) {
                listener.onClosedCandle(candle);
            }
        }

        /** The venue's candles opening in [from, to), as the instrument stores them. */
        java.util.List<Long> openTimes(long from, long to) {
            return java.util.List.copyOf(series.subMap(from, to).keySet());
        }
    }

    static UUID id() {
        return UUID.randomUUID();
    }
}
