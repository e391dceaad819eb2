package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.order.domain.Fill;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderSpec;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.order.domain.TradeId;
import io.cryptobot.order.domain.VenueOrderId;
import io.cryptobot.risk.domain.PreTradeRefusal;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The session's execution engine (NautilusTrader's name): takes a new order through the pre-trade check to the
 * {@link Venue}, sends cancels, and applies the venue's reports to the orders, the account and the strategy.
 * A fill moves the order, then the ledger, then is told to the listener and (for the strategy's own orders) to
 * the strategy; an order that ends leaves the open orders and its intent, if any, is reported done once.
 */
final class SessionExecution implements VenueListener {
    private final Venue venue;
    private final SessionOrders orders;
    private final SessionAccount account;
    private final SessionRisk risk;
    private final SessionMarkets markets;
    private final SessionClock clock;
    private final Strategy strategy;
    private final SessionListener listener;
    private final List<ExecutedFill> fills = new ArrayList<>();
    private final List<SessionOrder> endedWhileCancelingAll = new ArrayList<>();
    private boolean cancelingAll;

    SessionExecution(Venue venue, SessionOrders orders, SessionAccount account, SessionRisk risk,
                     SessionMarkets markets, SessionClock clock, Strategy strategy, SessionListener listener) {
        this.venue = venue;
        this.orders = orders;
        this.account = account;
        this.risk = risk;
        this.markets = markets;
        this.clock = clock;
        this.strategy = strategy;
        this.listener = listener;
    }

    /** An order created: denied with the pre-trade refusal, or submitted (no refusal). */
    record Opened(SessionOrder order, Option<PreTradeRefusal> refusal) {
    }

    /**
     * Creates an order from {@code spec} (the strategy's, with its {@code intent}, or one placed from outside,
     * without), runs the pre-trade check valuing it at {@code riskPrice}, and either denies it (the refusal
     * reported) or submits it to the venue, where it meets the market's next candle.
     */
    Opened open(int market, OrderId id, OrderSpec spec, OrderIntent intent, String tag, Price riskPrice) {
        SessionOrder order = orders.add(Order.newOrder(id, spec, clock.meta()), market, intent, tag,
                Instant.ofEpochMilli(clock.now()));
        io.cryptobot.risk.domain.OrderIntent riskView = new io.cryptobot.risk.domain.OrderIntent(spec.instrument(),
                spec.side(), spec.quantity(), riskPrice, spec.reduceOnly(), spec.correlationId());
        Either<PreTradeRefusal, ?> checked = risk.check(riskView, account.equity(), account.positions(),
                orders.openCount());
        if (checked.isLeft()) {
            orders.transition(order, order.order.deny(checked.getLeft().reason(), clock.meta()));
            listener.blocked(order.order, riskView, checked.getLeft());
            return new Opened(order, Option.some(checked.getLeft()));
        }
        orders.transition(order, order.order.submit(clock.meta()));
        orders.opened(order);
        venue.submit(new VenueOrder(spec.clientOrderId().value(), spec.instrument(), spec.side(), spec.type(),
                spec.quantity(), spec.limitPrice(), spec.triggerPrice(), spec.timeInForce(), spec.reduceOnly()));
        return new Opened(order, Option.none());
    }

    /** The venue meets the market's working orders with its candle; its reports come back through onReport. */
    void onBar(InstrumentId instrument, Candle candle) {
        venue.onBar(instrument, candle);
    }

    /**
     * A simulated venue confirms a cancel at once; a live one later, meanwhile the order is pending cancel (or
     * still submitted, when the venue has not acknowledged it: the venue sends the cancel again once it does).
     */
    void cancel(SessionOrder order) {
        venue.cancel(order.order.spec().clientOrderId().value());
        // an order the venue has not acknowledged yet (submitted) stays so: the venue's answer moves it
        if (orders.isOpen(order) && order.order.status().isOpen()
                && order.order.status() != OrderStatus.PENDING_CANCEL) {
            orders.transition(order, order.order.requestCancel(clock.meta()));
        }
    }

    /**
     * Cancels every open order, market by market, oldest first; their intents are reported done once all are
     * canceled, so a strategy reacting to one sees none of the others still open.
     */
    void cancelAll() {
        cancelingAll = true;
        try {
            for (int market = 0; market < markets.count(); market++) {
                for (SessionOrder order : List.copyOf(orders.openOrders())) {
                    if (order.market == market) {
                        cancel(order);
                    }
                }
            }
        } finally {
            cancelingAll = false;
        }
        for (SessionOrder order : endedWhileCancelingAll) {
            strategy.onIntentDone(markets.instrument(order.market), order.intent, order.order.filledQuantity());
        }
        endedWhileCancelingAll.clear();
    }

    @Override
    public void onReport(VenueReport report) {
        SessionOrder order = orders.byClientOrderId(report.clientOrderId());
        if (order == null || !orders.isOpen(order)) {
            throw new IllegalStateException("a report for no open order of this session: " + report);
        }
        switch (report) {
            case VenueReport.Accepted accepted -> orders.transition(order,
                    order.order.accept(new VenueOrderId(accepted.venueOrderId()), clock.meta()));
            case VenueReport.Triggered triggered -> orders.transition(order, order.order.trigger(clock.meta()));
            case VenueReport.Filled filled -> {
                book(order, inOrderScale(filled, order.order.spec().quantity().scale()));
                if (order.order.status() == OrderStatus.FILLED) {
                    ended(order);
                }
            }
            case VenueReport.Rejected rejected -> {
                orders.transition(order, order.order.reject(rejected.reason(), clock.meta()));
                ended(order);
            }
            case VenueReport.Canceled canceled -> {
                orders.transition(order, order.order.cancel(clock.meta()));
                ended(order);
            }
            case VenueReport.Expired expired -> {
                orders.transition(order, order.order.expire(clock.meta()));
                ended(order);
            }
        }
    }

    @Override
    public Money balance(Asset asset) {
        return account.balance(asset);
    }

    List<ExecutedFill> fills() {
        return Collections.unmodifiableList(fills);
    }

    /**
     * A venue writes quantities at its own scale (Binance: 8 decimals, "0.40000000"); a fill is booked at the
     * order's scale when it is exactly representable there. One that is not (finer than the instrument's step) stays
     * as reported and is refused as an invalid fill.
     */
    static VenueReport.Filled inOrderScale(VenueReport.Filled filled, int scale) {
        Quantity qty = filled.lastQty();
        if (qty.scale() == scale) {
            return filled;
        }
        try {
            java.math.BigDecimal exact = qty.toBigDecimal().setScale(scale, java.math.RoundingMode.UNNECESSARY);
            return new VenueReport.Filled(filled.clientOrderId(), filled.tradeId(),
                    new Quantity(exact.unscaledValue().longValueExact(), scale), filled.lastPx(), filled.commission(),
                    filled.liquidity(), filled.time());
        } catch (ArithmeticException notExact) {
            return filled;
        }
    }

    private void book(SessionOrder order, VenueReport.Filled filled) {
        InstrumentId instrument = markets.instrument(order.market);
        TradeId tradeId = new TradeId(filled.tradeId());
        Instant time = Instant.ofEpochMilli(filled.time());
        orders.transition(order, order.order.applyFill(new Fill(tradeId, filled.lastQty(), filled.lastPx(),
                filled.commission(), filled.liquidity(), time), clock.meta()));
        account.book(order.market, order.order.spec().side(), filled.lastQty(), filled.lastPx(), filled.commission(),
                tradeId.value(), time, clock.meta());
        ExecutedFill fill = new ExecutedFill(order.order.id(), tradeId, instrument, order.order.spec().side(),
                filled.lastQty(), filled.lastPx(), filled.commission(), filled.liquidity(), time, order.tag);
        fills.add(fill);
        listener.filled(fill);
        if (order.intent != null) {
            strategy.onFill(instrument, order.order.spec().side(), filled.lastQty(), filled.lastPx());
        }
    }

    /** The order has ended: it leaves the open orders, and its intent (if any) is reported done. */
    private void ended(SessionOrder order) {
        orders.ended(order);
        if (order.intent == null) {
            return;
        }
        if (cancelingAll) {
            endedWhileCancelingAll.add(order);
        } else {
            strategy.onIntentDone(markets.instrument(order.market), order.intent, order.order.filledQuantity());
        }
    }
}
