package io.cryptobot.exchange.adapter.out.venue.sim;

import io.cryptobot.exchange.domain.market.SimSymbol;
import io.cryptobot.exchange.domain.market.SimulatedClock;
import io.cryptobot.exchange.domain.market.SimulatedMarket;
import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.Venue;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The built-in simulated live venue {@code SIM}: the seeded random walks of {@link SimulatedMarket} served as a
 * venue's public market data, in real time or {@code speed} times faster ({@link SimulatedClock}). Its history and
 * its streams are the same function of (seed, symbol, open time), so they always agree, and a restart shows the
 * same past. Never fails, never rate-limits: it is the venue a machine without internet trades on.
 *
 * <p>Streams run on one daemon thread: each wakes when its next candle closes on the venue's clock and reports every
 * candle closed since (more than one only if the thread was held up), then sleeps again.
 */
@ApplicationScoped
@LookupIfProperty(name = "cryptobot.venues.sim.enabled", stringValue = "true", lookupIfMissing = true)
class SimVenueMarketData implements VenueMarketData {
    static final Venue SIM = new Venue("SIM");
    static final int MAX_PAGE = 1000;
    /** {@code cryptobot.venues.sim.listed-from}'s default: the first minute of every symbol's history. */
    static final Instant LISTED_FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Logger LOG = Logger.getLogger(SimVenueMarketData.class);
    private final Clock clock;
    private final SimulatedClock time;
    private final SimulatedMarket market;
    private final long listedFrom;
    private final Map<InstrumentId, SimSymbol> symbols = new LinkedHashMap<>();
    private final ScheduledExecutorService streams = AppThreads.timer("sim-venue");

    @Inject
    SimVenueMarketData(SimVenueConfig config, Clock clock) {
        this(config.seed(), config.speed(), config.anchor().orElseGet(clock::now), config.listedFrom(), config.symbols(),
                clock);
    }

    SimVenueMarketData(long seed, long speed, String symbolList, Clock clock) {
        this(seed, speed, clock.now(), symbolList, clock);
    }

    SimVenueMarketData(long seed, long speed, Instant anchor, String symbolList, Clock clock) {
        this(seed, speed, anchor, LISTED_FROM, symbolList, clock);
    }

    SimVenueMarketData(long seed, long speed, Instant anchor, Instant listedFrom, String symbolList, Clock clock) {
        this.listedFrom = listedFrom.toEpochMilli();
        this.clock = clock;
        this.time = new SimulatedClock(anchor, speed);
        this.market = new SimulatedMarket(seed);
        List<SimSymbol> parsed = SimSymbol.parseAll(SIM, symbolList).fold(problems -> {
            throw new IllegalStateException("cryptobot.venues.sim.symbols: " + problems.mkString("; "));
        }, valid -> valid);
        parsed.forEach(symbol -> symbols.put(symbol.instrument(), symbol));
    }

    @Override
    public Venue venue() {
        return SIM;
    }

    @Override
    public Either<VenueFailure, Instant> serverTime() {
        return Either.right(Instant.ofEpochMilli(now()));
    }

    @Override
    public Either<VenueFailure, List<VenueSymbol>> symbols() {
        return Either.right(List.ofAll(symbols.values()).map(SimSymbol::listing));
    }

    @Override
    public Set<Timeframe> timeframes() {
        return SimulatedMarket.timeframes();
    }

    @Override
    public int maxCandlesPerPage() {
        return MAX_PAGE;
    }

    @Override
    public Either<VenueFailure, List<VenueCandle>> candles(InstrumentId instrument, Timeframe timeframe,
                                                          long fromOpenTime, long toOpenTime, int limit) {
        SimSymbol symbol = symbols.get(instrument);
        if (symbol == null) {
            return Either.left(new VenueFailure.Rejected(400, "-1121", "Invalid symbol."));
        }
        if (!SimulatedMarket.timeframes().contains(timeframe)) {
            return Either.left(new VenueFailure.Rejected(400, "-1120", "Invalid interval."));
        }
        long stillOpen = timeframe.floor(now());
        // like Binance's klines with a startTime before the listing: the first candles from the listing on
        return Either.right(market.candles(symbol, timeframe, Math.max(fromOpenTime, listedFrom),
                Math.min(toOpenTime, stillOpen), Math.min(limit, MAX_PAGE)));
    }

    @Override
    public CandleStream stream(InstrumentId instrument, Timeframe timeframe, CandleStreamListener listener) {
        SimSymbol symbol = symbols.get(instrument);
        if (symbol == null || !SimulatedMarket.timeframes().contains(timeframe)) {
            String reason = symbol == null ? "SIM does not list " + instrument.symbol()
                    : "SIM does not stream " + timeframe.code();
            streams.execute(() -> listener.onDisconnected(reason));
            return () -> { };
        }
        Stream stream = new Stream(symbol, timeframe, listener);
        streams.execute(stream::start);
        return stream;
    }

    private long now() {
        return time.venueMillis(clock.now().toEpochMilli());
    }

    @PreDestroy
    void stop() {
        streams.shutdownNow();
    }

    private final class Stream implements CandleStream {
        private final SimSymbol symbol;
        private final Timeframe timeframe;
        private final CandleStreamListener listener;
        private volatile boolean closed;
        private volatile ScheduledFuture<?> wake;
        private long next;

        Stream(SimSymbol symbol, Timeframe timeframe, CandleStreamListener listener) {
            this.symbol = symbol;
            this.timeframe = timeframe;
            this.listener = listener;
        }

        void start() {
            if (closed) {
                return;
            }
            next = timeframe.floor(now());
            listener.onConnected();
            sleep();
        }

        private void fire() {
            long now = now();
            while (!closed && timeframe.next(next) <= now) {
                VenueCandle candle = market.candle(symbol, timeframe, next);
                next = timeframe.next(next);
                try {
                    listener.onClosedCandle(candle);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "a listener of SIM %s %s failed", symbol.instrument(), timeframe.code());
                }
            }
            sleep();
        }

        private void sleep() {
            if (!closed) {
                long delay = time.wallMillisUntil(timeframe.next(next), clock.now().toEpochMilli());
                wake = streams.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> pending = wake;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
