package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.exchange.domain.venue.SimulatedVenue;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.Fill;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderError;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderSpec;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.order.domain.TradeId;
import io.cryptobot.order.domain.VenueOrderId;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.LedgerFill;
import io.cryptobot.portfolio.domain.LedgerRefusal;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.cryptobot.risk.domain.AccountWatch;
import io.cryptobot.risk.domain.PreTradePolicy;
import io.cryptobot.risk.domain.PreTradeRefusal;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One strategy trading one account, one time step at a time: the code path backtests, paper and live trading
 * share, so the same strategy over the same candles places the same orders in all of them. It orchestrates the
 * upstream domain code and decides nothing itself: the {@link Strategy} (bot), the {@link Order} state machine
 * (order), the {@link Venue} it trades on ({@link SimulatedVenue}, the fill model, for backtests and paper),
 * the FIFO {@link Ledger} (portfolio), the {@link PreTradePolicy} and {@link AccountWatch} (risk) and the
 * {@link PositionSizer}. Single-threaded, no clock, no randomness: times are step times, ids derive from
 * {@link SessionSetup#idSeed()} (orders placed from outside bring their own).
 *
 * <p><b>One time step</b> ({@link #step}, every market's candle with the same open time, in market order): the
 * venue meets each market's working orders with its candle and reports (accepted, rejected, triggered, filled,
 * canceled, expired), which move the orders, the ledger and the strategy ({@code onFill}); then the account is
 * marked to the closes (equity recorded after the warm-up, the daily loss watched); then the strategy sees each
 * closed candle, and an intent is sized at the close, checked by risk and submitted: it meets the market on the
 * next candle, never on the one that decided it. Every intent is reported back once through
 * {@code Strategy.onIntentDone} when its order has ended or when it placed none (sizing, risk, a pause).
 */
public final class TradingSession implements StrategyContext, VenueListener {
    private final SessionSetup setup;
    private final SessionMarket[] markets;
    private final Strategy strategy;
    private final EquitySink equitySink;
    private final SessionListener listener;
    private final Venue venue;
    private final Ledger ledger;
    private final PreTradePolicy policy;
    private final AccountWatch watch;
    private final Map<InstrumentId, Integer> marketIndex = new HashMap<>();
    private final Quantity[] position;
    private final Candle[] current;
    private final Price[] lastClose;
    private final List<SessionOrder> orders = new ArrayList<>();
    private final Map<String, SessionOrder> byClientOrderId = new HashMap<>();
    private final Map<OrderId, SessionOrder> open = new LinkedHashMap<>();
    private final List<SessionOrder> endedWhileCancelingAll = new ArrayList<>();
    private final List<OrderEvent> orderEvents = new ArrayList<>();
    private final List<ExecutedFill> fills = new ArrayList<>();
    private final List<IgnoredSignal> ignored = new ArrayList<>();
    private final List<TradingStateChanged> stateChanges = new ArrayList<>();
    private final Asset currency;
    private final double currencyDivisor;
    private TradingState state = TradingState.ACTIVE;
    private long now = Long.MIN_VALUE;
    private boolean trading;
    private boolean paused;
    private boolean cancelingAll;
    private long sequence;
    private double cash;
    private int openPositions;

    /** A session on the simulated venue of its markets' fill models (backtests, paper). */
    public TradingSession(SessionSetup setup, List<SessionMarket> markets, Strategy strategy, EquitySink equitySink,
                          SessionListener listener) {
        this(setup, markets, simulatedVenue(markets, ""), strategy, equitySink, listener);
    }

    /** A session over {@code markets} (each quoted in the account currency, cash shared) trading on {@code venue}. */
    public TradingSession(SessionSetup setup, List<SessionMarket> markets, Venue venue, Strategy strategy,
                          EquitySink equitySink, SessionListener listener) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one market");
        }
        for (SessionMarket market : markets) {
            if (!market.instrument().quote().equals(setup.startingCash().asset())) {
                throw new IllegalArgumentException(market.instrument() + " is not quoted in the account currency "
                        + setup.startingCash().asset());
            }
        }
        if (markets.stream().map(SessionMarket::instrument).distinct().count() != markets.size()) {
            throw new IllegalArgumentException("each instrument may appear once");
        }
        this.setup = setup;
        this.markets = markets.toArray(SessionMarket[]::new);
        this.strategy = strategy;
        this.equitySink = equitySink;
        this.listener = listener;
        int n = this.markets.length;
        this.position = new Quantity[n];
        this.current = new Candle[n];
        this.lastClose = new Price[n];
        for (int i = 0; i < n; i++) {
            position[i] = new Quantity(0, this.markets[i].quantityScale());
            marketIndex.put(this.markets[i].instrument(), i);
        }
        this.ledger = Ledger.open(setup.startingCash());
        this.policy = new PreTradePolicy(setup.limits());
        this.watch = new AccountWatch(setup.limits());
        this.currency = setup.startingCash().asset();
        this.currencyDivisor = FixedPoint.pow10(setup.startingCash().scale());
        this.cash = setup.startingCash().units() / currencyDivisor;
        this.venue = venue;
        venue.connect(this);
    }

    /** The simulated venue of {@code markets}: their fill models, trade ids starting with {@code tradeIdPrefix}. */
    public static SimulatedVenue simulatedVenue(List<SessionMarket> markets, String tradeIdPrefix) {
        return new SimulatedVenue(markets.stream().map(SessionMarket::fillModel).toList(), tradeIdPrefix);
    }

    /**
     * Plays one time step: {@code candles[i]} is market {@code i}'s closed candle opening at {@code time}, or null
     * when that market has none. Steps must come in increasing time order.
     */
    public void step(long time, Candle[] candles) {
        if (candles.length != markets.length) {
            throw new IllegalArgumentException("one slot per market expected, got " + candles.length);
        }
        if (time <= now) {
            throw new IllegalArgumentException("steps must move forward in time: " + time + " after " + now);
        }
        now = time;
        trading = time >= setup.tradingStart();
        for (int i = 0; i < markets.length; i++) {
            Candle candle = candles[i];
            current[i] = candle;
            if (candle != null) {
                lastClose[i] = candle.close();
                venue.onBar(markets[i].instrument(), candle);
            }
        }
        if (trading) {
            markToMarket(time);
        }
        for (int i = 0; i < markets.length; i++) {
            if (current[i] != null) {
                strategy.onCandle(markets[i].instrument(), current[i], this);
            }
        }
    }

    /**
     * Pauses or resumes the strategy's orders: while paused it still sees every candle (its indicators stay
     * current) and open orders keep working, but each intent is ignored (rule {@code bot_paused}).
     */
    public void paused(boolean paused) {
        this.paused = paused;
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Moves the session to {@code target} (the owner's kill switch), at the last step's time: halted refuses every
     * new order and cancels the open ones, reducing lets only position-reducing orders through. Moving to the
     * state it is in changes nothing and returns false.
     */
    public boolean changeTradingState(TradingState target, String reason) {
        if (state == target) {
            return false;
        }
        EventMeta meta = meta();
        Either<?, ? extends TradingStateChanged> changed = switch (target) {
            case HALTED -> state.halt(reason, meta);
            case REDUCING -> state.reduceOnly(reason, meta);
            case ACTIVE -> state.resume(reason, meta);
        };
        if (changed.isLeft()) {
            return false;
        }
        changeState(changed.get());
        watch.ownerChangedState();
        if (target == TradingState.HALTED) {
            cancelAll();
        }
        return true;
    }

    /** An order placed from outside the strategy: the order (denied when risk refused it) and whether it is new. */
    public record Placement(Order order, boolean created) {
    }

    /**
     * Places an order from outside the strategy (by hand) between two steps, at the last step's time, under the
     * id {@code id}: the same risk check, venue and ledger as the strategy's orders; it meets the market on each
     * market's next candle. The strategy is not told of it but sees its effect on the position. A client order id
     * already used in this session returns that order unchanged ({@code created} false), whatever else is asked.
     * A risk refusal is no refusal here: the order comes back denied.
     */
    public Either<SessionRefusal, Placement> place(OrderRequest request, OrderId id, String tag) {
        Integer market = marketIndex.get(request.instrument());
        if (market == null) {
            return Either.left(new SessionRefusal.UnknownInstrument(request.instrument(), marketIndex.keySet()));
        }
        SessionOrder known = byClientOrderId.get(request.clientOrderId().value());
        if (known != null) {
            return Either.right(new Placement(known.order, false));
        }
        Price reference = lastClose[market];
        if (reference == null || now < setup.tradingStart()) {
            return Either.left(new SessionRefusal.NoPriceYet(request.instrument()));
        }
        var spec = OrderSpec.checked(setup.owner(), request.clientOrderId(), request.instrument(), request.side(),
                request.type(), request.quantity(), request.limitPrice(), request.triggerPrice(),
                request.timeInForce(), request.reduceOnly(), request.correlationId());
        if (spec.isInvalid()) {
            return Either.left(new SessionRefusal.InvalidOrder(spec.getError()));
        }
        SessionOrder placed = open(market, id, spec.get(), null, tag, request.limitPrice().getOrElse(reference)).order;
        return Either.right(new Placement(placed.order, true));
    }

    /** Cancels a working order now, at the last step's time; refused when it is not open here. */
    public Either<SessionRefusal, Order> cancel(OrderId id) {
        SessionOrder order = open.get(id);
        if (order == null) {
            return Either.left(new SessionRefusal.NotOpen(id));
        }
        cancelAtVenue(order);
        return Either.right(order.order);
    }

    /** Cancels every working order now (a bot being stopped), at the last step's time. */
    public void cancelOpenOrders() {
        cancelAll();
    }

    public int openOrderCount() {
        return open.size();
    }

    /** The open time of the last step played, or {@link Long#MIN_VALUE} before the first. */
    public long lastStepTime() {
        return now;
    }

    public Ledger ledger() {
        return ledger;
    }

    public TradingState tradingState() {
        return state;
    }

    /** Every order placed so far, in its current state, with its tag and the time of the signal that placed it. */
    public List<PlacedOrder> placedOrders() {
        List<PlacedOrder> placed = new ArrayList<>(orders.size());
        for (SessionOrder order : orders) {
            placed.add(order.placed());
        }
        return placed;
    }

    public List<OrderEvent> orderEvents() {
        return Collections.unmodifiableList(orderEvents);
    }

    public List<ExecutedFill> fills() {
        return Collections.unmodifiableList(fills);
    }

    public List<IgnoredSignal> ignoredSignals() {
        return Collections.unmodifiableList(ignored);
    }

    public List<TradingStateChanged> tradingStateChanges() {
        return Collections.unmodifiableList(stateChanges);
    }

    /** Each market's last close seen, for the markets that have had a candle. */
    public Map<InstrumentId, Price> lastCloses() {
        Map<InstrumentId, Price> marks = new LinkedHashMap<>();
        for (int i = 0; i < markets.length; i++) {
            if (lastClose[i] != null) {
                marks.put(markets[i].instrument(), lastClose[i]);
            }
        }
        return marks;
    }

    /** Equity marked to the last closes, exact, in the account currency. */
    public Money equity() {
        Either<LedgerRefusal, Money> equity = ledger.equity(lastCloses());
        if (equity.isLeft()) {
            throw new IllegalStateException("cannot mark the account: " + equity.getLeft());
        }
        return equity.get();
    }

    // ---- the venue's reports ----

    @Override
    public void onReport(VenueReport report) {
        SessionOrder order = byClientOrderId.get(report.clientOrderId());
        if (order == null || !open.containsKey(order.order.id())) {
            throw new IllegalStateException("a report for no open order of this session: " + report);
        }
        switch (report) {
            case VenueReport.Accepted accepted ->
                    transition(order, order.order.accept(new VenueOrderId(accepted.venueOrderId()), meta()));
            case VenueReport.Triggered triggered -> transition(order, order.order.trigger(meta()));
            case VenueReport.Filled filled -> {
                book(order, filled);
                if (order.order.status() == OrderStatus.FILLED) {
                    close(order);
                }
            }
            case VenueReport.Rejected rejected -> {
                transition(order, order.order.reject(rejected.reason(), meta()));
                close(order);
            }
            case VenueReport.Canceled canceled -> {
                transition(order, order.order.cancel(meta()));
                close(order);
            }
            case VenueReport.Expired expired -> {
                transition(order, order.order.expire(meta()));
                close(order);
            }
        }
    }

    @Override
    public Money balance(Asset asset) {
        return ledger.balance(asset);
    }

    private void book(SessionOrder order, VenueReport.Filled filled) {
        InstrumentId instrument = markets[order.market].instrument();
        TradeId tradeId = new TradeId(filled.tradeId());
        Instant time = Instant.ofEpochMilli(filled.time());
        transition(order, order.order.applyFill(new Fill(tradeId, filled.lastQty(), filled.lastPx(),
                filled.commission(), filled.liquidity(), time), meta()));
        Either<LedgerRefusal, PositionChanged> booked = ledger.apply(new LedgerFill(instrument,
                order.order.spec().side(), filled.lastQty(), filled.lastPx(), filled.commission(), tradeId.value(),
                time), meta());
        if (booked.isLeft()) {
            throw new IllegalStateException("the ledger refused a fill the venue made: " + booked.getLeft());
        }
        boolean wasOpen = position[order.market].units() != 0;
        position[order.market] = booked.get().newQuantity();
        openPositions += (position[order.market].units() != 0 ? 1 : 0) - (wasOpen ? 1 : 0);
        cash = ledger.balance(currency).toBigDecimal().doubleValue();
        ExecutedFill fill = new ExecutedFill(order.order.id(), tradeId, instrument, order.order.spec().side(),
                filled.lastQty(), filled.lastPx(), filled.commission(), filled.liquidity(), time, order.tag);
        fills.add(fill);
        listener.filled(fill);
        if (order.intent != null) {
            strategy.onFill(instrument, order.order.spec().side(), filled.lastQty(), filled.lastPx());
        }
    }

    /** The order has ended: it leaves the open orders, and its intent (if any) is reported done. */
    private void close(SessionOrder order) {
        open.remove(order.order.id());
        if (order.intent == null) {
            return;
        }
        if (cancelingAll) {
            endedWhileCancelingAll.add(order);
        } else {
            strategy.onIntentDone(markets[order.market].instrument(), order.intent, order.order.filledQuantity());
        }
    }

    /** A simulated venue confirms a cancel at once; a live one later, meanwhile the order is pending cancel. */
    private void cancelAtVenue(SessionOrder order) {
        venue.cancel(order.order.spec().clientOrderId().value());
        if (open.containsKey(order.order.id()) && order.order.status() != OrderStatus.PENDING_CANCEL) {
            transition(order, order.order.requestCancel(meta()));
        }
    }

    /**
     * Cancels every open order, market by market, oldest first; their intents are reported done once all are
     * canceled, so a strategy reacting to one sees none of the others still open.
     */
    private void cancelAll() {
        cancelingAll = true;
        try {
            for (int market = 0; market < markets.length; market++) {
                for (SessionOrder order : List.copyOf(open.values())) {
                    if (order.market == market) {
                        cancelAtVenue(order);
                    }
                }
            }
        } finally {
            cancelingAll = false;
        }
        for (SessionOrder order : endedWhileCancelingAll) {
            strategy.onIntentDone(markets[order.market].instrument(), order.intent, order.order.filledQuantity());
        }
        endedWhileCancelingAll.clear();
    }

    // ---- the account: equity, daily loss ----

    private void markToMarket(long step) {
        double equity = cash;
        for (int i = 0; i < markets.length; i++) {
            if (position[i].units() != 0) {
                equity += position[i].units() / (double) FixedPoint.pow10(position[i].scale())
                        * (lastClose[i].units() / (double) FixedPoint.pow10(lastClose[i].scale()));
            }
        }
        equitySink.record(step, equity, openPositions > 0);
        if (watch.watchesDailyLoss()) {
            watch.mark(step, equity(), positions(), open.size(), state, setup.resumeAfterDailyLossHalt(), this::meta)
                    .forEach(change -> {
                        changeState(change);
                        if (change.to() == TradingState.HALTED) {
                            cancelAll();
                        }
                    });
        }
    }

    private void changeState(TradingStateChanged change) {
        stateChanges.add(change);
        state = TradingState.after(change);
        listener.tradingStateChanged(change);
    }

    private Map<InstrumentId, Quantity> positions() {
        Map<InstrumentId, Quantity> positions = new HashMap<>();
        for (int i = 0; i < markets.length; i++) {
            positions.put(markets[i].instrument(), position[i]);
        }
        return positions;
    }

    // ---- the strategy's context ----

    @Override
    public Quantity position(InstrumentId instrument) {
        return position[indexOf(instrument)];
    }

    @Override
    public void submit(InstrumentId instrument, OrderIntent intent) {
        if (!trading) {
            return;
        }
        int market = indexOf(instrument);
        if (paused) {
            ignore(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(), "bot_paused",
                    "the bot is paused"));
            strategy.onIntentDone(instrument, intent, new Quantity(0, position[market].scale()));
            return;
        }
        Price reference = lastClose[market];
        Quantity quantity = PositionSizer.size(intent.sizing(), intent.side(), markets[market].fillModel(),
                position[market], reference, ledger.balance(currency), this::equity);
        if (quantity.units() <= 0) {
            ignore(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(), "sizing",
                    "the intent sizes to less than one lot step"));
            strategy.onIntentDone(instrument, intent, quantity);
            return;
        }
        long n = ++sequence;
        OrderSpec spec = new OrderSpec(setup.owner(), new ClientOrderId(setup.clientIdPrefix() + n), instrument,
                intent.side(), intent.type(), quantity, intent.limitPrice(), Option.none(), TimeInForce.GTC,
                intent.sizing() instanceof Sizing.ClosePosition, new CorrelationId(new UUID(setup.idSeed(), n)));
        Opened opened = open(market, new OrderId(new UUID(setup.idSeed(), n | 1L << 62)), spec, intent,
                intent.tag(), intent.limitPrice().getOrElse(reference));
        opened.refusal.forEach(refusal -> {
            ignore(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(), refusal.first().rule().id(),
                    refusal.reason()));
            strategy.onIntentDone(instrument, intent, new Quantity(0, quantity.scale()));
        });
    }

    private record Opened(SessionOrder order, Option<PreTradeRefusal> refusal) {
    }

    /**
     * Creates an order from {@code spec} (the strategy's, with its {@code intent}, or one placed from outside,
     * without), runs the pre-trade check valuing it at {@code riskPrice}, and either denies it (the refusal
     * reported) or submits it to the venue, where it meets the market's next candle.
     */
    private Opened open(int market, OrderId id, OrderSpec spec, OrderIntent intent, String tag, Price riskPrice) {
        Order.Transition created = Order.newOrder(id, spec, meta());
        SessionOrder order = new SessionOrder(created.order(), market, intent, tag, Instant.ofEpochMilli(now),
                orders.size());
        orders.add(order);
        byClientOrderId.put(spec.clientOrderId().value(), order);
        record(order, created.event());
        io.cryptobot.risk.domain.OrderIntent riskView = new io.cryptobot.risk.domain.OrderIntent(spec.instrument(),
                spec.side(), spec.quantity(), riskPrice, spec.reduceOnly(), spec.correlationId());
        // the order-rate rule counts this order itself: the snapshot holds the ones before it
        Either<PreTradeRefusal, ?> checked = policy.check(riskView, watch.snapshot(equity(), positions(), open.size(),
                now), state);
        watch.orderPlaced(now);
        if (checked.isLeft()) {
            transition(order, order.order.deny(checked.getLeft().reason(), meta()));
            listener.blocked(order.order, riskView, checked.getLeft());
            return new Opened(order, Option.some(checked.getLeft()));
        }
        transition(order, order.order.submit(meta()));
        open.put(id, order);
        venue.submit(new VenueOrder(spec.clientOrderId().value(), spec.instrument(), spec.side(), spec.type(),
                spec.quantity(), spec.limitPrice(), spec.triggerPrice(), spec.timeInForce(), spec.reduceOnly()));
        return new Opened(order, Option.none());
    }

    private void ignore(IgnoredSignal signal) {
        ignored.add(signal);
        listener.ignored(signal);
    }

    private int indexOf(InstrumentId instrument) {
        Integer index = marketIndex.get(instrument);
        if (index == null) {
            throw new IllegalArgumentException("the strategy traded " + instrument + ", which is not in this session");
        }
        return index;
    }

    private void transition(SessionOrder order, Either<OrderError, Order.Transition> transition) {
        if (transition.isLeft()) {
            throw new IllegalStateException("order " + order.order.id() + ": " + transition.getLeft());
        }
        order.order = transition.get().order();
        record(order, transition.get().event());
    }

    private void record(SessionOrder order, OrderEvent event) {
        orderEvents.add(event);
        listener.orderChanged(order.index, order.order, order.tag, order.placedAt, event);
    }

    private EventMeta meta() {
        return new EventMeta(new UUID(setup.idSeed(), ++sequence | 1L << 61), Instant.ofEpochMilli(now));
    }
}
