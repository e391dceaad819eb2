package io.cryptobot.marketdata.application.service;

import io.cryptobot.marketdata.domain.CandleView;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.TimeRange;
import io.cryptobot.marketdata.domain.event.LiveFeedFreshAgain;
import io.cryptobot.marketdata.domain.event.LiveFeedWentStale;
import io.cryptobot.marketdata.domain.live.CandleFit;
import io.cryptobot.marketdata.domain.live.CandleSequence;
import io.cryptobot.marketdata.domain.live.FeedFreshness;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import org.jboss.logging.Logger;

/**
 * One live feed: one upstream stream of one instrument and timeframe, its {@link CandleSequence} (dedupe, order,
 * gaps fetched from the venue), its {@link FeedFreshness}, its subscribers, and the candles it has yet to store.
 *
 * <p>Everything it does runs as a task of its {@link SerialExecutor}: the stream's callbacks, the checks, joins and
 * leaves, and the end of each store write. Its state therefore needs no lock; only {@link #status()} is read from
 * other threads. A closed candle is handled on the stream's thread itself when no other task is running or queued
 * ({@link SerialExecutor#executeHere}; passing on never blocks); a fetch from the venue is always a task on the
 * feed's workers (never the stream's thread), and candles the stream reports meanwhile queue behind it, so nothing
 * later is passed on before the gap is filled.
 *
 * <p>Storing: passed-on candles wait in {@code unstored} and are written by a writer thread, {@code storeBatch} at
 * most in one transaction, a live candle at once, the rest at every check or as soon as a batch is full. {@code recent} keeps the latest candles and
 * every one not yet stored, so a subscriber catching up reads the store for older ones and memory for the rest.
 *
 * <p>A subscriber asking {@code from} a candle gets every candle from there, in order and once, before anything
 * live: it waits in {@code catchingUp} (no live candle reaches it) while the store is read from its cursor, and a
 * range the store lacks (never stored: a crash before the write, a store older than the feed's start) is fetched
 * from the venue like the feed's own gaps (one page per task, the same back-off after a refusal), stored, and handed
 * to it as history. A range the venue refuses to serve is told to it ({@code onHistoryUnavailable}), never skipped
 * silently. Once its cursor reaches what the feed holds in memory it is a member like the others; if the feed has
 * passed nothing on yet, the feed itself continues after the cursor, fetching up to the venue's now.
 */
final class LiveFeed implements VenueMarketData.CandleStreamListener {
    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final long NONE = Long.MIN_VALUE;
    private static final int STORE_PAGE = 10_000;
    private static final int MAX_UNSTORED = 100_000;
    /** How soon a range whose end closed only just now is asked again for what its history lacked. */
    private static final long UNSETTLED_RETRY_MILLIS = 500;
    private final Instrument instrument;
    private final Timeframe timeframe;
    private final VenueMarketData venue;
    private final FeedContext context;
    private final SerialExecutor work;
    private final Instant startedAt;
    private final long interval;
    private CandleSequence sequence;
    private FeedFreshness freshness;
    private VenueMarketData.CandleStream upstream;
    private boolean started;
    private boolean stopped;
    private boolean connected;
    private int connections;
    private long retryAt = NONE;
    private int failures;
    private long lastPoll = NONE;
    private final java.util.List<Member> members = new ArrayList<>();
    /** Subscribers still getting the history they asked for, served one at a time, first come first. */
    private final ArrayDeque<Member> catchingUp = new ArrayDeque<>();
    private boolean fetchedForMember;
    private final ArrayDeque<Candle> recent = new ArrayDeque<>();
    private final ArrayList<Candle> unstored = new ArrayList<>();
    private int writing;
    /** Read by the writer thread to log a failing store once; written only by the feed's tasks. */
    private volatile boolean storeFailing;
    private long storedThrough = NONE;
    private long delivered;
    private long backfilled;
    private long reconnections;
    private volatile FeedStatus status;
    /** The open time of the last candle the stream reported, and {@link System#nanoTime} when it did. */
    private long lastReceived = NONE;
    private long lastReceivedNanos;

    LiveFeed(Instrument instrument, Timeframe timeframe, VenueMarketData venue, FeedContext context) {
        this.instrument = instrument;
        this.timeframe = timeframe;
        this.venue = venue;
        this.context = context;
        this.work = new SerialExecutor(context.workers().feeds());
        this.startedAt = context.clock().now();
        this.interval = timeframe.nominalLength().toMillis();
        this.status = new FeedStatus(instrument.id(), timeframe, false, true, Option.none(), Option.none(), 0, 0, 0,
                0, startedAt);
    }

