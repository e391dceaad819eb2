package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A download of a venue's candles into the shared store (freqtrade's {@code download-data}), owned by the user who
 * started it. The candles it writes are reference data: the venue's own record, the same for everyone.
 *
 * <p>The work is a list of {@code segments}, half-open intervals of open times at the requested timeframe, ascending
 * and disjoint: the whole range, or the gaps the store had when the job was planned. Both ends are aligned to the
 * timeframe, and no segment reaches past the last candle that had closed when the job was planned (a candle still
 * open is not the venue's final word). {@code source} is the venue timeframe fetched: the requested one, or a finer
 * one resampled (see {@link CandleResampler}).
 *
 * <p>{@code cursor} is the resume point: every candle opening before it, inside the segments, has been fetched and
 * stored (or found incomplete on the venue). It only moves forward, is always a boundary of the requested timeframe,
 * and is saved after the candles before it are committed, so a job resumed after a crash fetches again at most the
 * page it was writing: nothing is skipped, and candles already stored are left as they are. Counts: {@code rowsTotal}
 * candles expected in the segments, {@code rowsDone} of them behind the cursor; of those, {@code inserted} were new,
 * {@code duplicates} already stored, {@code incomplete} skipped because the venue lacked some of their finer candles;
 * the rest the venue does not have.
 *
 * <pre>
 * queued --start--> running --(cursor moves)--> completed
 *   |                  |  note: waiting for a rate limit / retrying an unavailable venue
 *   +------------------+----> failed (reason)
 *   +------------------+----> canceled (by its owner; what was stored stays)
 * </pre>
 */
public record DownloadJob(DownloadJobId id, UserId owner, DownloadRequest request, Timeframe source,
                          List<TimeRange> segments, DownloadStatus status, long cursor, long rowsTotal, long rowsDone,
                          long inserted, long duplicates, long incomplete, Option<String> note,
                          Option<String> failure, Instant createdAt, Option<Instant> startedAt,
                          Option<Instant> finishedAt) {

    public DownloadJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        segments = List.copyOf(segments);
        if (source != request.timeframe() && !Resampling.derivable(source, request.timeframe())) {
            throw new IllegalArgumentException(request.timeframe().code() + " cannot be made from " + source.code());
        }
        long end = Long.MIN_VALUE;
        for (TimeRange segment : segments) {
            if (segment.from() < end || !aligned(request.timeframe(), segment)) {
                throw new IllegalArgumentException("segments must ascend, not overlap, and be aligned");
            }
            end = segment.to();
        }
        if (rowsTotal < 0 || rowsDone < 0 || rowsDone > rowsTotal || inserted < 0 || duplicates < 0
                || incomplete < 0) {
            throw new IllegalArgumentException("counts must not be negative, and done at most total");
        }
    }

    /**
     * Plans a job over the {@code wanted} intervals (the requested range, or the store's gaps in it): each is cut to
     * whole candles of the requested timeframe that have closed by {@code now}; empty ones are dropped.
     */
    public static DownloadJob plan(UserId owner, DownloadRequest request, Timeframe source, List<TimeRange> wanted,
                                   Instant now) {
        Timeframe timeframe = request.timeframe();
        long closedBefore = timeframe.floor(now.toEpochMilli());
        List<TimeRange> segments = new ArrayList<>();
        long total = 0;
        for (TimeRange range : wanted) {
            long from = GapFinder.ceil(timeframe, range.from());
            long to = Math.min(GapFinder.ceil(timeframe, range.to()), closedBefore);
            if (to > from) {
                segments.add(new TimeRange(from, to));
                total += GapFinder.count(timeframe, from, to);
            }
        }
        long cursor = segments.isEmpty() ? request.range().from() : segments.getFirst().from();
        return new DownloadJob(DownloadJobId.random(), owner, request, source, segments, DownloadStatus.QUEUED,
                cursor, total, 0, 0, 0, 0, Option.none(), Option.none(), now, Option.none(), Option.none());
    }

    /** Starts the job, or runs it on after a restart from its cursor. */
    public DownloadJob running(Instant now) {
        requireUnfinished();
        return with(DownloadStatus.RUNNING, cursor, inserted, duplicates, incomplete, Option.none(),
                startedAt.orElse(Option.some(now)), Option.none());
    }

    /**
     * Everything before {@code to} in the segments is stored: {@code newRows} of the candles written were new,
     * {@code presentRows} already there, and {@code incompleteRows} buckets were skipped. Clears the note.
     */
    public DownloadJob advanced(long to, long newRows, long presentRows, long incompleteRows) {
        requireStatus(DownloadStatus.RUNNING);
        if (to < cursor || !request.timeframe().isAligned(to)) {
            throw new IllegalArgumentException("the cursor only moves forward, to candle boundaries: " + to
                    + " after " + cursor);
        }
        return with(DownloadStatus.RUNNING, to, inserted + newRows, duplicates + presentRows,
                incomplete + incompleteRows, Option.none(), startedAt, Option.none());
    }

    /** Why the job is not progressing right now (waiting out a rate limit, retrying an unavailable venue). */
    public DownloadJob noted(String why) {
        requireStatus(DownloadStatus.RUNNING);
        return with(DownloadStatus.RUNNING, cursor, inserted, duplicates, incomplete, Option.some(why), startedAt,
                Option.none());
    }

    public DownloadJob completed(Instant now) {
        requireStatus(DownloadStatus.RUNNING);
        long end = segments.isEmpty() ? cursor : Math.max(cursor, segments.getLast().to());
        return with(DownloadStatus.COMPLETED, end, inserted, duplicates, incomplete, Option.none(), startedAt,
                Option.some(now));
    }

    /** Candles stored before the failure stay: they are the venue's record, and a new job resumes where this ended. */
    public DownloadJob failed(String reason, Instant now) {
        requireUnfinished();
        return new DownloadJob(id, owner, request, source, segments, DownloadStatus.FAILED, cursor, rowsTotal,
                rowsDone, inserted, duplicates, incomplete, Option.none(), Option.some(reason), createdAt,
                startedAt, Option.some(now));
    }

    /**
     * Canceled by its owner: nothing more is fetched; the candles stored before stay (they are the venue's record),
     * and the cursor and counts say how far it got.
     */
    public DownloadJob canceled(Instant now) {
        requireUnfinished();
        return with(DownloadStatus.CANCELED, cursor, inserted, duplicates, incomplete, Option.none(), startedAt,
                Option.some(now));
    }

    /** The intervals still to fetch: the segments after the cursor, the first one cut at it. */
    public List<TimeRange> remaining() {
        List<TimeRange> left = new ArrayList<>();
        for (TimeRange segment : segments) {
            if (segment.to() > cursor) {
                left.add(new TimeRange(Math.max(segment.from(), cursor), segment.to()));
            }
        }
        return left;
    }

    /** Candles of the requested timeframe expected in the segments before {@code time}. */
    long expectedBefore(long time) {
        long n = 0;
        for (TimeRange segment : segments) {
            long end = Math.min(segment.to(), time);
            if (end > segment.from()) {
                n += GapFinder.count(request.timeframe(), segment.from(), end);
            }
        }
        return n;
    }

    private DownloadJob with(DownloadStatus next, long at, long ins, long dups, long skipped, Option<String> why,
                             Option<Instant> started, Option<Instant> finished) {
        return new DownloadJob(id, owner, request, source, segments, next, at, rowsTotal,
                Math.min(rowsTotal, expectedBefore(at)), ins, dups, skipped, why, failure, createdAt, started,
                finished);
    }

    private static boolean aligned(Timeframe timeframe, TimeRange segment) {
        return timeframe.isAligned(segment.from()) && timeframe.isAligned(segment.to());
    }

    private void requireStatus(DownloadStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("download " + id + " is " + status.code() + ", not " + expected.code());
        }
    }

    private void requireUnfinished() {
        if (status.isFinished()) {
            throw new IllegalStateException("download " + id + " already " + status.code());
        }
    }
}
