package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Limit;
import io.cryptobot.kernel.domain.OwnerLocks;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.marketdata.application.port.in.ReplayFeedUseCase;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.LoadInstrumentPort;
import io.cryptobot.marketdata.application.port.out.ScheduleTicksPort;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.CandleView;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.Replay;
import io.cryptobot.marketdata.domain.TimeRange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays stored candles, as the replay's owner sees them (their private candles over the shared ones), on a
 * real-time schedule: candle {@code k} (0-based) is published once {@code (k + 1) × timeframe / speed} has passed
 * since the start, read page by page from storage, to every current subscriber. A tick publishes every candle that
 * is due, so very high speeds are limited by the reader, not the tick rate. A user may have
 * {@link UserLimits#replaysRunning()} replays of their own running at once; the feeds of their bots are not counted
 * there (the bots-running limit bounds those).
 */
@ApplicationScoped
class ReplayFeedService implements ReplayFeedUseCase {
    /** Ended replays stay readable this long, then are forgotten. */
    static final long KEEP_ENDED_MILLIS = 3_600_000L;
    private static final int PAGE = 10_000;
    private static final int MAX_PER_TICK = 50_000;
    private final LoadInstrumentPort instruments;
    private final LoadCandlesPort candles;
    private final ScheduleTicksPort ticks;
    private final Limit running;
    private final OwnerLocks locks;
    private final Clock clock;
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    ReplayFeedService(LoadInstrumentPort instruments, LoadCandlesPort candles, ScheduleTicksPort ticks,
                      UserLimits limits, OwnerLocks locks, Clock clock) {
        this.instruments = instruments;
        this.candles = candles;
        this.ticks = ticks;
        this.running = limits.replaysRunning();
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public Either<DomainError, Replay> start(UserId owner, InstrumentId instrument, Timeframe timeframe, long from,
                                             long to, long speed) {
        return start(owner, instrument, timeframe, from, to, speed, true);
    }

    @Override
    public Either<DomainError, Replay> startForBot(UserId owner, InstrumentId instrument, Timeframe timeframe,
                                                   long from, long to, long speed) {
        return start(owner, instrument, timeframe, from, to, speed, false);
    }

    private Either<DomainError, Replay> start(UserId owner, InstrumentId instrument, Timeframe timeframe, long from,
                                              long to, long speed, boolean counted) {
        List<Violation> found = List.empty();
        Option<Instrument> known = instruments.load(instrument);
        if (known.isEmpty()) {
            found = found.append(new Violation("instrument", "unknown instrument " + instrument));
        }
        if (to <= from) {
            found = found.append(new Violation("to", "must be after from"));
        }
        found = found.appendAll(Replay.checkedSpeed(speed).fold(v -> v, ok -> List.empty()));
        if (!found.isEmpty()) {
            return Either.left(MarketDataErrors.invalid(found));
        }
        forgetEndedBefore(clock.now().toEpochMilli() - KEEP_ENDED_MILLIS);
        if (!counted) {
            return Either.right(open(owner, instrument, timeframe, from, to, speed, known.get(), false));
        }
        return locks.serialized(owner, () -> {
            long live = sessions.values().stream().filter(s -> s.counted && s.replay.owner().equals(owner)
                    && s.replay.isLive()).count();
            if (!running.admitsOneMore(live)) {
                return Either.left(running.reached("marketdata.replay.too_many", "you already have "
                        + running.max() + " replays running; stop one first", 5));
            }
            return Either.right(open(owner, instrument, timeframe, from, to, speed, known.get(), true));
        });
    }

    private Replay open(UserId owner, InstrumentId instrument, Timeframe timeframe, long from, long to, long speed,
                        Instrument known, boolean counted) {
        Replay replay = new Replay(UUID.randomUUID(), owner, instrument, timeframe, from, to, speed,
                Replay.Status.WAITING, 0, from, clock.now());
        sessions.put(replay.id(), new Session(replay, known, counted));
        return replay;
    }

    @Override
    public Either<DomainError, Replay> get(UserId owner, UUID id) {
        return session(owner, id).map(session -> session.replay);
    }

    @Override
    public Either<DomainError, Replay> stop(UserId owner, UUID id) {
        return session(owner, id).map(session -> {
            session.finish(Replay.Status.STOPPED);
            return session.replay;
        });
    }

    @Override
    public Either<DomainError, Multi<Candle>> candles(UserId owner, UUID id) {
        return session(owner, id).map(session -> session.replay.isLive()
                ? session.stream.toHotStream().onSubscription().invoke(session::startIfWaiting)
                : Multi.createFrom().empty());
    }

    private void forgetEndedBefore(long cutoff) {
        sessions.values().removeIf(session -> !session.replay.isLive() && session.endedAt < cutoff);
    }

    private Either<DomainError, Session> session(UserId owner, UUID id) {
        Session session = sessions.get(id);
        return session == null || !session.replay.owner().equals(owner)
                ? Either.left(new DomainError.NotFound("marketdata.replay.not_found", "no replay " + id))
                : Either.right(session);
    }

    /** One replay's state: the page being played and the stream it is published on. */
    private final class Session {
        private final Instrument instrument;
        /** Started through the API (counted against the replays limit), not as a bot's feed. */
        private final boolean counted;
        /** What the replay's owner sees: their own candles over the shared ones. */
        private final CandleView view;
        private final BroadcastProcessor<Candle> stream = BroadcastProcessor.create();
        private volatile Replay replay;
        private CandleBatch page;
        private int next;
        private volatile long endedAt = Long.MAX_VALUE;

        Session(Replay replay, Instrument instrument, boolean counted) {
            this.replay = replay;
            this.instrument = instrument;
            this.counted = counted;
            this.view = CandleView.of(replay.owner());
        }

        /** The first subscriber starts the clock. */
        synchronized void startIfWaiting() {
            if (replay.status() == Replay.Status.WAITING) {
                replay = replay.started(clock.now());
                ticks.every(Math.max(1, Math.min(1_000, replay.intervalMillis())), this::tick);
            }
        }

        /** Publishes every candle due by now; false once the replay has ended (the scheduler then stops). */
        synchronized boolean tick() {
            try {
                return publishDue();
            } catch (RuntimeException e) {
                finish(Replay.Status.FAILED);
                throw e;
            }
        }

        private boolean publishDue() {
            if (replay.status() != Replay.Status.RUNNING) {
                return false;
            }
            long elapsed = Math.max(0, clock.now().toEpochMilli() - replay.startedAt().toEpochMilli());
            long due = Math.floorDiv(elapsed * replay.speed(), replay.timeframe().nominalLength().toMillis());
            int published = 0;
            while (replay.emitted() < due && published < MAX_PER_TICK) {
                if (page == null || next >= page.size()) {
                    if (replay.nextOpenTime() >= replay.to()) {
                        finish(Replay.Status.COMPLETED);
                        return false;
                    }
                    page = candles.load(view, instrument, replay.timeframe(),
                            new TimeRange(replay.nextOpenTime(), replay.to()), PAGE);
                    next = 0;
                    if (page.isEmpty()) {
                        finish(Replay.Status.COMPLETED);
                        return false;
                    }
                }
                Candle candle = page.candle(next++);
                replay = replay.advanced(candle.openTime());
                stream.onNext(candle);
                published++;
            }
            return true;
        }

        synchronized void finish(Replay.Status end) {
            if (replay.isLive()) {
                replay = replay.finished(end);
                endedAt = clock.now().toEpochMilli();
                stream.onComplete();
            }
        }
    }
}
