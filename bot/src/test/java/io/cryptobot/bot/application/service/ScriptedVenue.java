package io.cryptobot.bot.application.service;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.execution.VenueExecution;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueOrderState;
import io.cryptobot.kernel.domain.execution.VenueOrderState.Status;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.cryptobot.kernel.domain.execution.VenueUpdate;
import io.cryptobot.kernel.domain.market.VenueFailure;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small live venue for tests, in memory: an order book per account that matches market orders at once at the
 * venue's price and limit orders when the test trades against them ({@link #trade}), keeps balances (fee 0.1 % in
 * the quote, or in {@code feeAsset}), a trade history and a user-data stream; and a script of faults: a placement
 * refused, timed out with the order on the book (or lost), refused for the rate; a cancel answered 5xx (applied or
 * not); reads rate-limited; the stream dropped (updates lost meanwhile) and resumed; updates delivered twice or
 * held back to be delivered out of order. Every call is counted.
 */
final class ScriptedVenue implements VenueTrading {
    enum PlaceFault { REJECT, TIMEOUT_ON_BOOK, TIMEOUT_LOST, RATE_LIMITED }

    enum CancelFault { FIVE_XX_APPLIED, FIVE_XX_NOT_APPLIED, RATE_LIMITED }

    private final LinkedHashMap<String, VenueOrderState> orders = new LinkedHashMap<>();
    private final java.util.List<VenueExecution> executions = new ArrayList<>();
    private final java.util.Map<Asset, BigDecimal> balances = new java.util.HashMap<>();
    private final Deque<PlaceFault> placeFaults = new ArrayDeque<>();
    private final Deque<CancelFault> cancelFaults = new ArrayDeque<>();
    private final java.util.List<VenueUpdate> heldBack = new ArrayList<>();
    private final AtomicInteger tradeIds = new AtomicInteger();
    final java.util.Map<String, Integer> placements = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicInteger cancels = new AtomicInteger();
    final AtomicInteger queries = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    /** Reads of the trade history ({@link #executions}). */
    final AtomicInteger executionReads = new AtomicInteger();
    private int rateLimitedReads;
    private boolean streamUp;
    private boolean duplicateUpdates;
    private boolean holdUpdates;
    private Listener listener;
    private Price price;
    /** The venue's average price (its band's reference); null: the last price. */
    private BigDecimal average;
    final AtomicInteger averageReads = new AtomicInteger();
    /** What asking the average price answers instead of a price (null: the price). */
    private VenueFailure averageFailure;
    private Asset feeAsset;
    private long time = 1_000;

    /** Whether {@link #placeAsync} places on its caller's thread, as an adapter that starts requests inline. */
    private volatile boolean startsInline;
    /** The threads {@link #placeAsync} placed on, while it starts inline. */
    final java.util.List<Thread> placingThreads = java.util.Collections.synchronizedList(new ArrayList<>());

    ScriptedVenue(Price price) {
        this.price = price;
    }

    /** From now on {@link #placeAsync} places on its caller's thread and hands the answer to the executor. */
    ScriptedVenue startsInline() {
        startsInline = true;
        return this;
    }

    /** The next {@link #placeAsync} places the order, then fails its stage (an adapter failing after the send). */
    ScriptedVenue failNextPlaceAsync() {
        failNextPlaceAsync = true;
        return this;
    }

    private volatile boolean failNextPlaceAsync;

