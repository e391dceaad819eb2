package io.cryptobot.bot.application.service;

import io.cryptobot.bot.domain.live.Drift;
import io.cryptobot.bot.domain.live.LiveOrderBook;
import io.cryptobot.bot.domain.live.Reconciliation;
import io.cryptobot.bot.domain.live.ReconciliationReport;
import io.cryptobot.bot.domain.live.VenueFilters;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.kernel.domain.execution.VenueTrading.CancelAnswer;
import io.cryptobot.kernel.domain.execution.VenueTrading.PlaceAnswer;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Venue} of a session on a live account: the session's orders go to the venue through
 * {@link VenueTrading}, and what the venue answers or streams comes back as reports. The discipline:
 * <ul>
 *   <li>the session never waits on the venue: a cancel, query or listing runs on a virtual thread ({@code calls}); a
 *   placement is started from the step's own thread when the adapter can start it without blocking
 *   ({@link VenueTrading#placeAsync}), else on a virtual thread; every answer is handed to the session's own
 *   {@link SerialLane} (one task at a time, under the session's lock), as are streamed updates;</li>
 *   <li>{@link LiveOrderBook} turns every answer into reports, each once and in order; every report is
 *   {@link ReportJournal journaled} durably before the session applies it; a journal that cannot write stops the
 *   venue (the session is then put aside and rebuilt, as after a crash);</li>
 *   <li>an unknown outcome is resolved by querying the order by client order id (backing off, never sending the
 *   order again); while it is unresolved, new orders on its instrument are refused (a block event);</li>
 *   <li>a venue whose account is not reconciled refuses new orders: at the first connection of the report stream,
 *   after every gap in it, and while it is down; reconciliation ({@link Reconciliation}) runs then and
 *   periodically, and a rate limit puts it off by the venue's {@code Retry-After}, once, never in a loop;</li>
 *   <li>a session being rebuilt from its journal drives it in replay mode: nothing is sent, the journaled reports
 *   are applied again ({@link #replay}); {@link #goLive} then connects to the venue, resends the cancels the
 *   rebuild asked for whose end was not journaled (a cancel is safe to repeat) and reconciles.</li>
 * </ul>
 */
final class LiveVenue implements Venue, VenueTrading.Listener, AutoCloseable {
    /** The back-off key of an order's trade history reads. */
    private static final String GAP = "gap:";

    /**
     * Why an order may not leave (the live account's limits, the venue's filters), checked before it is sent; none
     * when it passes.
     */
    interface Preflight {
        Preflight NONE = order -> Option.none();

        Option<Blocked> refusal(VenueOrder order);
    }

    /** An order refused before it left: the rule (a block event's) and why, with the numbers. */
    record Blocked(String rule, String why) {
        Blocked {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Where reports are made durable before the session applies them. */
    interface ReportJournal {
        /** Returns once {@code reports} are durable; throws when they cannot be. */
        void append(List<VenueReport> reports);
    }

    /** What the venue tells its owner (the bot's events). Called on the session's lane, under its lock. */
    interface Events {
        /** An order refused before it left (the account not reconciled, an instrument blocked): a block event. */
        void blocked(String rule, VenueReport.Rejected refusal);

        /** A reconciliation finished: what it found (nothing: the account agrees). */
        void reconciled(ReconciliationReport report);

        /** Something the owner should read: the stream down or up, a call put off, an outcome unknown. */
        void note(String what);

        /** Reports were journaled and applied: what they changed is to be projected. */
        void applied();

        /** The journal refused a write: the venue stopped; the session must be rebuilt from its journal. */
        void journalFailed(RuntimeException cause);
    }

    /**
     * Delays: the first query after an unknown outcome, the longest back-off, how long fills the venue counts may
     * take to arrive by the stream before they are read from the trade history, the period of reconciliation, and
     * the venue's receive window (after it, a placement the venue does not know never reached it); and what the
     * order book keeps of ended orders and how long a released order waits for a reconciliation ({@code retention}).
     */
    record Settings(Duration firstQuery, Duration maxBackoff, Duration fillGrace, Duration reconcileEvery,
                    Duration receiveWindow, LiveOrderBook.Retention retention) {
        Settings {
            Objects.requireNonNull(receiveWindow, "receiveWindow");
            Objects.requireNonNull(firstQuery, "firstQuery");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(fillGrace, "fillGrace");
            Objects.requireNonNull(reconcileEvery, "reconcileEvery");
            Objects.requireNonNull(retention, "retention");
        }

        /** With the book's default retention ({@link LiveOrderBook.Retention#DEFAULTS}). */
        Settings(Duration firstQuery, Duration maxBackoff, Duration fillGrace, Duration reconcileEvery,
                 Duration receiveWindow) {
            this(firstQuery, maxBackoff, fillGrace, reconcileEvery, receiveWindow, LiveOrderBook.Retention.DEFAULTS);
        }

        Settings retaining(LiveOrderBook.Retention retention) {
            return new Settings(firstQuery, maxBackoff, fillGrace, reconcileEvery, receiveWindow, retention);
        }

        static final Settings DEFAULTS = new Settings(Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofMillis(LiveOrderBook.DEFAULT_RECEIVE_WINDOW_MILLIS));
    }

    private final VenueTrading trading;
    private final List<InstrumentId> instruments;
    private final Set<Asset> assets;
    private final ReportJournal journal;
    private final Events events;
    private final Clock clock;
    private SerialLane lane;
    private final Executor calls;
    private final ScheduledExecutorService timer;
    private final Settings settings;
    private final long startedAt;
    private final java.util.function.BooleanSupplier driving;
    private Preflight preflight = Preflight.NONE;
    private java.util.function.Function<InstrumentId, Option<VenueFilters>> bands = instrument -> Option.none();
    private final LiveOrderBook book;
    /** The venue's average prices (percent-price bands), each kept a second ({@link AveragePrices}). */
    private final AveragePrices averages;
    private final Set<String> querying = new HashSet<>();
    private final Set<String> fetchingGaps = new HashSet<>();
    private final Set<String> cancelsAsked = new LinkedHashSet<>();
    private final Map<String, Duration> backoff = new HashMap<>();
    private VenueListener listener;
    private boolean replaying = true;
    private volatile boolean stopped;
    /** Whether a step on a candle opened at this time may have been decided (and its orders sent) before a restart. */
    private java.util.function.LongPredicate decidedBeforeRestart = openTime -> false;
    /** The open time of the candle the session steps on now (its orders are decided on it). */
    private long stepOpenTime = Long.MIN_VALUE;
    /** When the candle that opened at a given time closed: a step on it was decided then at the earliest. */
    private java.util.function.LongUnaryOperator stepClose = openTime -> openTime;
    /** While a rebuild applies a hand order's journal entry: when that entry was written (else MIN_VALUE). */
    private long replayedEntryAt = Long.MIN_VALUE;
    /** The sends of a hand order being applied, held until its journal entry is durable ({@link #holdSends}). */
    private List<Runnable> held;
    private boolean reconciling;
    private boolean reconcileAgain;
    /** While {@link #sendReleased()} runs (what it delivers does not start it again). */
    private boolean sendingReleased;
    /** A look again at released orders waiting for a reconciliation is scheduled (their wait's bound). */
    private boolean releaseCheckScheduled;
    private Duration reconcileBackoff;
    private long lastFillTime = Long.MIN_VALUE;
    private VenueTrading.Subscription subscription;
    private ScheduledFuture<?> periodic;
    private volatile ReconciliationReport lastReconciliation;

    /**
     * A live venue for a session on {@code instruments} (its account's assets are theirs), in replay mode until
     * {@link #goLive}; {@code startedAt} (epoch ms) is where the trade history is read from when
     * no fill is known yet; {@code driving} says whether this runner still holds the bot's lease, checked just
     * before each order or cancel goes out (a runner that lost it sends nothing).
     */
    LiveVenue(VenueTrading trading, List<InstrumentId> instruments, ReportJournal journal, Events events,
              Clock clock, Executor calls, ScheduledExecutorService timer, Settings settings, long startedAt,
              java.util.function.BooleanSupplier driving) {
        this.driving = driving;
        this.trading = trading;
        this.instruments = List.copyOf(instruments);
        Set<Asset> all = new LinkedHashSet<>();
        instruments.forEach(i -> {
            all.add(i.quote());
            all.add(i.base());
        });
        this.assets = Set.copyOf(all);
        this.journal = journal;
        this.events = events;
        this.clock = clock;
        this.calls = calls;
        this.timer = timer;
        this.settings = settings;
        this.book = new LiveOrderBook(settings.receiveWindow().toMillis(), settings.retention());
        this.averages = new AveragePrices(trading, clock, AveragePrices.KEPT);
        this.startedAt = startedAt;
        this.reconcileBackoff = settings.firstQuery();
    }

    /** Checks every new order with {@code preflight} before it leaves (the venue's filters, with the risk rules). */
    LiveVenue checking(Preflight preflight) {
        this.preflight = preflight;
        return this;
    }

    /**
     * Judges every new priced order against its instrument's percent-price band ({@code bands}: the venue's filters
     * of an instrument, none when unknown): the venue's average price is asked right before the order would leave
     * (on the call's virtual thread, never holding the session; kept a second per instrument, {@link AveragePrices}),
     * and an order outside the band is refused there,
     * unsent, as a {@code venue_filter} block event. An average the venue does not give leaves the band to the venue.
     */
    LiveVenue banding(java.util.function.Function<InstrumentId, Option<VenueFilters>> bands) {
        this.bands = bands;
        return this;
    }

    /**
     * After a restart: a step on a candle for which {@code decidedBeforeRestart} holds (its open time) may have been
     * decided by the previous process, which sends a step's orders before the step's write is durable; such a step
     * is re-decided from the feed after the rebuild and creates the same orders under the same client order ids.
     * Each such order is asked for by client order id before anything is sent: found, it is adopted in the venue's
     * state; not found twice once the receive window has passed, it is sent, once ({@link LiveOrderBook#admitPossiblySent}).
     */
    LiveVenue restarted(java.util.function.LongPredicate decidedBeforeRestart) {
        this.decidedBeforeRestart = decidedBeforeRestart;
        return this;
    }

    /**
     * How a step's candle closes ({@code close}: open time to close time): an order decided again after a restart, or
     * tracked again by a rebuild, is taken as decided at its step's close (the earliest the previous process could
     * have decided and sent it), not at the rebuild's time, so its trades are read from the venue's history from then.
     */
    LiveVenue closingAt(java.util.function.LongUnaryOperator close) {
        this.stepClose = close;
        return this;
    }

    /**
     * Around a rebuild's replay of a hand order's journal entry ({@code at}: when it was written; MIN_VALUE once
     * applied): the order it places again was decided then. Call holding the session's lock.
     */
    void replayingEntryAt(long at) {
        this.replayedEntryAt = at;
    }

    /** When an order submitted now was first decided: by its journal entry, else its step's close; at most now. */
    private long decidedAt(long now) {
        if (replayedEntryAt != Long.MIN_VALUE) {
            return Math.min(now, replayedEntryAt);
        }
        return stepOpenTime == Long.MIN_VALUE ? now : Math.min(now, stepClose.applyAsLong(stepOpenTime));
    }

    @Override
    public void onBar(InstrumentId instrument, Candle bar) {
        stepOpenTime = Math.max(stepOpenTime, bar.openTime());
    }

    /**
     * From now until {@link #sendWhenDurable}, orders the session submits (a hand order being applied) are checked
     * and tracked as usual but not sent. Call holding the session's lock.
     */
    void holdSends() {
        held = new ArrayList<>();
    }

    /**
     * Ends {@link #holdSends}: what was held is sent once {@code written} (the hand order's journal batch) is
     * durable, and never when that write fails (the session is then put aside and rebuilt from its journal, which
     * lacks the order: the venue never saw it either). Call holding the session's lock.
     */
    void sendWhenDurable(java.util.concurrent.CompletableFuture<?> written) {
        List<Runnable> sends = held;
        held = null;
        if (sends == null || sends.isEmpty()) {
            return;
        }
        written.whenComplete((ok, failed) -> {
            if (failed == null && !stopped) {
                sends.forEach(this::call);
            }
        });
    }

    @Override
    public void connect(VenueListener listener) {
        this.listener = listener;
    }

    /**
     * Ends the replay of a rebuild (or starts a new session): the report stream is opened (its first connection
     * reconciles), the cancels the rebuild asked for and whose end the journal lacks are sent again, and the account
     * is reconciled periodically. From now on everything the venue says is applied holding {@code lock} (the
     * session's). Call holding that lock.
     */
    void goLive(Object lock) {
        if (!replaying) {
            return;
        }
        replaying = false;
        lane = new SerialLane(lock, calls);
        book.reconciled(false, "the account is not reconciled with the venue yet");
        for (String cid : cancelsAsked) {
            if (book.open().stream().anyMatch(o -> o.clientOrderId().equals(cid))) {
                sendCancel(cid);
            }
        }
        cancelsAsked.clear();
        // sent before the restart with no answer journaled: the process may have died in between; ask, never resend
        for (VenueOrder order : book.unanswered()) {
            lane.execute(() -> events.note("order " + order.clientOrderId() + " was sent before the restart and its"
                    + " answer is not journaled: asking the venue by client order id"));
            scheduleQuery(order, Duration.ZERO);
        }
        subscription = trading.subscribe(this);
        long every = settings.reconcileEvery().toMillis();
        periodic = timer.scheduleWithFixedDelay(() -> lane.execute(() -> reconcile("periodic")), every, every,
                TimeUnit.MILLISECONDS);
    }

    /** A journaled report applied again by a rebuild (replay mode, under the session's lock). */
    void replay(VenueReport report) {
        if (!replaying) {
            throw new IllegalStateException("reports are replayed only while rebuilding");
        }
        book.replayed(report);
        if (report instanceof VenueReport.Filled f) {
            lastFillTime = Math.max(lastFillTime, f.time());
        }
        listener.onReport(report);
    }

    @Override
    public void submit(VenueOrder order) {
        long now = clock.now().toEpochMilli();
        if (replaying) {
            book.track(order, decidedAt(now), now);
            return;
        }
        if (held == null && decidedBeforeRestart.test(stepOpenTime)) {
            // the previous process may have sent it before the step was durable: ask first, never send twice
            book.admitPossiblySent(order, decidedAt(now), now);
            lane.execute(() -> events.note("order " + order.clientOrderId() + " was decided again after the restart"
                    + " on a candle the previous process may have traded: asking the venue by client order id"
                    + " before sending it"));
            scheduleQuery(order, Duration.ZERO);
            return;
        }
        Option<Blocked> blocked = preflight.refusal(order);
        Option<LiveOrderBook.Refusal> refused = blocked.isDefined()
                ? Option.some(book.refuse(order, blocked.get().rule(), blocked.get().why(), now))
                : book.admit(order, now);
        if (refused.isDefined()) {
            LiveOrderBook.Refusal refusal = refused.get();
            lane.execute(() -> deliverRefusal(refusal));
            return;
        }
        send(order);
    }

    /**
     * Sends an admitted order. Without a percent-price band to check, from the caller's thread (the step's), through
     * {@link VenueTrading#placeAsync}: an adapter that can start the request without blocking writes it there, with no
     * thread hand-off between the decision and the wire (docs/benchmarks.md, "closed candle to order on the wire").
     * With a band, on a call's virtual thread, which first asks the venue's average price. A hand order's sends are
     * held until its journal entry is durable ({@link #holdSends}), then started on a call's virtual thread.
     */
    private void send(VenueOrder order) {
        Option<VenueFilters> banded = bands.apply(order.instrument()).filter(f -> f.needsAveragePrice(order));
        if (held == null && banded.isEmpty()) {
            place(order);
            return;
        }
        Runnable call = () -> {
            if (banded.isDefined() && outsideBand(order, banded.get())) {
                return;
            }
            place(order);
        };
        if (held != null) {
            held.add(call);
        } else {
            call(call);
        }
    }

    /**
     * Fenced right before the wire (a runner that lost the bot's lease sends nothing), then started; the answer is
     * applied on the lane. A stage that fails, or an adapter that throws, leaves the outcome unknown: the order may
     * have left, so it is asked for by client order id, never sent again.
     */
    private void place(VenueOrder order) {
        if (!driving.getAsBoolean()) {
            PlaceAnswer refused = new PlaceAnswer.NotSent(new VenueFailure.Unavailable(
                    "this runner no longer holds the bot's lease"));
            lane.execute(() -> placed(order, refused));
            return;
        }
        java.util.concurrent.CompletableFuture<PlaceAnswer> answer;
        try {
            answer = trading.placeAsync(order, calls);
        } catch (RuntimeException e) {
            answer = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((placed, failure) -> {
            PlaceAnswer outcome = failure == null && placed != null ? placed : new PlaceAnswer.Unknown(
                    new VenueFailure.Unavailable("the placement failed in this process ("
                            + (failure == null ? "no answer" : failure.getClass().getSimpleName()) + ")"));
            lane.execute(() -> placed(order, outcome));
        });
    }

    /**
     * Sends the possibly-sent orders found absent past the receive window whose instrument has no other unknown
     * outcome left; those whose instrument still has one wait for it (each lookup resolves on its own; one never
     * turns another into a refusal). On the lane, after every query and every report applied.
     */
    private void sendReleased() {
        if (sendingReleased || stopped) {
            return;
        }
        sendingReleased = true;
        try {
            book.releasing().forEach(this::sendReleased);
        } finally {
            sendingReleased = false;
        }
    }

    /** A possibly-sent order the venue twice did not know, past the receive window: checked, then sent once. */
    private void sendReleased(VenueOrder order) {
        long now = clock.now().toEpochMilli();
        Option<VenueReport> canceledFirst = book.cancelUnsent(order.clientOrderId(), now);
        if (canceledFirst.isDefined()) {
            deliver(List.of(canceledFirst.get()));
            return;
        }
        Option<Option<LiveOrderBook.Refusal>> released = book.released(order.clientOrderId(), now);
        if (released.isEmpty()) {
            if (!book.isReconciled()) {
                // waiting for the reconciliation in progress: looked at again when it ends, or at the wait's bound
                checkReleasedLater();
            }
            return;
        }
        Option<LiveOrderBook.Refusal> refused = released.get();
        if (refused.isEmpty()) {
            Option<Blocked> blocked = preflight.refusal(order);
            if (blocked.isDefined()) {
                refused = book.refuseUnsent(order.clientOrderId(), blocked.get().rule(), blocked.get().why(), now);
            }
        }
        if (refused.isDefined()) {
            deliverRefusal(refused.get());
            return;
        }
        events.note("order " + order.clientOrderId() + " is not on the venue and the previous process's requests can"
                + " no longer reach it: sent now");
        send(order);
    }

    /**
     * Looks at the released orders again once the longest a released order waits for a reconciliation has passed:
     * one still waiting then is refused ({@link LiveOrderBook#released}). One look scheduled at a time; a look that
     * finds orders still waiting (released after it was scheduled) schedules the next.
     */
    private void checkReleasedLater() {
        if (releaseCheckScheduled || stopped) {
            return;
        }
        releaseCheckScheduled = true;
        later(() -> lane.execute(() -> {
            releaseCheckScheduled = false;
            sendReleased();
        }), Duration.ofMillis(settings.retention().reconciliationWait()));
    }

    /** On the call's thread: asks the venue's average price; true when the order was refused for the band. */
    private boolean outsideBand(VenueOrder order, VenueFilters filters) {
        Either<VenueFailure, java.math.BigDecimal> average = averages.average(order.instrument());
        if (average.isLeft()) {
            lane.execute(() -> events.note("order " + order.clientOrderId() + ": the venue's average price could not"
                    + " be read (" + average.getLeft().describe() + "); sent without checking its percent-price band"
                    + " (the venue checks it)"));
            return false;
        }
        Option<String> outside = filters.bandRefusal(order, average.get());
        if (outside.isEmpty()) {
            return false;
        }
        lane.execute(() -> book.refuseUnsent(order.clientOrderId(), VenueFilters.RULE, outside.get(),
                clock.now().toEpochMilli()).forEach(this::deliverRefusal));
        return true;
    }

    /** On the lane: makes an order's refusal durable and applies it, then reports it as a block event. */
    private void deliverRefusal(LiveOrderBook.Refusal refusal) {
        if (deliver(List.of(refusal.report()))) {
            events.blocked(refusal.rule(), refusal.report());
        }
    }

    private void placed(VenueOrder order, PlaceAnswer answer) {
        if (stopped) {
            return;
        }
        if (!deliver(book.placed(order.clientOrderId(), answer, clock.now().toEpochMilli()))) {
            return;
        }
        if (book.cancelDue(order.clientOrderId())) {
            // canceled while its placement was on its way: the first cancel may have found nothing to cancel
            sendCancel(order.clientOrderId());
        }
        if (answer instanceof PlaceAnswer.Unknown unknown) {
            events.note("order " + order.clientOrderId() + ": outcome unknown (" + unknown.failure().describe()
                    + "); asking the venue by client order id; new orders on " + order.instrument() + " wait");
            scheduleQuery(order, settings.firstQuery());
        }
    }

    @Override
    public void cancel(String clientOrderId) {
        if (replaying) {
            cancelsAsked.add(clientOrderId);
            return;
        }
        sendCancel(clientOrderId);
    }

    private void sendCancel(String clientOrderId) {
        Option<VenueOrder> order = openOrder(clientOrderId);
        if (order.isEmpty() || stopped) {
            return;
        }
        // the venue may not hold it yet (in flight, unknown, possibly sent): sent again once it does
        book.wantCancel(clientOrderId);
        call(() -> {
            if (!driving.getAsBoolean()) {
                lane.execute(() -> events.note("cancel of " + clientOrderId + " not sent: this runner no longer holds"
                        + " the bot's lease"));
                return;
            }
            CancelAnswer answer = trading.cancel(order.get().instrument(), clientOrderId);
            lane.execute(() -> canceled(order.get(), answer));
        });
    }

    private void canceled(VenueOrder order, CancelAnswer answer) {
        if (stopped || !deliver(book.cancelAnswered(order.clientOrderId(), answer, clock.now().toEpochMilli()))) {
            return;
        }
        switch (answer) {
            case CancelAnswer.Canceled c -> backoff.remove(order.clientOrderId());
            case CancelAnswer.NotOpen n -> scheduleQuery(order, Duration.ZERO);
            case CancelAnswer.Unknown u -> {
                events.note("cancel of " + order.clientOrderId() + ": outcome unknown (" + u.failure().describe()
                        + "); asking the venue by client order id");
                scheduleQuery(order, settings.firstQuery());
            }
            case CancelAnswer.NotSent n -> {
                // a cancel the venue did not process is safe to send again: canceling twice changes nothing
                Duration wait = wait(order.clientOrderId(), n.failure());
                events.note("cancel of " + order.clientOrderId() + " not sent (" + n.failure().describe()
                        + "); sent again in " + wait.toMillis() + " ms");
                later(() -> lane.execute(() -> sendCancel(order.clientOrderId())), wait);
            }
        }
    }

    private void scheduleQuery(VenueOrder order, Duration delay) {
        if (stopped || !querying.add(order.clientOrderId())) {
            return;
        }
        later(() -> call(() -> {
            Either<VenueFailure, Option<VenueOrderState>> found = trading.query(order.instrument(),
                    order.clientOrderId());
            lane.execute(() -> queried(order, found));
        }), delay);
    }

    private void queried(VenueOrder order, Either<VenueFailure, Option<VenueOrderState>> found) {
        querying.remove(order.clientOrderId());
        if (stopped) {
            return;
        }
        if (found.isLeft()) {
            Duration wait = wait(order.clientOrderId(), found.getLeft());
            events.note("query of " + order.clientOrderId() + " failed (" + found.getLeft().describe()
                    + "); asked again in " + wait.toMillis() + " ms");
            scheduleQuery(order, wait);
            return;
        }
        boolean cancelUnknown = book.unresolved(order.clientOrderId()) == LiveOrderBook.Unresolved.CANCEL;
        if (!deliver(book.queried(order.clientOrderId(), found.get(), clock.now().toEpochMilli()))) {
            return;
        }
        if ((cancelUnknown || book.cancelDue(order.clientOrderId())) && found.get().isDefined()
                && found.get().get().status().open()) {
            // the cancel did not reach the venue: sending it again is safe
            sendCancel(order.clientOrderId());
        }
        if (book.unresolved(order.clientOrderId()) != LiveOrderBook.Unresolved.NONE) {
            scheduleQuery(order, wait(order.clientOrderId(), null));
        } else {
            backoff.remove(order.clientOrderId());
        }
        sendReleased();
    }

    /** How long to wait before asking again: the venue's Retry-After, else a doubling back-off per order. */
    private Duration wait(String key, VenueFailure failure) {
        if (failure instanceof VenueFailure.RateLimited limited) {
            return limited.retryAfter();
        }
        Duration last = backoff.getOrDefault(key, settings.firstQuery().dividedBy(2));
        Duration next = last.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                : last.multipliedBy(2);
        backoff.put(key, next);
        return next.isZero() ? Duration.ofMillis(1) : next;
    }

    @Override
    public void onUpdate(VenueUpdate update) {
        if (stopped) {
            return;
        }
        lane.execute(() -> {
            if (!replaying && !stopped) {
                deliver(book.updated(update, clock.now().toEpochMilli()));
            }
        });
    }

    @Override
    public void onConnected(boolean afterGap) {
        if (stopped) {
            return;
        }
        lane.execute(() -> {
            if (afterGap) {
                events.note("report stream back after a gap: reconciling");
            }
            book.reconciled(false, "the account is being reconciled with the venue");
            reconcile(afterGap ? "stream reconnected" : "start");
        });
    }

    @Override
    public void onDisconnected(String reason) {
        if (stopped) {
            return;
        }
        lane.execute(() -> {
            if (stopped) {
                return;
            }
            book.reconciled(false, "the venue's report stream is down (" + reason + "); orders wait for it");
            events.note("report stream down: " + reason);
        });
    }

    /**
     * Makes reports durable, then applies them; answers false (and stops the venue) when the journal refused them.
     * On the lane, under the session's lock.
     */
    private boolean deliver(List<VenueReport> reports) {
        if (stopped) {
            return false;
        }
        if (!reports.isEmpty()) {
            try {
                journal.append(reports);
            } catch (RuntimeException e) {
                close();
                events.journalFailed(e);
                return false;
            }
            for (VenueReport report : reports) {
                if (report instanceof VenueReport.Filled f) {
                    lastFillTime = Math.max(lastFillTime, f.time());
                }
                listener.onReport(report);
                if (!book.isOpen(report.clientOrderId())) {
                    // ended: nothing more is asked about it, so its back-offs go with it
                    backoff.remove(report.clientOrderId());
                    backoff.remove(GAP + report.clientOrderId());
                }
            }
            events.applied();
            // a report may end an order whose unknown outcome held back a released one of its instrument
            sendReleased();
        }
        fetchGaps();
        return true;
    }

    /**
     * Fills the venue counts and the stream has not brought after a grace time are read from the trade history. The
     * gap is looked at again when the grace ends: Binance answers a filled market order (FULL) before its stream
     * brings the fill, so nearly every such order has a gap for a few milliseconds, and reading the history for each
     * (weight 20) after the stream closed it spent the address's weight and kept a REST call in flight for nothing.
     */
    private void fetchGaps() {
        for (LiveOrderBook.Gap gap : book.gaps()) {
            String cid = gap.order().clientOrderId();
            if (!fetchingGaps.add(cid)) {
                continue;
            }
            later(() -> lane.execute(() -> readGapIfOpen(gap)), settings.fillGrace());
        }
    }

    /** On the lane, once the grace has passed: the trade history read only if the order is still short of fills. */
    private void readGapIfOpen(LiveOrderBook.Gap gap) {
        String cid = gap.order().clientOrderId();
        if (stopped || book.gaps().stream().noneMatch(g -> g.order().clientOrderId().equals(cid))) {
            fetchingGaps.remove(cid);
            return;
        }
        call(() -> {
            Either<VenueFailure, List<VenueExecution>> read = trading.executions(gap.order().instrument(),
                    gap.since()).map(io.vavr.collection.List::asJava);
            lane.execute(() -> gapRead(gap, read));
        });
    }

    private void gapRead(LiveOrderBook.Gap gap, Either<VenueFailure, List<VenueExecution>> read) {
        String cid = gap.order().clientOrderId();
        fetchingGaps.remove(cid);
        if (stopped) {
            return;
        }
        if (read.isLeft()) {
            events.note("trade history for " + cid + " not read (" + read.getLeft().describe() + ")");
            Duration wait = wait(GAP + cid, read.getLeft());
            later(() -> lane.execute(this::fetchGaps), wait);
            return;
        }
        backoff.remove(GAP + cid);
        List<VenueExecution> ours = read.get().stream().filter(e -> e.clientOrderId().equals(cid)).toList();
        deliver(book.executions(ours, clock.now().toEpochMilli()).reports());
    }

    /** Reconciles unless one runs (it then runs once more after it). On the lane. */
    private void reconcile(String trigger) {
        if (replaying || stopped) {
            return;
        }
        if (reconciling) {
            reconcileAgain = true;
            return;
        }
        reconciling = true;
        long since = lastFillTime == Long.MIN_VALUE ? startedAt : lastFillTime;
        call(() -> readVenue(trigger, since));
    }

    private void readVenue(String trigger, long since) {
        Either<VenueFailure, io.vavr.collection.List<VenueOrderState>> open = trading.openOrders(Option.none());
        if (open.isLeft()) {
            lane.execute(() -> reconcileFailed(trigger, open.getLeft()));
            return;
        }
        List<VenueExecution> executions = new ArrayList<>();
        for (InstrumentId instrument : instruments) {
            Either<VenueFailure, io.vavr.collection.List<VenueExecution>> read = trading.executions(instrument, since);
            if (read.isLeft()) {
                lane.execute(() -> reconcileFailed(trigger, read.getLeft()));
                return;
            }
            executions.addAll(read.get().asJava());
        }
        Either<VenueFailure, io.vavr.collection.Map<Asset, Money>> balances = trading.balances();
        if (balances.isLeft()) {
            lane.execute(() -> reconcileFailed(trigger, balances.getLeft()));
            return;
        }
        List<VenueOrderState> venueOpen = open.get().asJava();
        lane.execute(() -> compare(trigger, venueOpen, executions, balances.get().toJavaMap()));
    }

    private void compare(String trigger, List<VenueOrderState> venueOpen, List<VenueExecution> executions,
                         Map<Asset, Money> balances) {
        if (stopped) {
            return;
        }
        Reconciliation.OrdersResult result = Reconciliation.orders(book, venueOpen, executions,
                clock.now().toEpochMilli());
        if (!deliver(result.reports())) {
            return;
        }
        List<Drift> drifts = new ArrayList<>(result.drifts());
        // an order open here and gone from the venue: its end is asked for, never assumed
        result.toQuery().forEach(order -> scheduleQuery(order, Duration.ZERO));
        drifts.addAll(Reconciliation.balances(balances, assets, listener::balance));
        reconciling = false;
        reconcileBackoff = settings.firstQuery();
        book.reconciled(true, "");
        ReconciliationReport report = new ReconciliationReport(clock.now(), trigger, venueOpen.size(),
                executions.size(), List.copyOf(drifts));
        lastReconciliation = report;
        events.reconciled(report);
        // released orders that waited for this reconciliation may leave now
        sendReleased();
        if (reconcileAgain) {
            reconcileAgain = false;
            reconcile(trigger);
        }
    }

    private void reconcileFailed(String trigger, VenueFailure failure) {
        reconciling = false;
        if (stopped) {
            return;
        }
        Duration wait;
        if (failure instanceof VenueFailure.RateLimited limited) {
            wait = limited.retryAfter();
        } else {
            wait = reconcileBackoff;
            reconcileBackoff = reconcileBackoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                    ? settings.maxBackoff() : reconcileBackoff.multipliedBy(2);
        }
        events.note("reconciliation (" + trigger + ") put off by " + wait.toMillis() + " ms: " + failure.describe());
        reconcileAgain = false;
        later(() -> lane.execute(() -> reconcile(trigger)), wait);
    }

    /**
     * Runs {@code task} on a call's virtual thread. Dropped when the executor no longer takes tasks: the application
     * is stopping, and nothing more is sent or applied (a stream's last callbacks come in after it).
     */
    private void call(Runnable task) {
        try {
            calls.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            close();
        }
    }

    /** Runs {@code task} on the timer after {@code delay}; dropped, as {@link #call}, once the timer is shut down. */
    private void later(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            close();
        }
    }

    private Option<VenueOrder> openOrder(String clientOrderId) {
        return Option.ofOptional(book.open().stream().filter(o -> o.clientOrderId().equals(clientOrderId))
                .findFirst());
    }

    /** Whether orders may leave now (the account reconciled, the stream up). */
    boolean reconciled() {
        return book.isReconciled();
    }

    /** Whether an unknown outcome blocks {@code instrument}. */
    boolean blocked(InstrumentId instrument) {
        return book.blocked(instrument);
    }

    /**
     * What this venue holds per order: the book's orders (not ended, and the ended ones it keeps) and every
     * per-order entry of its own (lookups, gap reads, back-offs, cancels asked during a rebuild). Bounded by the
     * book's retention, not by the orders the session ever placed.
     */
    int perOrderEntries() {
        return book.size() + querying.size() + fetchingGaps.size() + backoff.size() + cancelsAsked.size();
    }

    /** How many orders are open on the venue as far as this session knows. */
    int openOrders() {
        return book.open().size();
    }

    Option<ReconciliationReport> lastReconciliation() {
        return Option.of(lastReconciliation);
    }

    /** Stops talking to the venue: the stream closed, nothing more scheduled or applied. */
    @Override
    public void close() {
        stopped = true;
        if (subscription != null) {
            subscription.close();
        }
        if (periodic != null) {
            periodic.cancel(false);
        }
    }
}