    FeedStatus status() {
        return status;
    }

    /**
     * Starts the feed: continues after the latest stored candle if it is recent enough (fetching what closed since),
     * then opens the upstream stream.
     */
    void start() {
        work.execute(() -> {
            long venueNow = context.venueClocks().sample(venue);
            Option<Long> latest = context.stored().latest(CandleView.shared(), instrument, timeframe).map(Candle::openTime)
                    .filter(open -> timeframe.floor(venueNow) - timeframe.next(open)
                            <= context.settings().startBackfillCandles() * interval);
            sequence = new CandleSequence(timeframe, latest);
            sequence.reconnected(venueNow);
            storedThrough = latest.getOrElse(NONE);
            freshness = new FeedFreshness(timeframe, venueNow);
            started = true;
            upstream = venue.stream(instrument.id(), timeframe, this);
            pump();
            statusChanged(false);
        });
    }

    /** Stops the upstream stream; what was received and not yet stored is still written. */
    void stop() {
        work.execute(() -> {
            stopped = true;
            members.clear();
            catchingUp.clear();
            if (upstream != null) {
                upstream.close();
            }
            store();
        });
    }

    /**
     * Adds a subscriber; with {@code from}, it first gets every candle from there up to the feed's latest (stored,
     * in memory, or fetched from the venue where the store lacks them); with {@code lastClosed} (and no
     * {@code from}), the latest that many candles the store and memory hold up to the feed's latest.
     */
    Member join(LiveCandleSubscriber subscriber, Option<Long> given, int lastClosed, Runnable leave) {
        Member member = new Member(subscriber, leave);
        work.execute(() -> {
            if (stopped) {
                return;
            }
            Option<Long> last = sequence.last();
            if (lastClosed > 0) {
                last.forEach(latest -> catchUp(member, latest - (lastClosed - 1L) * interval, last));
                members.add(member);
            } else if (given.isDefined() && last.isDefined() && given.get() > last.get()) {
                member.next = given.get();
                members.add(member);
            } else if (given.isDefined()) {
                member.cursor = given.get();
                catchingUp.addLast(member);
            } else {
                members.add(member);
            }
            statusChanged(false);
            member.status(status);
            pump();
        });
        return member;
    }

    void leave(Member member) {
        work.execute(() -> {
            members.remove(member);
            catchingUp.remove(member);
            statusChanged(false);
        });
    }

    /** A periodic look at the venue's clock ({@code venueNow}, just measured). */
    void check(long venueNow) {
        work.execute(() -> {
            if (stopped || !started) {
                return;
            }
            Option<Long> last = sequence.last();
            boolean overdue = last.isDefined() && venueNow >= timeframe.next(timeframe.next(last.get()))
                    + context.settings().lateAfter().toMillis();
            if (overdue && (lastPoll == NONE || venueNow - lastPoll >= interval)) {
                // a silent stream: ask the venue's history for what closed, at most once an interval
                lastPoll = venueNow;
                sequence.reconnected(venueNow);
            }
            pump();
            // judged after the poll: a feed is stale only when neither the stream nor the history had the candles
            freshness.check(venueNow).forEach(change -> {
                context.events().publish(new LiveFeedWentStale(meta(), instrument.id(), timeframe,
                        change.lastOpenTime(), change.millis()));
                LOG.warnf("live feed %s %s is stale: no closed candle for %d s", instrument, timeframe.code(),
                        change.millis() / 1000);
                statusChanged(true);
            });
            store();
        });
    }

    /**
     * A closed candle from the stream, handled on the stream's own thread when the feed is idle (no hand-off before
     * the subscribers have it): what is ready is passed on at once, which never blocks; a gap left to fetch from the
     * venue is fetched by a task of its own on the feed's workers, never on the stream's thread.
     */
    @Override
    public void onClosedCandle(VenueCandle candle) {
        // on the stream's thread: the moment the platform has the closed candle, before any hand-off
        long received = System.nanoTime();
        work.executeHere(() -> {
            if (stopped) {
                return;
            }
            lastReceived = candle.openTime();
            lastReceivedNanos = received;
            fit(candle).forEach(sequence::received);
            sequence.stragglers().forEach(this::outOfOrder);
            deliverReady();
            if (sequence.missing().isDefined() || !catchingUp.isEmpty()) {
                // a gap to fetch, or subscribers still catching up (their history retried, as at every candle)
                work.execute(() -> {
                    if (!stopped) {
                        pump();
                    }
                });
            }
        });
    }

