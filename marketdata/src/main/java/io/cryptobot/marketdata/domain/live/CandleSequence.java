package io.cryptobot.marketdata.domain.live;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns what a venue reports about one series (closed candles from its stream, in any order, repeated, with gaps
 * around reconnections) into the series itself: every candle once, in ascending open time, none skipped. It never
 * calls the venue; it says which range is {@link #missing()}, is told what a fetch of that range found
 * ({@link #backfilled}), and hands out what may be passed on ({@link #deliverable()}).
 *
 * <p>Rules:
 * <ul>
 *   <li>a candle at or before the last one passed on is a duplicate and dropped; so is one not aligned to the
 *       timeframe;</li>
 *   <li>a candle is passed on only once every candle the venue has between the last one passed on and it is known:
 *       it is the next open time, or a fetch of the range before it came back complete (so a hole the venue itself
 *       has, a maintenance window, is passed over once the venue confirmed it);</li>
 *   <li>a complete answer proves a hole only where the venue already has a later candle (one held here, or one in
 *       the same answer): its history is in order, so what it lacks before a candle it has, it will never have. The
 *       end of a range with nothing known after it (the catch-up after a reconnection) is not taken as a hole
 *       however long ago it closed by the venue's clock: the venue's history may confirm a candle later than its
 *       close, and a clock reading may be off; the catch-up ends there, and the range is asked again when a later
 *       candle shows it missing;</li>
 *   <li>after a reconnection, the range from the last candle passed on up to the venue's now is missing, so the
 *       candles closed while disconnected are fetched before anything later is passed on;</li>
 *   <li>the very first candle, with nothing passed on before, is passed on as it comes: there is no earlier point to
 *       fill from;</li>
 *   <li>a candle the stream reports after the sequence passed over its open time (a fetch had found the venue
 *       without it, and the next one was passed on) cannot be passed on in order: it is a {@link #stragglers()
 *       straggler}, handed out once so its owner can store it and say so, never passed on as the series.</li>
 * </ul>
 * Single-threaded: its owner serialises every call.
 */
public final class CandleSequence {
    private static final long NONE = Long.MIN_VALUE;
    private final Timeframe timeframe;
    private final TreeMap<Long, Sequenced> pending = new TreeMap<>();
    private long last;
    /** Every venue candle opening in [next(last), knownThrough) is pending (or has been passed on). */
    private long knownThrough = NONE;
    /** Set by a reconnection: everything opening before it has closed and must be fetched. */
    private long catchUpTo = NONE;
    /** The latest holes passed over (the venue had nothing there when asked), from -> to, at most MAX_HOLES. */
    private final TreeMap<Long, Long> passedOver = new TreeMap<>();
    private List<Candle> stragglers = List.empty();
    static final int MAX_HOLES = 256;

    /** A candle ready to be passed on, and whether it was fetched to fill a gap rather than streamed. */
    public record Sequenced(Candle candle, boolean backfilled) {
        public Sequenced {
            Objects.requireNonNull(candle, "candle");
        }
    }

    /** A range of open times to fetch, {@code from} inclusive, {@code to} exclusive. */
    public record Range(long from, long to) {
        public Range {
            if (to <= from) {
                throw new IllegalArgumentException("empty range [" + from + ", " + to + ")");
            }
        }
    }

    /** A sequence that continues after {@code lastPassedOn} (the last candle already stored or delivered), if any. */
    public CandleSequence(Timeframe timeframe, Option<Long> lastPassedOn) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.last = lastPassedOn.getOrElse(NONE);
    }

    /** A closed candle as the stream reported it. */
    public void received(Candle candle) {
        offer(candle, false);
    }

    /**
     * The stream (re)connected at the venue's time {@code venueNow}: every candle that closed before it and after the
     * last one passed on is missing until fetched.
     */
    public void reconnected(long venueNow) {
        if (last != NONE) {
            catchUpTo = Math.max(catchUpTo, timeframe.floor(venueNow));
        }
    }

    /** The range to fetch before more can be passed on, if any. */
    public Option<Range> missing() {
        if (last == NONE) {
            return Option.none();
        }
        long cursor = Math.max(timeframe.next(last), knownThrough);
        if (catchUpTo != NONE && cursor >= catchUpTo) {
            catchUpTo = NONE;
        }
        long target = pending.isEmpty() ? catchUpTo : pending.firstKey();
        return target == NONE || cursor >= target ? Option.none() : Option.some(new Range(cursor, target));
    }

    /**
     * What a fetch of {@code asked} returned, ascending. {@code complete}: the venue returned everything it has in
     * the range (fewer than a page); otherwise everything up to the last candle returned is known. A complete answer
     * makes the whole range known only when a candle after it is held (the range was asked for because of it);
     * otherwise only up to the last candle found, and the catch-up to the reconnection's time is over.
     */
    public void backfilled(Range asked, List<Candle> found, boolean complete) {
        long lastFound = NONE;
        for (Candle candle : found) {
            if (candle.openTime() >= asked.from() && candle.openTime() < asked.to()) {
                offer(candle, true);
                lastFound = Math.max(lastFound, candle.openTime());
            }
        }
        boolean laterHeld = !pending.isEmpty() && pending.lastKey() >= asked.to();
        if (complete && laterHeld) {
            knownThrough = Math.max(knownThrough, asked.to());
            return;
        }
        if (lastFound != NONE) {
            knownThrough = Math.max(knownThrough, timeframe.next(lastFound));
        }
        if (complete && catchUpTo != NONE && asked.to() >= catchUpTo) {
            catchUpTo = NONE;
        }
    }

    /** Takes every candle that may now be passed on, in order; each is then the last one passed on. */
    public List<Sequenced> deliverable() {
        List<Sequenced> ready = List.empty();
        while (!pending.isEmpty()) {
            Map.Entry<Long, Sequenced> first = pending.firstEntry();
            long open = first.getKey();
            boolean next = last == NONE || open == timeframe.next(last) || open <= knownThrough;
            if (!next) {
                break;
            }
            pending.pollFirstEntry();
            ready = ready.append(first.getValue());
            if (last != NONE && open != timeframe.next(last)) {
                passedOver(timeframe.next(last), open);
            }
            last = open;
        }
        return ready;
    }

    /**
     * A sequence that has passed nothing on yet continues after {@code lastPassedOn} instead: a subscriber asked for
     * the candles from the next one, so they are fetched before anything later is passed on (after
     * {@link #reconnected}, up to the venue's now).
     */
    public void continueAfter(long lastPassedOn) {
        if (last != NONE) {
            throw new IllegalStateException("the sequence already passed on candles up to " + last);
        }
        if (!timeframe.isAligned(lastPassedOn)) {
            throw new IllegalArgumentException("not an open time: " + lastPassedOn);
        }
        last = lastPassedOn;
        pending.headMap(lastPassedOn, true).clear();
    }

    /** The open time of the last candle passed on, if any. */
    public Option<Long> last() {
        return last == NONE ? Option.none() : Option.some(last);
    }

    /**
     * Takes the candles the stream reported after their place in the series had been passed over (each once, in the
     * order they came): the venue had none there when asked, and a later candle was passed on since.
     */
    public List<Candle> stragglers() {
        List<Candle> taken = stragglers;
        stragglers = List.empty();
        return taken;
    }

    /** Candles received but held back until a gap before them is filled. */
    public int held() {
        return pending.size();
    }

    private void passedOver(long from, long to) {
        passedOver.put(from, to);
        while (passedOver.size() > MAX_HOLES) {
            passedOver.pollFirstEntry();
        }
    }

    /** Whether {@code open} lies in a hole passed over; if so it is taken out of it, so it is reported once. */
    private boolean takeFromHole(long open) {
        Map.Entry<Long, Long> hole = passedOver.floorEntry(open);
        if (hole == null || open >= hole.getValue()) {
            return false;
        }
        passedOver.remove(hole.getKey());
        if (hole.getKey() < open) {
            passedOver.put(hole.getKey(), open);
        }
        long after = timeframe.next(open);
        if (after < hole.getValue()) {
            passedOver.put(after, hole.getValue());
        }
        return true;
    }

    private void offer(Candle candle, boolean backfilled) {
        long open = candle.openTime();
        if (!timeframe.isAligned(open)) {
            return;
        }
        if (last != NONE && open <= last) {
            if (!backfilled && takeFromHole(open)) {
                stragglers = stragglers.append(candle);
            }
            return;
        }
        pending.putIfAbsent(open, new Sequenced(candle, backfilled));
    }
}
