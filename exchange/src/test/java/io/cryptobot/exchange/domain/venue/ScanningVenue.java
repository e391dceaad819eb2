package io.cryptobot.exchange.domain.venue;

import io.cryptobot.exchange.domain.fill.Balances;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.FillOutcome;
import io.cryptobot.exchange.domain.fill.FillRefused;
import io.cryptobot.exchange.domain.fill.SimulatedFill;
import io.cryptobot.exchange.domain.fill.SimulatedOrder;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference for {@link SimulatedVenue}'s book: the venue as it was before it kept resting orders by price (its
 * code up to 9d7a9b4), meeting EVERY working order with every bar, oldest first. Test code only: the book must
 * give the same reports, and the step benchmark measures both.
 */
final class ScanningVenue implements Venue {
    private final Map<InstrumentId, Integer> index = new HashMap<>();
    private final FillModel[] models;
    private final List<Working>[] books;
    private final Map<String, Working> byClientOrderId = new HashMap<>();
    private final String tradeIdPrefix;
    private VenueListener listener;
    private long now = Long.MIN_VALUE;
    private long trades;
    private long accepted;

    /** A venue for one fill model per instrument; {@code tradeIdPrefix} makes its trade ids unique beyond it. */
    @SuppressWarnings("unchecked")
    ScanningVenue(List<FillModel> models, String tradeIdPrefix) {
        this.models = models.toArray(FillModel[]::new);
        this.books = new List[this.models.length];
        for (int i = 0; i < this.models.length; i++) {
            InstrumentId instrument = this.models[i].rules().instrument();
            if (index.put(instrument, i) != null) {
                throw new IllegalArgumentException("each instrument may appear once: " + instrument);
            }
            books[i] = new ArrayList<>();
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
                new Quantity(0, order.quantity().scale()), false, false));
        if (byClientOrderId.putIfAbsent(order.clientOrderId(), working) != null) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId() + " was used before");
        }
        books[market].add(working);
    }

    @Override
    public void cancel(String clientOrderId) {
        Working working = byClientOrderId.get(clientOrderId);
        if (working == null || working.closed) {
            return;
        }
        close(working);
        books[working.market].remove(working);
        listener.onReport(new VenueReport.Canceled(clientOrderId, "canceled", now));
    }

    @Override
    public void onBar(InstrumentId instrument, Candle bar) {
        now = bar.openTime();
        Integer market = index.get(instrument);
        if (market == null) {
            return;
        }
        List<Working> book = books[market];
        for (int k = 0; k < book.size(); ) {
            Working working = book.get(k);
            if (match(working, bar)) {
                k++;
            } else {
                close(working);
                book.remove(k);
            }
        }
    }

    /** Whether the order has working orders on any market (a quick test for the session). */
    boolean hasWorkingOrders() {
        for (List<Working> book : books) {
            if (!book.isEmpty()) {
                return true;
            }
        }
        return false;
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
    }

    /** One order on the book: as sent, where it trades, the fill model's view of it, and whether it has arrived. */
    private static final class Working {
        final VenueOrder order;
        final int market;
        SimulatedOrder simulated;
        boolean arrived;
        boolean closed;

        Working(VenueOrder order, int market, SimulatedOrder simulated) {
            this.order = order;
            this.market = market;
            this.simulated = simulated;
        }
    }
}