    @Override
    public void onConnected() {
        work.execute(() -> {
            if (stopped) {
                return;
            }
            connected = true;
            connections++;
            if (connections > 1) {
                reconnections++;
                sequence.reconnected(context.venueClocks().sample(venue));
                LOG.infof("live feed %s %s reconnected; fetching what closed meanwhile", instrument,
                        timeframe.code());
            }
            pump();
            statusChanged(true);
        });
    }

    @Override
    public void onDisconnected(String reason) {
        work.execute(() -> {
            if (stopped) {
                return;
            }
            connected = false;
            LOG.infof("live feed %s %s disconnected: %s", instrument, timeframe.code(), reason);
            statusChanged(true);
        });
    }

    /**
     * Passes on whatever is ready, fetching missing ranges from the venue until none is left or a fetch fails; then
     * serves the subscribers catching up, in turn.
     */
    private void pump() {
        deliverReady();
        while (!stopped && context.clock().now().toEpochMilli() >= retryAt) {
            Option<CandleSequence.Range> gap = sequence.missing();
            boolean goOn;
            if (gap.isDefined()) {
                goOn = fill(gap.get());
            } else if (!catchingUp.isEmpty()) {
                fetchedForMember = false;
                goOn = catchUpStep(catchingUp.peekFirst());
                if (goOn && fetchedForMember) {
                    // one page of a subscriber's history per task: what the stream reported meanwhile goes first
                    work.execute(this::pump);
                    return;
                }
            } else {
                return;
            }
            if (!goOn) {
                return;
            }
        }
    }

    /** Fetches one page of the feed's own gap; false when the pump must wait (a failed fetch, an unsettled end). */
    private boolean fill(CandleSequence.Range gap) {
        int limit = venue.maxCandlesPerPage();
        long venueNow = context.venueClocks().now(venue.venue());
        Option<List<VenueCandle>> page = fetch(gap.from(), gap.to(), limit).toOption();
        if (page.isEmpty()) {
            return false;
        }
        List<VenueCandle> found = page.get();
        boolean complete = found.size() < limit;
        if (complete && venueNow < gap.to() + context.settings().lateAfter().toMillis()) {
            // the range's last candles closed only just now by the venue's clock: its history may not serve them yet
            // (OKX confirms a candle a moment after its close), so what is absent is asked again shortly. Only a
            // matter of how soon: the sequence never takes a range's end as a hole on the clock's word
            sequence.backfilled(gap, found.flatMap(this::fit), false);
            deliverReady();
            if (sequence.missing().isDefined()) {
                retryAt = context.clock().now().toEpochMilli() + UNSETTLED_RETRY_MILLIS;
                return false;
            }
            return true;
        }
        sequence.backfilled(gap, found.flatMap(this::fit), complete);
        if (sequence.missing().contains(gap)) {
            // a full page that taught nothing (every candle outside the range): take the range as known
            sequence.backfilled(gap, List.empty(), true);
        }
        deliverReady();
        return true;
    }

    /**
     * One page of the venue's history in [from, to), or the failure; a failure sets the back-off ({@code retryAt})
     * that holds every fetch of this feed, its own gaps and its subscribers' history alike.
     */
    private Either<VenueFailure, List<VenueCandle>> fetch(long from, long to, int limit) {
        long now = context.clock().now().toEpochMilli();
        Either<VenueFailure, List<VenueCandle>> page;
        try {
            page = venue.candles(instrument.id(), timeframe, from, to, limit);
        } catch (RuntimeException e) {
            page = Either.left(new VenueFailure.Unavailable(e.toString()));
        }
        if (page.isLeft()) {
            failures++;
            retryAt = now + backoff(page.getLeft());
            LOG.warnf("live feed %s %s: fetching [%s, %s) failed (%s); retrying in %d ms", instrument,
                    timeframe.code(), Instant.ofEpochMilli(from), Instant.ofEpochMilli(to),
                    page.getLeft().describe(), retryAt - now);
        } else {
            failures = 0;
            retryAt = NONE;
        }
        return page;
    }

