package io.cryptobot.exchange.domain.venue;

import io.cryptobot.exchange.domain.fill.Balances;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.FillOutcome;
import io.cryptobot.exchange.domain.fill.FillRefused;
import io.cryptobot.exchange.domain.fill.SimulatedFill;
import io.cryptobot.exchange.domain.fill.SimulatedOrder;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.vavr.control.Either;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The simulated venue of paper trading and backtests: a book of working orders per instrument matched against each
 * closed bar by the {@link FillModel} (the matching engine), oldest order first, each against what the account holds
 * after the fills before it. Reports go to the listener synchronously, in the order they happen:
 * <ul>
 * <li>an order arrives at the first bar after it was submitted: {@code Accepted} (venue id {@code SIM-n}), or
 *     {@code Rejected} when the account cannot pay for it; a working order the account can no longer pay for is
 *     {@code Canceled} by the venue;</li>
 * <li>then {@code Triggered} (conditional orders), {@code Filled} (trade ids {@code <prefix>T<n>}) and
 *     {@code Expired} as the fill model decides; a canceled order is {@code Canceled} at once.</li>
 * </ul>
 * An order submitted while a bar is being matched (a strategy reacting to a fill) joins the end of the book and
 * meets the same bar, as it always has. Single-threaded, no clock: its time is the open time of the last bar.
 *
 * <p>A bar meets only the orders it can change: the book keeps an order that has rested through a bar (GTC) by
 * price, limits by their limit on the grid (buys and sells apart), untriggered conditional orders by their trigger
 * (rising and falling apart), and {@link FillModel#reach} says which of them the bar reaches; every other order is
 * met at every bar (one that has not arrived yet, a market order, anything not GTC). The met orders are taken in
 * the order they were submitted, exactly as a scan of the whole book would take them, and an order out of the
 * bar's reach would only have been told {@code NoFill} and stayed as it was, so the reports are the scan's; the
 * cost of a bar follows the orders it reaches, not the orders resting.
 */
public final class SimulatedVenue implements Venue {
    private final Map<InstrumentId, Integer> index = new HashMap<>();
    private final FillModel[] models;
    private final Book[] books;
    private final Map<String, Working> byClientOrderId = new HashMap<>();
    private final String tradeIdPrefix;
    private VenueListener listener;
    private long now = Long.MIN_VALUE;
    private long trades;
    private long accepted;
    private long submitted;
    /** Orders submitted while a bar of their market is being matched: they meet that bar after the others. */
    private final ArrayDeque<Working> lateArrivals = new ArrayDeque<>();
    private int matching = -1;

    /** A venue for one fill model per instrument; {@code tradeIdPrefix} makes its trade ids unique beyond it. */
    public SimulatedVenue(List<FillModel> models, String tradeIdPrefix) {
        this.models = models.toArray(FillModel[]::new);
        this.books = new Book[this.models.length];
        for (int i = 0; i < this.models.length; i++) {
            InstrumentId instrument = this.models[i].rules().instrument();
            if (index.put(instrument, i) != null) {
                throw new IllegalArgumentException("each instrument may appear once: " + instrument);
            }
            books[i] = new Book();
        }
        this.tradeIdPrefix = Objects.requireNonNull(tradeIdPrefix, "tradeIdPrefix");
    }

    @Override
    public void connect(VenueListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("the venue is connected already");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void submit(VenueOrder order) {
        Integer market = index.get(order.instrument());
        if (market == null) {
            throw new IllegalArgumentException("this venue does not trade " + order.instrument());
        }
        Working working = new Working(order, market, new SimulatedOrder(order.side(), order.type(), order.quantity(),
                order.limitPrice(), order.triggerPrice(), order.timeInForce(),
                new Quantity(0, order.quantity().scale()), false, false), ++submitted);
        if (byClientOrderId.putIfAbsent(order.clientOrderId(), working) != null) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId() + " was used before");
        }
        books[market].file(working, models[market]);
        if (matching == market) {
            lateArrivals.add(working);
        }
    }

    @Override
    public void cancel(String clientOrderId) {
        Working working = byClientOrderId.get(clientOrderId);
        if (working == null || working.closed) {
            return;
        }
        close(working);
        listener.onReport(new VenueReport.Canceled(clientOrderId, "canceled", now));
    }

    @Override
    public void onBar(InstrumentId instrument, Candle bar) {
        now = bar.openTime();
        Integer market = index.get(instrument);
        if (market == null) {
            return;
        }
        Book book = books[market];
        if (book.size == 0) {
            // nothing working: no report, so no reaction can submit an order during this bar (most bars of a
            // backtest; BacktestBench's engine ran at a third of its speed when every bar computed its reach)
            return;
        }
        FillModel model = models[market];
        List<Working> met = book.keptByPrice() ? book.reachedBy(model.reach(bar)) : new ArrayList<>(book.everyBar);
        matching = market;
        try {
            for (Working working : met) {
                meet(working, bar, book, model);
            }
            for (Working late = lateArrivals.poll(); late != null; late = lateArrivals.poll()) {
                meet(late, bar, book, model);
            }
        } finally {
            matching = -1;
            lateArrivals.clear();
        }
    }

    /** Whether the venue has working orders on any market (a quick test for the session). */
    public boolean hasWorkingOrders() {
        for (Book book : books) {
            if (book.size > 0) {
                return true;
            }
        }
        return false;
    }

    private void meet(Working working, Candle bar, Book book, FillModel model) {
        if (working.closed) {
            return; // canceled by a reaction to an earlier report of this bar
        }
        boolean stays = match(working, bar);
        if (working.closed) {
            return; // canceled by a reaction to one of its own reports
        }
        if (stays) {
            book.file(working, model);
        } else {
            close(working);
        }
    }

    /** Meets one working order with the bar; returns whether it stays on the book. */
    private boolean match(Working w, Candle bar) {
        FillModel model = models[w.market];
        InstrumentId instrument = model.rules().instrument();
        String id = w.order.clientOrderId();
        Balances available = new Balances(listener.balance(instrument.quote()), listener.balance(instrument.base()));
        Either<FillRefused, FillOutcome> evaluated = model.evaluate(w.simulated, bar, available);
        if (evaluated.isLeft()) {
            String reason = "insufficient balance: " + evaluated.getLeft().reason();
            listener.onReport(w.arrived ? new VenueReport.Canceled(id, reason, now)
                    : new VenueReport.Rejected(id, reason, now));
            return false;
        }
        if (!w.arrived) {
            w.arrived = true;
            listener.onReport(new VenueReport.Accepted(id, "SIM-" + (++accepted), now));
        }
        FillOutcome outcome = evaluated.get();
        if (outcome.triggered() && !w.simulated.triggered()) {
            w.simulated = w.simulated.asTriggered();
            listener.onReport(new VenueReport.Triggered(id, now));
        }
        return switch (outcome) {
            case FillOutcome.NoFill ignored -> {
                w.simulated = w.simulated.asResting();
                yield true;
            }
            case FillOutcome.Expired ignored -> {
                listener.onReport(new VenueReport.Expired(id, now));
                yield false;
            }
            case FillOutcome.Filled filled -> {
                SimulatedFill fill = filled.fill();
                Quantity total = new Quantity(w.simulated.filled().units() + fill.quantity().units(),
                        fill.quantity().scale());
                listener.onReport(new VenueReport.Filled(id, tradeIdPrefix + "T" + (++trades), fill.quantity(),
                        fill.price(), fill.fee(), fill.liquidity(), now));
                if (filled.expired().units() > 0) {
                    listener.onReport(new VenueReport.Expired(id, now));
                    yield false;
                }
                if (filled.remaining().units() == 0) {
                    yield false;
                }
                w.simulated = w.simulated.withFilled(total);
                yield true;
            }
        };
    }

    private void close(Working working) {
        working.closed = true;
        byClientOrderId.remove(working.order.clientOrderId());
        books[working.market].unfile(working);
    }

    /**
     * One market's working orders, each in exactly one place: met at every bar (in submission order), or kept by
     * price: buy and sell limits by their limit on the grid, untriggered conditional orders by their trigger, each
     * set ordered by price and then by submission.
     */
    private static final class Book {
        private static final Comparator<Working> BY_SEQUENCE = Comparator.comparingLong(w -> w.sequence);
        private static final Comparator<Working> BY_LIMIT =
                Comparator.<Working>comparingLong(w -> w.limit).thenComparingLong(w -> w.sequence);
        private static final Comparator<Working> BY_TRIGGER =
                Comparator.<Working, Price>comparing(w -> w.trigger).thenComparingLong(w -> w.sequence);

        final NavigableSet<Working> everyBar = new TreeSet<>(BY_SEQUENCE);
        final NavigableSet<Working> buyLimits = new TreeSet<>(BY_LIMIT);
        final NavigableSet<Working> sellLimits = new TreeSet<>(BY_LIMIT);
        final NavigableSet<Working> risingTriggers = new TreeSet<>(BY_TRIGGER);
        final NavigableSet<Working> fallingTriggers = new TreeSet<>(BY_TRIGGER);
        int size;

        /** Puts the order (new, or after it met a bar and stays) where its state says a bar must look for it. */
        void file(Working w, FillModel model) {
            unfile(w);
            SimulatedOrder o = w.simulated;
            boolean byPrice = w.arrived && o.resting() && o.timeInForce() == TimeInForce.GTC;
            NavigableSet<Working> home;
            if (byPrice && o.type().isConditional() && !o.triggered()) {
                w.trigger = o.triggerPrice().get();
                home = o.type().triggersOnRise(o.side()) ? risingTriggers : fallingTriggers;
            } else if (byPrice && o.type().hasLimitPrice()) {
                w.limit = model.limitUnits(o);
                home = o.side() == Side.BUY ? buyLimits : sellLimits;
            } else {
                home = everyBar;
            }
            home.add(w);
            w.home = home;
            size++;
        }

        /** Whether any order is kept by price (else a bar meets the every-bar orders alone, its reach unneeded). */
        boolean keptByPrice() {
            return !(buyLimits.isEmpty() && sellLimits.isEmpty() && risingTriggers.isEmpty()
                    && fallingTriggers.isEmpty());
        }

        void unfile(Working w) {
            if (w.home != null) {
                w.home.remove(w);
                w.home = null;
                size--;
            }
        }

        /** The orders the bar must meet, in submission order. */
        List<Working> reachedBy(FillModel.Reach reach) {
            List<Working> met = new ArrayList<>(everyBar);
            if (reach.anyVolume()) {
                met.addAll(buyLimits.tailSet(Working.probe(reach.lowestBuyLimit(), null, Long.MIN_VALUE), true));
                met.addAll(sellLimits.headSet(Working.probe(reach.highestSellLimit(), null, Long.MAX_VALUE), true));
                met.addAll(risingTriggers.headSet(Working.probe(0, reach.high(), Long.MAX_VALUE), true));
                met.addAll(fallingTriggers.tailSet(Working.probe(0, reach.low(), Long.MIN_VALUE), true));
                if (met.size() > everyBar.size()) {
                    met.sort(BY_SEQUENCE);
                }
            }
            return met;
        }
    }

    /** One order on the book: as sent, where it trades, the fill model's view of it, and whether it has arrived. */
    private static final class Working {
        final VenueOrder order;
        final int market;
        final long sequence;
        SimulatedOrder simulated;
        boolean arrived;
        boolean closed;
        /** Where the book keeps it, and the price it is kept by there. */
        NavigableSet<Working> home;
        long limit;
        Price trigger;

        Working(VenueOrder order, int market, SimulatedOrder simulated, long sequence) {
            this.order = order;
            this.market = market;
            this.simulated = simulated;
            this.sequence = sequence;
        }

        /** A key to cut a price-ordered set at: never on a book. */
        static Working probe(long limit, Price trigger, long sequence) {
            Working probe = new Working(null, -1, null, sequence);
            probe.limit = limit;
            probe.trigger = trigger;
            return probe;
        }
    }
}