    @Override
    public java.util.concurrent.CompletableFuture<PlaceAnswer> placeAsync(VenueOrder order,
                                                                         java.util.concurrent.Executor answers) {
        if (!startsInline) {
            return VenueTrading.super.placeAsync(order, answers);
        }
        placingThreads.add(Thread.currentThread());
        PlaceAnswer answer = place(order);
        if (failNextPlaceAsync) {
            failNextPlaceAsync = false;
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("answer unreadable"));
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> answer, answers);
    }

    synchronized ScriptedVenue balance(Asset asset, String amount) {
        balances.put(asset, new BigDecimal(amount));
        return this;
    }

    synchronized void price(Price price) {
        this.price = price;
    }

    synchronized void average(String average) {
        this.average = new BigDecimal(average);
    }

    /** The venue's clock (its trades' and states' times) from now on: {@code time} and later. */
    synchronized void time(long time) {
        this.time = time;
    }

    synchronized void averageFails(VenueFailure failure) {
        this.averageFailure = failure;
    }

    synchronized void feeIn(Asset asset) {
        this.feeAsset = asset;
    }

    synchronized void nextPlacement(PlaceFault fault) {
        placeFaults.add(fault);
    }

    synchronized void nextCancel(CancelFault fault) {
        cancelFaults.add(fault);
    }

    synchronized void rateLimitReads(int count) {
        rateLimitedReads = count;
    }

    synchronized void duplicateUpdates(boolean on) {
        duplicateUpdates = on;
    }

    /** Updates are held back from now on, to be delivered by {@link #releaseHeldBack} (reversed: out of order). */
    synchronized void holdUpdates(boolean on) {
        holdUpdates = on;
    }

    void releaseHeldBack(boolean reversed) {
        java.util.List<VenueUpdate> updates;
        synchronized (this) {
            updates = new ArrayList<>(heldBack);
            heldBack.clear();
            holdUpdates = false;
        }
        if (reversed) {
            java.util.Collections.reverse(updates);
        }
        updates.forEach(u -> listener.onUpdate(u));
    }

    void dropStream() {
        synchronized (this) {
            streamUp = false;
        }
        listener.onDisconnected("connection reset");
    }

    void resumeStream() {
        synchronized (this) {
            streamUp = true;
        }
        listener.onConnected(true);
    }

    /** An order placed on the venue by hand (another tool): never the platform's. */
    synchronized VenueOrderState placeByHand(String clientOrderId, InstrumentId instrument) {
        VenueOrderState state = new VenueOrderState(clientOrderId, "h-" + clientOrderId, instrument, Side.SELL,
                OrderType.LIMIT, new Quantity(1, 0), new Quantity(0, 0), Option.some(price), Status.NEW, ++time);
        orders.put(clientOrderId, state);
        return state;
    }

    @Override
    public PlaceAnswer place(VenueOrder order) {
        java.util.List<VenueUpdate> out = new ArrayList<>();
        PlaceAnswer answer;
        synchronized (this) {
            placements.merge(order.clientOrderId(), 1, Integer::sum);
            PlaceFault fault = placeFaults.poll();
            if (fault == PlaceFault.RATE_LIMITED) {
                return new PlaceAnswer.NotSent(new VenueFailure.RateLimited(Duration.ofMillis(50), false));
            }
            if (fault == PlaceFault.REJECT) {
                return new PlaceAnswer.Rejected("-2010", "Account has insufficient balance for requested action.");
            }
            if (fault == PlaceFault.TIMEOUT_LOST) {
                return new PlaceAnswer.Unknown(new VenueFailure.Unavailable("read timed out"));
            }
            if (orders.containsKey(order.clientOrderId())) {
                return new PlaceAnswer.Rejected("-2010", "Duplicate order sent.");
            }
            VenueOrderState state = new VenueOrderState(order.clientOrderId(), "v" + (orders.size() + 1),
                    order.instrument(), order.side(), order.type(), order.quantity(),
                    new Quantity(0, order.quantity().scale()), order.limitPrice(), Status.NEW, ++time);
            orders.put(order.clientOrderId(), state);
            out.add(new VenueUpdate(new VenueReport.Accepted(order.clientOrderId(), state.venueOrderId(), time),
                    state));
            if (order.type() == OrderType.MARKET) {
                out.add(match(order.clientOrderId(), order.quantity(), price));
            }
            VenueOrderState after = orders.get(order.clientOrderId());
            answer = fault == PlaceFault.TIMEOUT_ON_BOOK
                    ? new PlaceAnswer.Unknown(new VenueFailure.Unavailable("read timed out"))
                    : new PlaceAnswer.Accepted(after);
        }
        stream(out);
        return answer;
    }

    /** Trades {@code quantity} of a resting order at its limit price (a counterparty came). */
    void trade(String clientOrderId, Quantity quantity) {
        VenueUpdate update;
        synchronized (this) {
            VenueOrderState state = orders.get(clientOrderId);
            update = match(clientOrderId, quantity, state.limitPrice().getOrElse(price));
        }
        stream(java.util.List.of(update));
    }

    private VenueUpdate match(String clientOrderId, Quantity quantity, Price at) {
        VenueOrderState state = orders.get(clientOrderId);
        Quantity executed = new Quantity(state.executed().units() + quantity.units(), quantity.scale());
        Status status = executed.units() == state.quantity().units() ? Status.FILLED : Status.PARTIALLY_FILLED;
        VenueOrderState after = new VenueOrderState(state.clientOrderId(), state.venueOrderId(), state.instrument(),
                state.side(), state.type(), state.quantity(), executed, state.limitPrice(), status, ++time);
        orders.put(clientOrderId, after);
        BigDecimal notional = quantity.toBigDecimal().multiply(at.toBigDecimal());
        Asset quote = state.instrument().quote();
        Asset base = state.instrument().base();
        Money fee;
        if (feeAsset == null) {
            fee = Money.of(notional.multiply(new BigDecimal("0.001")).setScale(2, RoundingMode.HALF_UP), quote);
        } else if (feeAsset.equals(base)) {
            fee = Money.of(quantity.toBigDecimal().multiply(new BigDecimal("0.001")), base);
        } else {
            fee = Money.of(new BigDecimal("0.00010000"), feeAsset);
        }
        int sign = state.side() == Side.BUY ? 1 : -1;
        balances.merge(base, quantity.toBigDecimal().multiply(BigDecimal.valueOf(sign)), BigDecimal::add);
        balances.merge(quote, notional.multiply(BigDecimal.valueOf(-sign)), BigDecimal::add);
        balances.merge(fee.asset(), fee.toBigDecimal().negate(), BigDecimal::add);
        String tradeId = "T" + tradeIds.incrementAndGet();
        VenueExecution execution = new VenueExecution(clientOrderId, state.venueOrderId(), state.instrument(),
                state.side(), tradeId, quantity, at, fee, LiquiditySide.TAKER, time);
        executions.add(execution);
        return new VenueUpdate(execution.asReport(), after);
    }

    private void stream(java.util.List<VenueUpdate> updates) {
        for (VenueUpdate u : updates) {
            boolean send;
            synchronized (this) {
                if (!streamUp) {
                    continue;
                }
                if (holdUpdates) {
                    heldBack.add(u);
                    continue;
                }
                send = true;
            }
            if (send && listener != null) {
                listener.onUpdate(u);
                if (duplicateUpdates) {
                    listener.onUpdate(u);
                }
            }
        }
    }

    @Override
    public CancelAnswer cancel(InstrumentId instrument, String clientOrderId) {
        VenueUpdate update;
        CancelAnswer answer;
        synchronized (this) {
            cancels.incrementAndGet();
            CancelFault fault = cancelFaults.poll();
            if (fault == CancelFault.RATE_LIMITED) {
                return new CancelAnswer.NotSent(new VenueFailure.RateLimited(Duration.ofMillis(50), false));
            }
            if (fault == CancelFault.FIVE_XX_NOT_APPLIED) {
                return new CancelAnswer.Unknown(new VenueFailure.Unavailable("HTTP 503"));
            }
            VenueOrderState state = orders.get(clientOrderId);
            if (state == null || !state.status().open()) {
                return new CancelAnswer.NotOpen("-2011", "Unknown order sent.");
            }
            VenueOrderState after = new VenueOrderState(state.clientOrderId(), state.venueOrderId(),
                    state.instrument(), state.side(), state.type(), state.quantity(), state.executed(),
                    state.limitPrice(), Status.CANCELED, ++time);
            orders.put(clientOrderId, after);
            update = new VenueUpdate(new VenueReport.Canceled(clientOrderId, "canceled", time), after);
            answer = fault == CancelFault.FIVE_XX_APPLIED
                    ? new CancelAnswer.Unknown(new VenueFailure.Unavailable("HTTP 502")) : new CancelAnswer.Canceled(after);
        }
        stream(java.util.List.of(update));
        return answer;
    }

    @Override
    public synchronized Either<VenueFailure, Option<VenueOrderState>> query(InstrumentId instrument,
                                                                           String clientOrderId) {
        queries.incrementAndGet();
        return Either.right(Option.of(orders.get(clientOrderId)));
    }

    private Option<VenueFailure> readFault() {
        reads.incrementAndGet();
        if (rateLimitedReads > 0) {
            rateLimitedReads--;
            return Option.some(new VenueFailure.RateLimited(Duration.ofMillis(100), false));
        }
        return Option.none();
    }

    @Override
    public synchronized Either<VenueFailure, List<VenueOrderState>> openOrders(Option<InstrumentId> instrument) {
        Option<VenueFailure> fault = readFault();
        if (fault.isDefined()) {
            return Either.left(fault.get());
        }
        return Either.right(List.ofAll(orders.values()).filter(o -> o.status().open())
                .filter(o -> instrument.forAll(i -> i.equals(o.instrument()))));
    }

    @Override
    public synchronized Either<VenueFailure, List<VenueExecution>> executions(InstrumentId instrument, long fromTime) {
        executionReads.incrementAndGet();
        Option<VenueFailure> fault = readFault();
        if (fault.isDefined()) {
            return Either.left(fault.get());
        }
        return Either.right(List.ofAll(executions).filter(e -> e.instrument().equals(instrument)
                && e.time() >= fromTime));
    }

    @Override
    public synchronized Either<VenueFailure, BigDecimal> averagePrice(InstrumentId instrument) {
        averageReads.incrementAndGet();
        if (averageFailure != null) {
            return Either.left(averageFailure);
        }
        return Either.right(average != null ? average : price.toBigDecimal());
    }

    @Override
    public synchronized Either<VenueFailure, Map<Asset, Money>> balances() {
        Option<VenueFailure> fault = readFault();
        if (fault.isDefined()) {
            return Either.left(fault.get());
        }
        Map<Asset, Money> out = HashMap.empty();
        for (java.util.Map.Entry<Asset, BigDecimal> e : balances.entrySet()) {
            if (e.getValue().signum() != 0) {
                out = out.put(e.getKey(), Money.of(e.getValue(), e.getKey()));
            }
        }
        return Either.right(out);
    }

    @Override
    public Subscription subscribe(Listener listener) {
        synchronized (this) {
            this.listener = listener;
            streamUp = true;
        }
        listener.onConnected(false);
        return () -> {
            synchronized (this) {
                streamUp = false;
            }
        };
    }

    synchronized int placements(String clientOrderId) {
        return placements.getOrDefault(clientOrderId, 0);
    }

    synchronized Option<VenueOrderState> order(String clientOrderId) {
        return Option.of(orders.get(clientOrderId));
    }
}