    /**
     * Serves a subscriber catching up: the stored candles from its cursor, a range the store lacks fetched from the
     * venue, and once the cursor reaches what the feed holds in memory, those and membership. False when a fetch
     * failed (retried after the back-off, nothing later handed to it meanwhile).
     */
    private boolean catchUpStep(Member member) {
        if (member.closed) {
            catchingUp.remove(member);
            return true;
        }
        long memoryFrom = recent.isEmpty() ? sequence.last().map(timeframe::next).getOrElse(NONE)
                : recent.peekFirst().openTime();
        if (memoryFrom != NONE && member.cursor >= memoryFrom) {
            for (Candle candle : recent) {
                if (candle.openTime() >= member.cursor) {
                    member.history(candle);
                }
            }
            member.next = Math.max(member.next, memoryFrom);
            joined(member);
            return true;
        }
        long bound = memoryFrom == NONE ? Long.MAX_VALUE : memoryFrom;
        CandleBatch page = context.stored().load(CandleView.shared(), instrument, timeframe,
                new TimeRange(member.cursor, bound), STORE_PAGE);
        for (int i = 0; i < page.size(); i++) {
            long open = page.openTime(i);
            if (open < member.cursor) {
                continue;
            }
            if (open > member.cursor) {
                // a range the store lacks before a candle it has
                return fillFromVenue(member, open);
            }
            member.history(page.candle(i));
            member.cursor = timeframe.next(open);
        }
        if (page.size() == STORE_PAGE || (memoryFrom != NONE && member.cursor >= memoryFrom)) {
            return true;
        }
        if (memoryFrom != NONE) {
            // the store ends before what the feed holds: the rest comes from the venue, then from memory
            return fillFromVenue(member, memoryFrom);
        }
        // the feed has passed nothing on yet: it continues after this subscriber's cursor, fetching up to now
        sequence.continueAfter(timeframe.floor(member.cursor - 1));
        sequence.reconnected(context.venueClocks().now(venue.venue()));
        member.next = member.cursor;
        joined(member);
        return true;
    }

    private void joined(Member member) {
        catchingUp.remove(member);
        members.add(member);
        statusChanged(false);
    }

    /**
     * Fetches one page of [cursor, to) for a subscriber catching up, {@code to} being a candle the feed knows (stored
     * or in memory), so a complete answer proves what the venue lacks there; what it has is stored (shared reference
     * data) and handed to the subscriber. A range the venue refuses outright is told to the subscriber and passed
     * over; false when a fetch failed and is to be retried.
     */
    private boolean fillFromVenue(Member member, long to) {
        fetchedForMember = true;
        int limit = venue.maxCandlesPerPage();
        Either<VenueFailure, List<VenueCandle>> page = fetch(member.cursor, to, limit);
        if (page.isLeft()) {
            if (!refusedForGood(page.getLeft())) {
                return false;
            }
            // a refusal that asking again will not change: the subscriber is told, and goes on after the range
            retryAt = NONE;
            failures = 0;
            LOG.warnf("live feed %s %s: the venue refused the candles in [%s, %s) a subscriber asked for (%s); told "
                            + "to it", instrument, timeframe.code(), Instant.ofEpochMilli(member.cursor),
                    Instant.ofEpochMilli(to), page.getLeft().describe());
            member.unavailable(member.cursor, to, page.getLeft().describe());
            member.cursor = to;
            return true;
        }
        long reached = member.cursor;
        for (Candle candle : page.get().flatMap(this::fit)) {
            if (candle.openTime() >= reached && candle.openTime() < to) {
                member.history(candle);
                unstored.add(candle);
                reached = timeframe.next(candle.openTime());
            }
        }
        boolean complete = page.get().size() < limit;
        member.cursor = complete || reached == member.cursor ? to : reached;
        store();
        return true;
    }

    private static boolean refusedForGood(VenueFailure failure) {
        return failure instanceof VenueFailure.Rejected || failure instanceof VenueFailure.Unauthorized;
    }

    private long backoff(VenueFailure failure) {
        if (failure instanceof VenueFailure.RateLimited limited) {
            return Math.max(1_000, limited.retryAfter().toMillis());
        }
        return Math.min(60_000, 1_000L << Math.min(6, failures - 1));
    }

