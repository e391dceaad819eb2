package io.cryptobot.bot.domain.live;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading.CancelAnswer;
import io.cryptobot.kernel.domain.execution.VenueTrading.PlaceAnswer;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session knows of its orders on a live venue, and the one place that turns whatever the venue says (an
 * answer to a placement, a cancel or a query, a streamed update, an execution from the trade history) into the
 * {@link VenueReport}s the session applies: each exactly once and in an order the order's state machine accepts,
 * however the venue repeats or reorders itself.
 *
 * <p>The rules, per order:
 * <ul>
 *   <li>{@code Accepted} is reported once, before anything else about the order (a fill seen first brings it);
 *   {@code Triggered} once, before a conditional order's first fill;</li>
 *   <li>a fill is reported once per venue trade id, whatever state came with it (an older state may carry a fill
 *   not seen yet);</li>
 *   <li>a state older than the latest seen ({@link VenueOrderState#notBefore}) changes nothing;</li>
 *   <li>an end (canceled, expired) is reported only once every execution the venue counts has been reported; until
 *   then it is held and the order is listed by {@link #gaps} (the missing fills are read from the venue's trade
 *   history, never guessed); a filled order ends by its last fill;</li>
 *   <li>after its end nothing more is reported about an order.</li>
 * </ul>
 * A placement or cancel whose outcome is unknown (timeout, reset, 5xx) marks the order unresolved until a query
 * says what the venue holds; while an order of an instrument is unresolved, new orders on it are refused
 * ({@link #admit}). A query that twice finds no order, once the signed request can no longer reach the venue (its
 * receive window has passed since it was sent), resolves a placement as never received. After a rebuild, an order
 * that was sent and has no answer in the journal is unresolved too ({@link #unanswered}): the process may have died
 * between sending it and journaling the answer.
 *
 * <p>An ended order is kept only as long as it can still matter ({@link Retention}): once more than
 * {@link Retention#keepEnded} ended orders are kept, an order ended longer than {@link Retention#keepEndedFor} ago is
 * forgotten, unless it holds the latest fill the book knows (reconciliation reads the trade history from that
 * fill's time on, so it never meets a trade of a forgotten order). Whatever the venue says later about a forgotten
 * order is answered as about an ended one: nothing is reported, nothing adopted (a trade of it would be reported back
 * as foreign, never booked). The journal keeps everything that was applied: a rebuild replays it and forgets the
 * same way. Client order ids are unique per session by the session's own orders (a hand order naming a used one
 * finds its order; a strategy's carry a number that only grows); the book refuses a reuse of the ones it holds.
 *
 * <p>Not thread-safe: one session applies it, under its own lock. Pure: times come in as arguments.
 */
public final class LiveOrderBook {
    /** How many "no such order" answers resolve an unknown placement as never received. */
    public static final int ABSENT_ANSWERS_TO_CONCLUDE = 2;
    /** Binance's largest receive window is 60 s, its default 5 s; 10 s covers the default with margin. */
    public static final long DEFAULT_RECEIVE_WINDOW_MILLIS = 10_000;

    /** How many ended orders are kept at least, however old. */
    public static final int DEFAULT_KEEP_ENDED = 1_000;
    /**
     * How long an ended order is kept at least: longer than a reconciliation's reads (its open orders may be listed
     * before an end the stream brings meanwhile) and than the default period of reconciliation (5 minutes). At the
     * default limit of 600 orders a minute per user, at most 3,000 orders end in that time.
     */
    public static final long DEFAULT_KEEP_ENDED_MILLIS = 5 * 60_000;
    /**
     * How long a possibly-sent order found absent waits, once released, for a reconciliation in progress (the stream
     * reconnecting, a read put off by the venue's rate limit) before it is refused as {@code venue_not_reconciled}.
     */
    public static final long DEFAULT_RECONCILIATION_WAIT_MILLIS = 60_000;

    /** What the book keeps of ended orders, and how long a released order waits for a reconciliation. */
    public record Retention(int keepEnded, long keepEndedFor, long reconciliationWait) {
        public static final Retention DEFAULTS = new Retention(DEFAULT_KEEP_ENDED, DEFAULT_KEEP_ENDED_MILLIS,
                DEFAULT_RECONCILIATION_WAIT_MILLIS);

        public Retention {
            if (keepEnded < 0 || keepEndedFor < 0 || reconciliationWait < 0) {
                throw new IllegalArgumentException("retention: negative " + keepEnded + ", " + keepEndedFor + ", "
                        + reconciliationWait);
            }
        }
    }

    private final long receiveWindow;
    private final Retention retention;

    private final Map<String, Tracked> orders = new LinkedHashMap<>();
    /** The ended orders still kept, in the order they ended. */
    private final Map<String, Tracked> ended = new LinkedHashMap<>();
    /** The time of the latest fill reported (or replayed): reconciliation reads the trade history from then. */
    private long latestFill = Long.MIN_VALUE;
    /** The possibly-sent orders found absent and released, not sent yet ({@link #releasing}), oldest first. */
    private final Set<Tracked> releasing = new java.util.LinkedHashSet<>();
    /**
     * The orders of {@link #orders} not ended yet, in the same order: what every check before a send and every scan
     * for open, unresolved or short orders reads, so that their cost follows the orders still open and not every
     * order the session ever placed (a bot buying every candle had hundreds of ended ones scanned before each send:
     * docs/benchmarks.md, "closed candle to order on the wire").
     */
    private final Map<String, Tracked> notEnded = new LinkedHashMap<>();
    private boolean reconciled;
    private String notReconciledReason = "the account is not reconciled with the venue yet";

    /** A book for a venue whose signed requests are refused after {@link #DEFAULT_RECEIVE_WINDOW_MILLIS}. */
    public LiveOrderBook() {
        this(DEFAULT_RECEIVE_WINDOW_MILLIS);
    }

    /**
     * A book for a venue that refuses a signed request arriving more than {@code receiveWindowMillis} after it was
     * made: a placement not found after that is known never to have been received.
     */
    public LiveOrderBook(long receiveWindowMillis) {
        this(receiveWindowMillis, Retention.DEFAULTS);
    }

    /** As {@link #LiveOrderBook(long)}, keeping ended orders and waiting for reconciliations as {@code retention}. */
    public LiveOrderBook(long receiveWindowMillis, Retention retention) {
        this.receiveWindow = receiveWindowMillis;
        this.retention = retention;
    }

    /** The venue's view and what has been reported of one order. */
    private static final class Tracked {
        final VenueOrder order;
        /**
         * When the order was decided (sent right after): its trades are read from the venue's history from then. For
         * an order tracked again by a rebuild, or decided again after a restart, the original decision's time, not
         * the rebuild's (the venue may have filled it before the restart).
         */
        final long submittedAt;
        /**
         * From when the receive window counts before a placement the venue does not know is concluded never received:
         * the last moment a request for it may have been signed (the send, or the restart for an order of the
         * previous process, whose requests were all signed before it).
         */
        final long windowFrom;
        final Set<String> trades = new HashSet<>();
        BigDecimal reported = BigDecimal.ZERO;
        Option<VenueOrderState> latest = Option.none();
        boolean accepted;
        boolean triggered;
        boolean ended;
        Option<VenueReport> heldEnd = Option.none();
        Unresolved unresolved = Unresolved.NONE;
        String unresolvedWhy = "";
        int absentAnswers;
        /** When it ended (the time of what ended it); its last fill's time (MIN_VALUE: none). */
        long endedAt;
        long lastFill = Long.MIN_VALUE;
        /** When it was released ({@link #release}): from then it waits a bounded time for a reconciliation. */
        long releasedAt;
        /** Decided again after a restart: maybe sent by the previous process; sent only if the venue lacks it. */
        boolean possiblySent;
        /** A possibly-sent order the venue does not hold, now past the receive window: to be sent, once. */
        boolean release;
        /**
         * A cancel was asked (by hand, a stop, a halt) before the venue acknowledged the order: the venue may not hold
         * it yet, so the cancel is sent again once it does, and an order not sent yet never leaves.
         */
        boolean cancelWanted;

        Tracked(VenueOrder order, long submittedAt) {
            this(order, submittedAt, submittedAt);
        }

        Tracked(VenueOrder order, long submittedAt, long windowFrom) {
            this.order = order;
            this.submittedAt = Math.min(submittedAt, windowFrom);
            this.windowFrom = windowFrom;
        }

        BigDecimal venueExecuted() {
            return latest.map(s -> s.executed().toBigDecimal()).getOrElse(BigDecimal.ZERO);
        }
    }

    /** Which call to the venue for an order came back without an outcome. */
    public enum Unresolved {
        NONE, PLACEMENT, CANCEL
    }

    /** An order refused before it left: the report to apply and the rule that refused it (a block event). */
    public record Refusal(String rule, VenueReport.Rejected report) {
    }

    /**
     * Takes a new order of the session: refused (not sent) while the account is not reconciled or while another
     * order of its instrument has an unknown outcome; otherwise tracked, to be sent.
     */
    public Option<Refusal> admit(VenueOrder order, long time) {
        if (orders.containsKey(order.clientOrderId())) {
            throw new IllegalArgumentException("client order id already used: " + order.clientOrderId());
        }
        Tracked tracked = new Tracked(order, time);
        put(tracked);
        return admission(tracked, time);
    }

    private Option<Refusal> admission(Tracked tracked, long time) {
        VenueOrder order = tracked.order;
        if (!reconciled) {
            return Option.some(refuse(tracked, "venue_not_reconciled", notReconciledReason, time));
        }
        Option<Tracked> blocking = unresolvedOn(order.instrument()).filter(b -> b != tracked);
        if (blocking.isDefined()) {
            Tracked b = blocking.get();
            return Option.some(refuse(tracked, "venue_outcome_unknown", "order " + b.order.clientOrderId() + " on "
                    + order.instrument() + " has an unknown outcome (" + b.unresolvedWhy + "); new orders on "
                    + order.instrument() + " wait until the venue says what became of it", time));
        }
        return Option.none();
    }

    /**
     * Takes a new order that a step decided again after a restart, on a candle the previous process may already
     * have traded: it may have been sent under this same (deterministic) client order id before the crash. It is
     * tracked as an unknown placement (its instrument blocked) to be asked for by client order id: found, it is
     * adopted in the venue's state ({@link #queried}); not found twice once the receive window has passed since
     * now (so since the restart), it is released to be sent ({@link #released}), never sent twice.
     */
    public void admitPossiblySent(VenueOrder order, long time) {
        admitPossiblySent(order, time, time);
    }

    /**
     * {@link #admitPossiblySent(VenueOrder, long)} for an order the previous process may have decided (and sent) at
     * {@code decidedAt}: its trades are read from then; the receive window counts from {@code time} (now).
     */
    public void admitPossiblySent(VenueOrder order, long decidedAt, long time) {
        if (orders.containsKey(order.clientOrderId())) {
            throw new IllegalArgumentException("client order id already used: " + order.clientOrderId());
        }
        Tracked tracked = new Tracked(order, decidedAt, time);
        tracked.possiblySent = true;
        tracked.unresolved = Unresolved.PLACEMENT;
        tracked.unresolvedWhy = "decided again after a restart, possibly sent before it";
        put(tracked);
    }

    /**
     * Whether a possibly-sent order ({@link #admitPossiblySent}) was found absent from the venue and may now be
     * sent: answered once, then it is checked like any new order. While the account is not reconciled it is not due
     * yet: it waits for the reconciliation (after a restart the stream connects and reconciles while the lookups run)
     * at most {@link Retention#reconciliationWait} from its release, then is refused as any new order would be (the
     * refusal is returned, the order ended). While another order of its instrument still has an unknown outcome
     * (a sibling decided again on the same step and still being asked for, or any other lookup), it is not due: it
     * waits, released, until none is left ({@link #releasing}), and is never refused for it. A lookup must not
     * turn another into a refusal: the orders of one re-decided step are resolved each on its own.
     */
    public Option<Option<Refusal>> released(String clientOrderId, long time) {
        Tracked t = tracked(clientOrderId);
        if (t == null || !t.release || t.ended || unresolvedOn(t.order.instrument()).isDefined()) {
            return Option.none();
        }
        if (!reconciled && time - t.releasedAt < retention.reconciliationWait()) {
            // a reconciliation in progress (the stream back, a read put off) is waited for, a bounded time
            return Option.none();
        }
        t.release = false;
        releasing.remove(t);
        return Option.some(admission(t, time));
    }

    /**
     * The possibly-sent orders found absent and released, not sent yet, oldest first: each is due once no other
     * order of its instrument has an unknown outcome ({@link #released}).
     */
    public List<VenueOrder> releasing() {
        List<VenueOrder> out = new ArrayList<>();
        for (Tracked t : releasing) {
            if (!t.ended) {
                out.add(t.order);
            }
        }
        return out;
    }

    /** Notes that the order is to be canceled, whatever the venue answers to the cancel sent now. */
    public void wantCancel(String clientOrderId) {
        Tracked t = tracked(clientOrderId);
        if (t != null && !t.ended) {
            t.cancelWanted = true;
        }
    }

    /** Whether a cancel was asked for this order, still open, that the venue has acknowledged since. */
    public boolean cancelDue(String clientOrderId) {
        Tracked t = tracked(clientOrderId);
        return t != null && !t.ended && t.cancelWanted && t.accepted;
    }

    /**
     * Ends, as canceled here, an order whose cancel was asked before it left (a possibly-sent order the venue does
     * not hold, about to be released): it is never sent. None when the order is not about to be released or no
     * cancel was asked.
     */
    public Option<VenueReport> cancelUnsent(String clientOrderId, long time) {
        Tracked t = tracked(clientOrderId);
        if (t == null || t.ended || t.accepted || !t.cancelWanted || !t.release) {
            return Option.none();
        }
        t.release = false;
        releasing.remove(t);
        end(t, time);
        return Option.some(new VenueReport.Canceled(clientOrderId, "canceled before it was sent to the venue", time));
    }

    /** Refuses a new order for {@code rule} before it is sent (the venue's filters, say): tracked, ended at once. */
    public Refusal refuse(VenueOrder order, String rule, String why, long time) {
        if (orders.containsKey(order.clientOrderId())) {
            throw new IllegalArgumentException("client order id already used: " + order.clientOrderId());
        }
        Tracked tracked = new Tracked(order, time);
        put(tracked);
        return refuse(tracked, rule, why, time);
    }

    /**
     * Refuses an admitted order that has not left yet, for a check that needed the venue's answer first (its
     * average price, for the percent-price band): ended at once. None when the order is unknown, already answered
     * or ended.
     */
    public Option<Refusal> refuseUnsent(String clientOrderId, String rule, String why, long time) {
        Tracked t = tracked(clientOrderId);
        if (t == null || t.ended || t.accepted || t.unresolved != Unresolved.NONE) {
            return Option.none();
        }
        return Option.some(refuse(t, rule, why, time));
    }

    private Refusal refuse(Tracked tracked, String rule, String why, long time) {
        end(tracked, time);
        return new Refusal(rule, new VenueReport.Rejected(tracked.order.clientOrderId(), rule + ": " + why, time));
    }

    /**
     * Tracks an order a session being rebuilt places again, without any check: whatever became of it is in the
     * journal, and comes back through {@link #replayed}.
     */
    public void track(VenueOrder order, long time) {
        track(order, time, time);
    }

    /**
     * {@link #track(VenueOrder, long)} for an order first decided at {@code decidedAt} (its journal's time): its
     * trades are read from then, and the receive window of a placement left unanswered counts from {@code time} (the
     * rebuild: the previous process signed nothing after it).
     */
    public void track(VenueOrder order, long decidedAt, long time) {
        if (orders.containsKey(order.clientOrderId())) {
            throw new IllegalArgumentException("client order id already used: " + order.clientOrderId());
        }
        put(new Tracked(order, decidedAt, time));
    }

    /**
     * A journaled report applied again by a rebuild: the book learns what it had reported (acceptance, trades,
     * the end), so the venue's later answers about the order are filtered as they were before the restart. Ended
     * orders are forgotten as they were before it ({@link Retention}), by the journaled times.
     */
    public void replayed(VenueReport report) {
        Tracked t = tracked(report.clientOrderId());
        if (t == null) {
            throw new IllegalStateException("a journaled report for no order of this session: " + report);
        }
        switch (report) {
            case VenueReport.Accepted a -> t.accepted = true;
            case VenueReport.Triggered tr -> t.triggered = true;
            case VenueReport.Filled f -> {
                t.accepted = true;
                t.trades.add(f.tradeId());
                filledAt(t, f.time());
                t.reported = t.reported.add(f.lastQty().toBigDecimal());
                if (t.reported.compareTo(t.order.quantity().toBigDecimal()) >= 0) {
                    end(t, f.time());
                }
            }
            case VenueReport.Rejected r -> end(t, r.time());
            case VenueReport.Canceled c -> end(t, c.time());
            case VenueReport.Expired e -> end(t, e.time());
        }
    }

    /**
     * After a rebuild: the orders sent before the restart with nothing journaled about them (not accepted, not
     * ended) have an unknown outcome; they are marked so (their instrument blocked) and returned, to be asked for.
     */
    public List<VenueOrder> unanswered() {
        List<VenueOrder> out = new ArrayList<>();
        for (Tracked t : notEnded.values()) {
            if (!t.ended && !t.accepted && t.unresolved == Unresolved.NONE) {
                t.unresolved = Unresolved.PLACEMENT;
                t.unresolvedWhy = "sent before a restart, no answer journaled";
                t.absentAnswers = 0;
                out.add(t.order);
            }
        }
        return out;
    }

    /** Whether orders may leave: false until {@link #reconciled(boolean, String)} says the account agrees. */
    public boolean isReconciled() {
        return reconciled;
    }

    /** Lets orders leave (reconciled) or holds them back with {@code why}. */
    public void reconciled(boolean reconciled, String why) {
        this.reconciled = reconciled;
        this.notReconciledReason = why;
    }

    /** What a placement came to. */
    public List<VenueReport> placed(String clientOrderId, PlaceAnswer answer, long time) {
        Tracked t = tracked(clientOrderId);
        if (t == null || t.ended) {
            return List.of();
        }
        return switch (answer) {
            case PlaceAnswer.Accepted accepted -> observe(t, accepted.state(), "venue", time);
            case PlaceAnswer.Rejected rejected -> rejected(t, rejected.code() + ": " + rejected.reason(), time);
            case PlaceAnswer.NotSent notSent -> rejected(t, "not sent: " + notSent.failure().describe(), time);
            case PlaceAnswer.Unknown unknown -> {
                t.unresolved = Unresolved.PLACEMENT;
                t.unresolvedWhy = "placement: " + unknown.failure().describe();
                t.absentAnswers = 0;
                yield List.of();
            }
        };
    }

    /**
     * What a cancel came to. A cancel the venue did not take (not sent, or the order not open there) or whose
     * outcome is unknown leaves the order as it was; the caller queries it ({@link #needsQuery}).
     */
    public List<VenueReport> cancelAnswered(String clientOrderId, CancelAnswer answer, long time) {
        Tracked t = tracked(clientOrderId);
        if (t == null || t.ended) {
            return List.of();
        }
        return switch (answer) {
            case CancelAnswer.Canceled canceled -> observe(t, canceled.state(), "canceled", time);
            case CancelAnswer.NotOpen notOpen -> List.of();
            case CancelAnswer.NotSent notSent -> List.of();
            case CancelAnswer.Unknown unknown -> {
                if (t.unresolved == Unresolved.NONE) {
                    t.unresolved = Unresolved.CANCEL;
                    t.unresolvedWhy = "cancel: " + unknown.failure().describe();
                }
                yield List.of();
            }
        };
    }

    /**
     * What a query by client order id found: the order's state resolves an unknown outcome; no order at all, told
     * {@link #ABSENT_ANSWERS_TO_CONCLUDE} times, resolves an unknown placement as never received (rejected).
     */
    public List<VenueReport> queried(String clientOrderId, Option<VenueOrderState> found, long time) {
        Tracked t = tracked(clientOrderId);
        if (t == null || t.ended) {
            return List.of();
        }
        if (found.isDefined()) {
            t.unresolved = Unresolved.NONE;
            t.possiblySent = false;
            return observe(t, found.get(), "venue", time);
        }
        if (t.unresolved == Unresolved.PLACEMENT && ++t.absentAnswers >= ABSENT_ANSWERS_TO_CONCLUDE
                && time - t.windowFrom >= receiveWindow) {
            String why = t.unresolvedWhy;
            t.unresolved = Unresolved.NONE;
            if (t.possiblySent) {
                // the previous process never got it there, and its signed requests can no longer arrive: send it
                t.possiblySent = false;
                t.release = true;
                t.releasedAt = time;
                releasing.add(t);
                return List.of();
            }
            return rejected(t, "never reached the venue (" + why + "; not found by client order id)", time);
        }
        return List.of();
    }

    /** A streamed update: its fill once by trade id, its state unless an equal or later one was seen. */
    public List<VenueReport> updated(VenueUpdate update, long time) {
        Tracked t = tracked(update.report().clientOrderId());
        if (t == null || t.ended) {
            return List.of();
        }
        List<VenueReport> out = new ArrayList<>();
        if (update.report() instanceof VenueReport.Filled filled) {
            fill(t, filled, update.after().venueOrderId(), out, time);
        }
        if (update.report() instanceof VenueReport.Triggered triggered && !t.triggered) {
            acceptOnce(t, update.after().venueOrderId(), time, out);
            t.triggered = true;
            out.add(triggered);
        }
        String reason = switch (update.report()) {
            case VenueReport.Canceled c -> c.reason();
            case VenueReport.Rejected r -> r.reason();
            default -> "venue";
        };
        out.addAll(observe(t, update.after(), reason, time));
        // a fill that came after the end it precedes releases that end
        releaseEnd(t, out, time);
        return out;
    }

    /**
     * Executions read from the venue's trade history (missing from the stream, or found by reconciliation): each
     * reported once by trade id, then any end held for them. Executions of orders not in this book are answered back
     * untouched (the caller reports them; they are never adopted).
     */
    public Applied executions(List<VenueExecution> executions, long time) {
        List<VenueReport> out = new ArrayList<>();
        List<VenueExecution> foreign = new ArrayList<>();
        Set<Tracked> touched = new java.util.LinkedHashSet<>();
        for (VenueExecution e : executions) {
            Tracked t = tracked(e.clientOrderId());
            if (t == null) {
                foreign.add(e);
                continue;
            }
            if (t.ended) {
                continue;
            }
            fill(t, e.asReport(), e.venueOrderId(), out, time);
            touched.add(t);
        }
        for (Tracked t : touched) {
            releaseEnd(t, out, time);
        }
        return new Applied(out, foreign);
    }

    /** Reports to apply, and executions of orders this book does not know. */
    public record Applied(List<VenueReport> reports, List<VenueExecution> foreign) {
    }

    private List<VenueReport> rejected(Tracked t, String reason, long time) {
        if (t.accepted) {
            return List.of();
        }
        end(t, time);
        return List.of(new VenueReport.Rejected(t.order.clientOrderId(), reason, time));
    }

    private void fill(Tracked t, VenueReport.Filled filled, String venueOrderId, List<VenueReport> out, long time) {
        if (!t.trades.add(filled.tradeId())) {
            return;
        }
        acceptOnce(t, venueOrderId, filled.time(), out);
        if (t.order.type().isConditional() && !t.triggered) {
            t.triggered = true;
            out.add(new VenueReport.Triggered(t.order.clientOrderId(), filled.time()));
        }
        out.add(filled);
        filledAt(t, filled.time());
        t.reported = t.reported.add(filled.lastQty().toBigDecimal());
        if (t.reported.compareTo(t.order.quantity().toBigDecimal()) >= 0) {
            t.unresolved = Unresolved.NONE;
            end(t, time);
        }
    }

    private void acceptOnce(Tracked t, String venueOrderId, long time, List<VenueReport> out) {
        if (!t.accepted) {
            t.accepted = true;
            out.add(new VenueReport.Accepted(t.order.clientOrderId(), venueOrderId, time));
        }
    }

    private List<VenueReport> observe(Tracked t, VenueOrderState state, String reason, long time) {
        if (t.latest.isDefined() && !state.notBefore(t.latest.get())) {
            return List.of();
        }
        t.latest = Option.some(state);
        List<VenueReport> out = new ArrayList<>();
        if (state.status() == VenueOrderState.Status.REJECTED) {
            return rejected(t, reason, time);
        }
        acceptOnce(t, state.venueOrderId(), time, out);
        switch (state.status()) {
            case CANCELED -> t.heldEnd = Option.some(new VenueReport.Canceled(t.order.clientOrderId(), reason, time));
            case EXPIRED -> t.heldEnd = Option.some(new VenueReport.Expired(t.order.clientOrderId(), time));
            default -> {
            }
        }
        releaseEnd(t, out, time);
        return out;
    }

    private void releaseEnd(Tracked t, List<VenueReport> out, long time) {
        if (t.ended || t.heldEnd.isEmpty() || t.reported.compareTo(t.venueExecuted()) < 0) {
            return;
        }
        t.unresolved = Unresolved.NONE;
        out.add(t.heldEnd.get());
        end(t, time);
    }

    private void filledAt(Tracked t, long time) {
        t.lastFill = Math.max(t.lastFill, time);
        latestFill = Math.max(latestFill, time);
    }

    private void put(Tracked tracked) {
        orders.put(tracked.order.clientOrderId(), tracked);
        notEnded.put(tracked.order.clientOrderId(), tracked);
    }

    /**
     * Ends an order at {@code time}: nothing more is reported about it, the scans of {@link #notEnded} no longer see
     * it, and it is kept among the ended ones until {@link #forget} lets it go.
     */
    private void end(Tracked t, long time) {
        t.ended = true;
        t.endedAt = time;
        notEnded.remove(t.order.clientOrderId());
        ended.put(t.order.clientOrderId(), t);
        forget(time);
    }

    /**
     * Forgets the oldest ended orders while more than {@link Retention#keepEnded} are kept, each only once it ended
     * {@link Retention#keepEndedFor} before {@code now}, never one holding the latest fill (reconciliation reads trades
     * from that fill's time: a trade of a forgotten order would look foreign). Ends are kept in the order they
     * happened, so the walk stops at the first one too recent.
     */
    private void forget(long now) {
        java.util.Iterator<Tracked> oldest = ended.values().iterator();
        while (ended.size() > retention.keepEnded() && oldest.hasNext()) {
            Tracked t = oldest.next();
            if (now - t.endedAt < retention.keepEndedFor()) {
                return;
            }
            if (t.lastFill != Long.MIN_VALUE && t.lastFill >= latestFill) {
                continue;
            }
            oldest.remove();
            orders.remove(t.order.clientOrderId());
            releasing.remove(t);
        }
    }

    /** How many orders the book holds: those not ended, and the ended ones kept ({@link Retention}). */
    public int size() {
        return orders.size();
    }

    /** Whether {@code clientOrderId} is an order of the book not ended yet. */
    public boolean isOpen(String clientOrderId) {
        return notEnded.containsKey(clientOrderId);
    }

    private Tracked tracked(String clientOrderId) {
        return orders.get(clientOrderId);
    }

    private Option<Tracked> unresolvedOn(InstrumentId instrument) {
        for (Tracked t : notEnded.values()) {
            if (!t.ended && t.unresolved != Unresolved.NONE && t.order.instrument().equals(instrument)) {
                return Option.some(t);
            }
        }
        return Option.none();
    }

    /** Whether {@code instrument} has an order whose outcome is unknown. */
    public boolean blocked(InstrumentId instrument) {
        return unresolvedOn(instrument).isDefined();
    }

    /** The orders to ask the venue about: an unknown outcome, or a cancel the venue did not confirm. */
    public Unresolved unresolved(String clientOrderId) {
        Tracked t = tracked(clientOrderId);
        return t == null || t.ended ? Unresolved.NONE : t.unresolved;
    }

    /** Every order with an unknown outcome, oldest first. */
    public List<VenueOrder> needsQuery() {
        List<VenueOrder> out = new ArrayList<>();
        for (Tracked t : notEnded.values()) {
            if (!t.ended && t.unresolved != Unresolved.NONE) {
                out.add(t.order);
            }
        }
        return out;
    }

    /**
     * Orders the venue says executed more of than has been reported: their fills are to be read from the venue's
     * trade history (from when they were sent).
     */
    public List<Gap> gaps() {
        List<Gap> out = new ArrayList<>();
        for (Tracked t : notEnded.values()) {
            if (!t.ended && t.reported.compareTo(t.venueExecuted()) < 0) {
                out.add(new Gap(t.order, t.submittedAt, t.venueExecuted().subtract(t.reported)));
            }
        }
        return out;
    }

    /** An order short of {@code missing} executed quantity, sent at {@code since}. */
    public record Gap(VenueOrder order, long since, BigDecimal missing) {
    }

    /** The orders sent and not ended (open on the venue as far as the book knows, or unresolved). */
    public List<VenueOrder> open() {
        List<VenueOrder> out = new ArrayList<>();
        for (Tracked t : notEnded.values()) {
            if (!t.ended) {
                out.add(t.order);
            }
        }
        return out;
    }

    /** Whether {@code clientOrderId} is one of this book's orders (open, or ended and still kept). */
    public boolean knows(String clientOrderId) {
        return orders.containsKey(clientOrderId);
    }

    /** When the order was decided (its original decision after a restart), for reading its executions. */
    public long submittedAt(String clientOrderId) {
        Tracked t = tracked(clientOrderId);
        return t == null ? Long.MIN_VALUE : t.submittedAt;
    }

    /** Every trade id reported of the orders the book holds. */
    public Collection<String> tradeIds() {
        Set<String> all = new HashSet<>();
        orders.values().forEach(t -> all.addAll(t.trades));
        return Collections.unmodifiableSet(all);
    }
}
