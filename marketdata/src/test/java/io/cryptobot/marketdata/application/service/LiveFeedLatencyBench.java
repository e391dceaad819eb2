package io.cryptobot.marketdata.application.service;

import static io.cryptobot.marketdata.application.service.LiveFeedFakes.M;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.out.LiveFeedWorkersPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.FindVenuesPort;
import io.cryptobot.marketdata.application.service.LiveFeedFakes.Store;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.live.LiveFeedSettings;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Closed candle to subscriber latency inside the process (not a timed test; run with {@code -Pbench}): the time from
 * a venue adapter's stream reporting a closed candle ({@code onClosedCandle}) to a subscriber's {@code onCandle},
 * through the real {@link LiveFeedService} on virtual threads as the application wires it (sequencing, freshness,
 * the store queue; the store itself is in memory). Candles are reported every {@code bench.live.gap.us}
 * microseconds (default 2,000) per feed, {@code bench.live.candles} per feed (default 3,000, the first 10 %
 * not counted). Scenarios: one feed with one subscriber; one feed with 500 subscribers (500 bots on one market);
 * 50 feeds with 4 subscribers each.
 */
class LiveFeedLatencyBench {
    private static final long FIRST = 1_767_225_600_000L;

    @Test
    void closed_candle_to_subscriber() throws Exception {
        int candles = Integer.getInteger("bench.live.candles", 3_000);
        long gapNanos = Long.getLong("bench.live.gap.us", 2_000) * 1_000;
        System.out.printf("LiveFeedLatencyBench: %d candles a feed, one every %d us, %d cores, load average %.2f%n",
                candles, gapNanos / 1_000, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        run("1 feed x 1 subscriber", 1, 1, candles, gapNanos);
        run("1 feed x 500 subscribers", 1, 500, candles, gapNanos);
        run("50 feeds x 4 subscribers", 50, 4, candles, gapNanos);
    }

    private void run(String name, int feeds, int subscribers, int candles, long gapNanos) throws Exception {
        BenchVenue venue = new BenchVenue();
        Map<InstrumentId, Instrument> instruments = new HashMap<>();
        ExecutorService feedThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
        ExecutorService writerThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
        LiveFeedWorkersPort workers = new LiveFeedWorkersPort() {
            @Override
            public Executor feeds() {
                return feedThreads;
            }

            @Override
            public Executor writers() {
                return writerThreads;
            }
        };
        LoadInstrumentPort catalog = new LoadInstrumentPort() {
            @Override
            public Option<Instrument> load(InstrumentId id) {
                return Option.of(instruments.get(id));
            }

            @Override
            public Page<Instrument> list(PageRequest page) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.List<Instrument> ofVenue(io.cryptobot.kernel.domain.Venue venue) {
                return instruments.values().stream().filter(i -> i.id().venue().equals(venue)).toList();
            }
        };
        Store store = new Store() {
            @Override
            public synchronized InsertOutcome insertAll(Instrument instrument, Timeframe timeframe, CandleFeed feed,
                                                        InsertProgress progress) {
                return super.insertAll(instrument, timeframe, feed, progress);
            }

            @Override
            public synchronized Option<Candle> latest(io.cryptobot.marketdata.domain.CandleView view, Instrument instrument, Timeframe timeframe) {
                return Option.none();
            }
        };
        LiveFeedService service = new LiveFeedService(catalog, venue, (interval, tick) -> { }, store, store,
                event -> { }, workers, new LiveFeedSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 500, 0,
                100, Duration.ofMinutes(1)), Instant::now, UUID::randomUUID);
        int counted = candles - candles / 10;
        long[][] latencies = new long[feeds * subscribers][counted];
        CountDownLatch done = new CountDownLatch(feeds * subscribers);
        java.util.List<LiveSubscription> subscriptions = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            Instrument instrument = Instrument.define("BENCH", "F" + f, "USDT", "0.01", "0.00001").get();
            instruments.put(instrument.id(), instrument);
            for (int s = 0; s < subscribers; s++) {
                long[] mine = latencies[f * subscribers + s];
                LiveCandleSubscriber subscriber = new LiveCandleSubscriber() {
                    int seen;

                    @Override
                    public void onCandle(LiveCandle candle) {
                        long now = System.nanoTime();
                        int index = (int) ((candle.openTime() - FIRST) / M);
                        int slot = index - (candles - counted);
                        if (slot >= 0) {
                            mine[slot] = now - venue.reported(candle.instrument(), index);
                        }
                        if (++seen == candles) {
                            done.countDown();
                        }
                    }
                };
                subscriptions.add(service.subscribe(LiveCandleRequest.fromNow(instrument.id(), Timeframe.M1),
                        subscriber).get());
            }
        }
        venue.awaitStreams(feeds);
        long next = System.nanoTime();
        for (int i = 0; i < candles; i++) {
            next += gapNanos;
            while (System.nanoTime() < next) {
                LockSupport.parkNanos(Math.max(1, next - System.nanoTime() - 50_000));
            }
            for (BenchVenue.Stream stream : venue.streams.values()) {
                stream.report(i);
            }
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every subscriber got every candle").isTrue();
        subscriptions.forEach(LiveSubscription::close);
        feedThreads.shutdown();
        writerThreads.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("  %-26s %,9d deliveries  p50 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %7.3f ms%n",
                name, all.length, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                all[(int) (all.length * 0.999)] / 1e6, all[all.length - 1] / 1e6);
    }

    /** A venue whose streams report consecutive 1m candles when the benchmark says so, noting when. */
    private static final class BenchVenue implements VenueMarketData, FindVenuesPort {
        @Override
        public java.util.List<VenueMarketData> all() {
            return java.util.List.of(this);
        }

        final Map<InstrumentId, Stream> streams = new ConcurrentHashMap<>();

        final class Stream implements CandleStream {
            final InstrumentId instrument;
            final CandleStreamListener listener;
            final long[] reportedAt = new long[1_000_000];

            Stream(InstrumentId instrument, CandleStreamListener listener) {
                this.instrument = instrument;
                this.listener = listener;
            }

            void report(int index) {
                BigDecimal price = BigDecimal.valueOf(6_000_000 + index % 1000, 2);
                VenueCandle candle = new VenueCandle(FIRST + index * M, price, price, price, price, BigDecimal.ONE);
                reportedAt[index] = System.nanoTime();
                listener.onClosedCandle(candle);
            }

            @Override
            public void close() {
                streams.remove(instrument);
            }
        }

        long reported(InstrumentId instrument, int index) {
            return streams.get(instrument).reportedAt[index];
        }

        void awaitStreams(int count) throws InterruptedException {
            while (streams.size() < count) {
                Thread.sleep(5);
            }
        }

        @Override
        public Option<VenueMarketData> venue(Venue venue) {
            return Option.some(this);
        }

        @Override
        public Venue venue() {
            return new Venue("BENCH");
        }

        @Override
        public Either<VenueFailure, Instant> serverTime() {
            return Either.right(Instant.now());
        }

        @Override
        public Either<VenueFailure, List<VenueSymbol>> symbols() {
            return Either.right(List.empty());
        }

        @Override
        public Set<Timeframe> timeframes() {
            return EnumSet.of(Timeframe.M1);
        }

        @Override
        public int maxCandlesPerPage() {
            return 1000;
        }

        @Override
        public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                              long fromOpenTime, long toOpenTime, int limit) {
            return Either.right(List.empty());
        }

        @Override
        public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
            Stream stream = new Stream(instrument, listener);
            streams.put(instrument, stream);
            listener.onConnected();
            return stream;
        }
    }
}