    private void deliverReady() {
        for (CandleSequence.Sequenced ready : sequence.deliverable()) {
            deliver(ready.candle(), ready.backfilled() ? LiveCandle.Source.BACKFILL : LiveCandle.Source.LIVE);
        }
    }

    private void deliver(Candle candle, LiveCandle.Source source) {
        long venueNow = context.venueClocks().now(venue.venue());
        long delay = Math.max(0, venueNow - timeframe.next(candle.openTime()));
        boolean late = source != LiveCandle.Source.LIVE || delay > context.settings().lateAfter().toMillis();
        LiveCandle live = new LiveCandle(instrument.id(), timeframe, candle, source, late, delay,
                source == LiveCandle.Source.LIVE && candle.openTime() == lastReceived ? lastReceivedNanos
                        : System.nanoTime());
        delivered++;
        if (source == LiveCandle.Source.BACKFILL) {
            backfilled++;
        }
        boolean[] changed = {false};
        freshness.delivered(candle.openTime(), venueNow).forEach(change -> {
            context.events().publish(new LiveFeedFreshAgain(meta(), instrument.id(), timeframe, candle.openTime(),
                    change.millis()));
            LOG.infof("live feed %s %s is fresh again after %d s", instrument, timeframe.code(),
                    change.millis() / 1000);
            changed[0] = true;
        });
        recent.addLast(candle);
        unstored.add(candle);
        if (unstored.size() > MAX_UNSTORED && writing == 0) {
            LOG.errorf("live feed %s %s: %d candles could not be stored; the oldest is dropped from the queue",
                    instrument, timeframe.code(), unstored.size());
            unstored.remove(0);
        }
        statusChanged(changed[0]);
        for (Member member : java.util.List.copyOf(members)) {
            member.offer(live);
        }
        // a live candle is stored at once (not at the next check): a bot may step on it and be killed seconds
        // later, and its rebuild reads the candle from the store (LiveTradingCrashIT); writes still go one at a time
        if (source == LiveCandle.Source.LIVE || unstored.size() - writing >= context.settings().storeBatch()) {
            store();
        }
    }

    /**
     * A candle the stream reported after its place in the series was passed over: stored (it is the venue's record)
     * and told to the members apart from the series, which has moved on.
     */
    private void outOfOrder(Candle candle) {
        long venueNow = context.venueClocks().now(venue.venue());
        long delay = Math.max(0, venueNow - timeframe.next(candle.openTime()));
        LOG.warnf("live feed %s %s: the candle at %s came %d s after its close, after the feed had passed over its "
                        + "place (the venue had none there when asked); stored, and told to subscribers as out of order",
                instrument, timeframe.code(), Instant.ofEpochMilli(candle.openTime()), delay / 1000);
        unstored.add(candle);
        LiveCandle live = new LiveCandle(instrument.id(), timeframe, candle, LiveCandle.Source.LIVE, true, delay);
        for (Member member : java.util.List.copyOf(members)) {
            member.outOfOrder(live);
        }
    }

    /** Writes what waits to be stored on a writer thread, one batch at a time. */
    private void store() {
        if (writing > 0 || unstored.isEmpty()) {
            return;
        }
        java.util.List<Candle> batch = java.util.List.copyOf(unstored.subList(0,
                Math.min(unstored.size(), context.settings().storeBatch())));
        writing = batch.size();
        context.workers().writers().execute(() -> {
            boolean stored;
            try {
                context.store().insertAll(instrument, timeframe, consumer -> {
                    CandleBatch columns = new CandleBatch(instrument.priceScale(), instrument.quantityScale(),
                            batch.size());
                    batch.forEach(columns::accept);
                    consumer.accept(columns);
                }, (offered, inserted) -> { });
                stored = true;
            } catch (RuntimeException e) {
                if (!storeFailing) {
                    LOG.warnf("live feed %s %s: storing %d candles failed (%s); they are kept and written again at "
                            + "every check until it works", instrument, timeframe.code(), batch.size(), e.toString());
                }
                stored = false;
            }
            boolean done = stored;
            work.execute(() -> written(batch, done));
        });
    }

    private void written(java.util.List<Candle> batch, boolean stored) {
        writing = 0;
        if (!stored) {
            storeFailing = true;
            return;
        }
        if (storeFailing) {
            storeFailing = false;
            LOG.infof("live feed %s %s: storing works again", instrument, timeframe.code());
        }
        unstored.subList(0, batch.size()).clear();
        for (Candle candle : batch) {
            storedThrough = Math.max(storedThrough, candle.openTime());
        }
        while (recent.size() > context.settings().keptCandles() && recent.peekFirst().openTime() <= storedThrough) {
            recent.pollFirst();
        }
        if (stopped ? !unstored.isEmpty() : unstored.size() >= context.settings().storeBatch()) {
            store();
        }
    }

    /** History for a subscriber starting at {@code from}: stored candles, then those kept in memory. */
    private void catchUp(Member member, long from, Option<Long> last) {
        long memoryFrom = recent.isEmpty() ? last.map(timeframe::next).getOrElse(Long.MAX_VALUE)
                : recent.peekFirst().openTime();
        long cursor = from;
        while (cursor < memoryFrom) {
            CandleBatch page = context.stored().load(CandleView.shared(), instrument, timeframe, new TimeRange(cursor, memoryFrom),
                    STORE_PAGE);
            for (int i = 0; i < page.size(); i++) {
                member.history(page.candle(i));
            }
            if (page.size() < STORE_PAGE) {
                break;
            }
            cursor = timeframe.next(page.openTime(page.size() - 1));
        }
        for (Candle candle : recent) {
            if (candle.openTime() >= from) {
                member.history(candle);
            }
        }
    }

    private Option<Candle> fit(VenueCandle candle) {
        Either<String, Candle> fitted = CandleFit.fit(instrument, candle);
        if (fitted.isLeft()) {
            LOG.warnf("live feed %s %s: %s; skipped", instrument, timeframe.code(), fitted.getLeft());
        }
        return fitted.toOption();
    }

    private EventMeta meta() {
        return EventMeta.next(context.ids(), context.clock());
    }

    private void statusChanged(boolean tellMembers) {
        Option<Long> staleSince = started ? freshness.staleSince() : Option.none();
        status = new FeedStatus(instrument.id(), timeframe, connected, !started || freshness.fresh(),
                staleSince.map(Instant::ofEpochMilli), started ? sequence.last() : Option.none(),
                members.size() + catchingUp.size(), delivered, backfilled, reconnections, startedAt);
        if (tellMembers) {
            for (Member member : java.util.List.copyOf(members)) {
                member.status(status);
            }
            for (Member member : java.util.List.copyOf(catchingUp)) {
                member.status(status);
            }
        }
    }

    /** One subscriber on this feed: it gets each candle at most once, from {@code next} on. */
    final class Member implements io.cryptobot.marketdata.application.port.in.LiveSubscription {
        private final LiveCandleSubscriber subscriber;
        private final Runnable leave;
        private long next = NONE;
        /** While catching up: the open time of the next candle it is to get. */
        private long cursor = NONE;
        private volatile boolean closed;

        Member(LiveCandleSubscriber subscriber, Runnable leave) {
            this.subscriber = subscriber;
            this.leave = leave;
        }

        void offer(LiveCandle candle) {
            if (closed || candle.openTime() < next) {
                return;
            }
            next = timeframe.next(candle.openTime());
            try {
                subscriber.onCandle(candle);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a subscriber of live feed %s %s failed; it is dropped", instrument, timeframe.code());
                close();
            }
        }

        void outOfOrder(LiveCandle candle) {
            if (closed) {
                return;
            }
            try {
                subscriber.onOutOfOrder(candle);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a subscriber of live feed %s %s failed; it is dropped", instrument, timeframe.code());
                close();
            }
        }

        void history(Candle candle) {
            long delay = Math.max(0, context.venueClocks().now(venue.venue()) - timeframe.next(candle.openTime()));
            offer(new LiveCandle(instrument.id(), timeframe, candle, LiveCandle.Source.HISTORY, true, delay));
        }

        void unavailable(long from, long to, String reason) {
            if (closed) {
                return;
            }
            next = Math.max(next, to);
            try {
                subscriber.onHistoryUnavailable(from, to, reason);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a subscriber of live feed %s %s failed; it is dropped", instrument, timeframe.code());
                close();
            }
        }

        void status(FeedStatus current) {
            if (closed) {
                return;
            }
            try {
                subscriber.onStatus(current);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a subscriber of live feed %s %s failed; it is dropped", instrument, timeframe.code());
                close();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                leave.run();
            }
        }
    }
}
