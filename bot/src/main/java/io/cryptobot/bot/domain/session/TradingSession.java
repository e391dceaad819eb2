package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.exchange.domain.fill.Balances;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.FillOutcome;
import io.cryptobot.exchange.domain.fill.FillRefused;
import io.cryptobot.exchange.domain.fill.SimulatedFill;
import io.cryptobot.exchange.domain.fill.SimulatedOrder;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.FixedPoint;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.Fill;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderError;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderSpec;
import io.cryptobot.order.domain.TradeId;
import io.cryptobot.order.domain.VenueOrderId;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.portfolio.domain.LedgerFill;
import io.cryptobot.portfolio.domain.LedgerRefusal;
import io.cryptobot.portfolio.domain.event.PositionChanged;
import io.cryptobot.risk.domain.AccountSnapshot;
import io.cryptobot.risk.domain.DailyLoss;
import io.cryptobot.risk.domain.PreTradePolicy;
import io.cryptobot.risk.domain.PreTradeRefusal;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One strategy trading one account on a simulated venue, one time step at a time: the code path that backtests
 * and paper bots share, so that the same strategy over the same candles gives the same orders, fills and trades
 * in both. It runs the upstream domain code and nothing else: the {@link Strategy} (bot), the {@link Order}
 * state machine (order), the {@link FillModel} (exchange), the FIFO {@link Ledger} (portfolio) and the
 * {@link PreTradePolicy} with the trading state and daily-loss halt (risk). Single-threaded, no clock, no
 * randomness: times are candle times and ids derive from {@link SessionSetup#idSeed()}.
 *
 * <p><b>One time step</b> ({@link #step}: every market's candle with the same open time, in market order):
 * <ol>
 * <li>each market's working orders meet this candle in the fill model, oldest first: a new order arrives at the
 *     venue (accepted, or rejected when the account cannot pay), then fills, triggers, rests or expires; fills go
 *     to the order, the ledger and the strategy's {@code onFill};</li>
 * <li>the account is marked to the closes and, after the warm-up, its equity recorded; a breached daily loss
 *     halts trading (open orders canceled) until the next UTC day;</li>
 * <li>the strategy sees each closed candle; an intent is sized at the close (the last price it knows), checked
 *     by risk, and the order waits for the market's next candle: nothing fills on the candle that decided it.</li>
 * </ol>
 * Every submitted intent is reported back once through {@code Strategy.onIntentDone} when its order has ended
 * (filled, rejected, expired, canceled) or when it placed none (sizing, risk denial).
 * Sizing: all-in spends the free quote balance, fraction-of-equity that share of equity, a quote amount that
 * amount (at most the free balance), all via {@link FillModel#buyableWith} (fee and worst slippage reserved);
 * close-position sells the whole position rounded down to the step; a fixed quantity is rounded down to the
 * step. An intent under one step places nothing and is listed as ignored. Fills are stamped with the open time
 * of the candle they happened in.
 */
public final class TradingSession implements StrategyContext {
    private final SessionSetup setup;
    private final SessionMarket[] markets;
    private final Strategy strategy;
    private final EquitySink equitySink;
    private final SessionListener listener;
    private final Ledger ledger;
    private final PreTradePolicy policy;
    private final boolean watchDailyLoss;
    private final Map<InstrumentId, Integer> marketIndex = new HashMap<>();
    private final List<Working>[] working;
    private final Quantity[] position;
    private final Candle[] current;
    private final Price[] lastClose;
    private final List<Order> orders = new ArrayList<>();
    private final Map<ClientOrderId, Integer> byClientOrderId = new HashMap<>();
    private final List<String> orderTags = new ArrayList<>();
    private final List<Instant> orderTimes = new ArrayList<>();
    private final List<OrderEvent> orderEvents = new ArrayList<>();
    private final List<ExecutedFill> fills = new ArrayList<>();
    private final List<IgnoredSignal> ignored = new ArrayList<>();
    private final List<TradingStateChanged> stateChanges = new ArrayList<>();
    private final Asset currency;
    private final double currencyDivisor;
    private TradingState state = TradingState.ACTIVE;
    private boolean haltedByDailyLoss;
    private long day = Long.MIN_VALUE;
    private Money dayStartEquity;
    private long now = Long.MIN_VALUE;
    private boolean trading;
    private boolean paused;
    private long sequence;
    private int openOrders;
    private double cash;
    private int openPositions;

    /**
     * A session over {@code markets} (each quoted in the account currency, cash shared, each instrument once).
     */
    @SuppressWarnings("unchecked")
    public TradingSession(SessionSetup setup, List<SessionMarket> markets, Strategy strategy, EquitySink equitySink,
                          SessionListener listener) {
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
        this.working = new List[n];
        this.position = new Quantity[n];
        this.current = new Candle[n];
        this.lastClose = new Price[n];
        for (int i = 0; i < n; i++) {
            working[i] = new ArrayList<>();
            position[i] = new Quantity(0, this.markets[i].quantityScale());
            marketIndex.put(this.markets[i].instrument(), i);
        }
        this.ledger = Ledger.open(setup.startingCash());
        this.policy = new PreTradePolicy(setup.limits());
        this.watchDailyLoss = setup.limits().maxDailyLoss().isDefined()
                || setup.limits().maxDailyLossShare().isDefined();
        this.currency = setup.startingCash().asset();
        this.currencyDivisor = FixedPoint.pow10(setup.startingCash().scale());
        this.cash = setup.startingCash().units() / currencyDivisor;
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
        int n = markets.length;
        for (int i = 0; i < n; i++) {
            Candle candle = candles[i];
            current[i] = candle;
            if (candle != null) {
                lastClose[i] = candle.close();
                if (!working[i].isEmpty()) {
                    execute(i, candle);
                }
            }
        }
        if (trading) {
            markToMarket(time);
        }
        for (int i = 0; i < n; i++) {
            Candle candle = current[i];
            if (candle != null) {
                strategy.onCandle(markets[i].instrument(), candle, this);
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
        haltedByDailyLoss = false;
        if (target == TradingState.HALTED) {
            cancelAll();
        }
        return true;
    }

    /**
     * Places an order from outside the strategy (by hand, through the orders API) between two steps, at the last
     * step's time: the same risk check, venue and ledger as the strategy's orders; it meets the market on each
     * market's next candle. The strategy is not told of it (no {@code onFill}, no {@code onIntentDone}) but sees
     * its effect on the position. A client order id already used in this session returns that order unchanged.
     * Refused as a value when the instrument is not traded here, nothing has been played yet, or the spec is
     * invalid; a risk refusal is no error: the order comes back denied.
     */
    public Either<String, Order> place(OrderRequest request, String tag) {
        Integer market = marketIndex.get(request.instrument());
        if (market == null) {
            return Either.left("this session trades " + marketIndex.keySet() + ", not " + request.instrument());
        }
        Integer known = byClientOrderId.get(request.clientOrderId());
        if (known != null) {
            return Either.right(orders.get(known));
        }
        Price reference = lastClose[market];
        if (reference == null || now < setup.tradingStart()) {
            return Either.left("the market has no price yet: wait for the feed's first candle");
        }
        var checkedSpec = OrderSpec.checked(setup.owner(), request.clientOrderId(), request.instrument(),
                request.side(), request.type(), request.quantity(), request.limitPrice(), request.triggerPrice(),
                request.timeInForce(), request.reduceOnly(), request.correlationId());
        if (checkedSpec.isInvalid()) {
            return Either.left(checkedSpec.getError().map(v -> v.reason()).mkString("; "));
        }
        int index = orders.size();
        open(market, ++sequence, checkedSpec.get(), null, tag, request.limitPrice().getOrElse(reference));
        return Either.right(orders.get(index));
    }

    /** Cancels a working order now, at the last step's time; refused when it is not open here. */
    public Either<String, Order> cancel(OrderId id) {
        for (int market = 0; market < working.length; market++) {
            List<Working> list = working[market];
            for (int k = 0; k < list.size(); k++) {
                Working w = list.get(k);
                if (w.order.id().equals(id)) {
                    update(w, w.order.cancel(meta()));
                    list.remove(k);
                    openOrders--;
                    if (w.intent != null) {
                        strategy.onIntentDone(markets[market].instrument(), w.intent, w.order.filledQuantity());
                    }
                    return Either.right(w.order);
                }
            }
        }
        return Either.left("order " + id + " is not open");
    }

    /** Cancels every working order now (a bot being stopped), at the last step's time. */
    public void cancelOpenOrders() {
        cancelAll();
    }

    public int openOrderCount() {
        return openOrders;
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
        for (int i = 0; i < orders.size(); i++) {
            placed.add(new PlacedOrder(orders.get(i), orderTags.get(i), orderTimes.get(i)));
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
        return exactEquity();
    }

    // ---- 1. the venue: working orders meet the candle ----

    private void execute(int market, Candle candle) {
        List<Working> list = working[market];
        for (int k = 0; k < list.size(); ) {
            Working w = list.get(k);
            if (advance(market, w, candle)) {
                k++;
            } else {
                list.remove(k);
                openOrders--;
                if (w.intent != null) {
                    strategy.onIntentDone(markets[market].instrument(), w.intent, w.order.filledQuantity());
                }
            }
        }
    }

    /** Returns whether the order stays open. */
    private boolean advance(int market, Working w, Candle candle) {
        InstrumentId instrument = markets[market].instrument();
        Balances available = new Balances(ledger.balance(instrument.quote()), ledger.balance(instrument.base()));
        Either<FillRefused, FillOutcome> evaluated = markets[market].fillModel().evaluate(w.simulated, candle,
                available);
        if (evaluated.isLeft()) {
            String reason = "insufficient balance: " + evaluated.getLeft().reason();
            update(w, w.arrived ? w.order.cancel(meta()) : w.order.reject(reason, meta()));
            return false;
        }
        if (!w.arrived) {
            update(w, w.order.accept(new VenueOrderId("SIM-" + w.order.id().value()), meta()));
            w.arrived = true;
        }
        FillOutcome outcome = evaluated.get();
        boolean triggered = switch (outcome) {
            case FillOutcome.NoFill noFill -> noFill.triggered();
            case FillOutcome.Filled filled -> filled.triggered();
            case FillOutcome.Expired expired -> expired.triggered();
        };
        if (triggered && !w.simulated.triggered()) {
            update(w, w.order.trigger(meta()));
            w.simulated = w.simulated.asTriggered();
        }
        switch (outcome) {
            case FillOutcome.NoFill ignoredOutcome -> {
                w.simulated = w.simulated.asResting();
                return true;
            }
            case FillOutcome.Expired expired -> {
                update(w, w.order.expire(meta()));
                return false;
            }
            case FillOutcome.Filled filled -> {
                book(market, w, filled.fill());
                if (filled.remaining().units() == 0) {
                    return false;
                }
                if (filled.expired().units() > 0) {
                    update(w, w.order.expire(meta()));
                    return false;
                }
                w.simulated = w.simulated.withFilled(w.order.filledQuantity());
                return true;
            }
        }
    }

    private void book(int market, Working w, SimulatedFill simulated) {
        InstrumentId instrument = markets[market].instrument();
        TradeId tradeId = new TradeId("T" + (++sequence));
        Instant time = Instant.ofEpochMilli(now);
        update(w, w.order.applyFill(new Fill(tradeId, simulated.quantity(), simulated.price(), simulated.fee(),
                simulated.liquidity(), time), meta()));
        Either<LedgerRefusal, PositionChanged> booked = ledger.apply(new LedgerFill(instrument, w.order.spec().side(),
                simulated.quantity(), simulated.price(), simulated.fee(), tradeId.value(), time), meta());
        if (booked.isLeft()) {
            throw new IllegalStateException("the ledger refused a fill the fill model allowed: " + booked.getLeft());
        }
        boolean wasOpen = position[market].units() != 0;
        position[market] = booked.get().newQuantity();
        boolean isOpen = position[market].units() != 0;
        openPositions += (isOpen ? 1 : 0) - (wasOpen ? 1 : 0);
        cash = ledger.balance(currency).toBigDecimal().doubleValue();
        ExecutedFill fill = new ExecutedFill(w.order.id(), tradeId, instrument, w.order.spec().side(),
                simulated.quantity(), simulated.price(), simulated.fee(), simulated.liquidity(), time, w.tag);
        fills.add(fill);
        listener.filled(fill);
        if (w.intent != null) {
            strategy.onFill(instrument, w.order.spec().side(), simulated.quantity(), simulated.price());
        }
    }

    // ---- 2. the account: equity, daily loss ----

    private void markToMarket(long step) {
        double equity = cash;
        for (int i = 0; i < markets.length; i++) {
            if (position[i].units() != 0) {
                equity += position[i].units() / (double) FixedPoint.pow10(position[i].scale())
                        * (lastClose[i].units() / (double) FixedPoint.pow10(lastClose[i].scale()));
            }
        }
        equitySink.record(step, equity, openPositions > 0);
        if (watchDailyLoss) {
            watchDailyLoss(step);
        }
    }

    private void watchDailyLoss(long step) {
        long today = Math.floorDiv(step, 86_400_000L);
        Money equity = exactEquity();
        if (today != day) {
            day = today;
            dayStartEquity = equity;
            if (haltedByDailyLoss && setup.resumeAfterDailyLossHalt()) {
                state.resume("new UTC day after the daily loss halt", meta()).forEach(resumed -> {
                    changeState(resumed);
                });
                haltedByDailyLoss = false;
            }
            return;
        }
        AccountSnapshot account = snapshot(equity);
        DailyLoss.autoHalt(account, setup.limits(), state, meta()).forEach(halted -> {
            changeState(halted);
            haltedByDailyLoss = true;
            cancelAll();
        });
    }

    private void changeState(TradingStateChanged change) {
        stateChanges.add(change);
        state = TradingState.after(change);
        listener.tradingStateChanged(change);
    }

    private void cancelAll() {
        for (int market = 0; market < working.length; market++) {
            List<Working> list = working[market];
            for (Working w : list) {
                update(w, w.order.cancel(meta()));
                openOrders--;
            }
            List<Working> ended = List.copyOf(list);
            list.clear();
            for (Working w : ended) {
                if (w.intent != null) {
                    strategy.onIntentDone(markets[market].instrument(), w.intent, w.order.filledQuantity());
                }
            }
        }
    }

    private Money exactEquity() {
        Either<LedgerRefusal, Money> equity = ledger.equity(lastCloses());
        if (equity.isLeft()) {
            throw new IllegalStateException("cannot mark the account: " + equity.getLeft());
        }
        return equity.get();
    }

    private AccountSnapshot snapshot(Money equity) {
        Map<InstrumentId, Quantity> positions = new HashMap<>();
        for (int i = 0; i < markets.length; i++) {
            positions.put(markets[i].instrument(), position[i]);
        }
        Money start = dayStartEquity == null ? equity : dayStartEquity;
        int recent = 0;
        for (int i = orderTimes.size() - 1; i >= 0 && orderTimes.get(i).toEpochMilli() > now - 60_000L; i--) {
            recent++;
        }
        return new AccountSnapshot(equity, positions, openOrders, equity.minus(start), start, recent);
    }

    // ---- 3. the strategy's context ----

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
        Quantity quantity = size(market, intent, reference);
        if (quantity.units() <= 0) {
            ignore(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(), "sizing",
                    "the intent sizes to less than one lot step"));
            strategy.onIntentDone(instrument, intent, quantity);
            return;
        }
        long n = ++sequence;
        CorrelationId correlation = new CorrelationId(new UUID(setup.idSeed(), n));
        boolean reduceOnly = intent.sizing() instanceof Sizing.ClosePosition;
        OrderSpec spec = new OrderSpec(setup.owner(), new ClientOrderId(setup.clientIdPrefix() + n), instrument,
                intent.side(), intent.type(), quantity, intent.limitPrice(), Option.none(), TimeInForce.GTC,
                reduceOnly, correlation);
        Either<PreTradeRefusal, Working> opened = open(market, n, spec, intent, intent.tag(),
                intent.limitPrice().getOrElse(reference));
        if (opened.isLeft()) {
            PreTradeRefusal refusal = opened.getLeft();
            ignore(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(),
                    refusal.first().rule().id(), refusal.reason()));
            strategy.onIntentDone(instrument, intent, new Quantity(0, quantity.scale()));
        }
    }

    /**
     * Creates order {@code n} from {@code spec} (the strategy's, with its {@code intent}, or one placed by hand,
     * without), runs the pre-trade check valuing it at {@code riskPrice}, and either denies it (the refusal, the
     * block reported) or submits it to the market's venue (the working order, met by the next candle).
     */
    private Either<PreTradeRefusal, Working> open(int market, long n, OrderSpec spec, OrderIntent intent, String tag,
                                                   Price riskPrice) {
        Order.Transition created = Order.newOrder(new OrderId(new UUID(setup.idSeed(), n | 1L << 62)), spec, meta());
        Working w = new Working(created.order(), intent, tag, simulated(spec));
        orders.add(w.order);
        orderTags.add(tag);
        orderTimes.add(Instant.ofEpochMilli(now));
        w.index = orders.size() - 1;
        byClientOrderId.put(spec.clientOrderId(), w.index);
        record(w, created.event());
        io.cryptobot.risk.domain.OrderIntent riskView = new io.cryptobot.risk.domain.OrderIntent(spec.instrument(),
                spec.side(), spec.quantity(), riskPrice, spec.reduceOnly(), spec.correlationId());
        Either<PreTradeRefusal, ?> checked = policy.check(riskView, snapshot(exactEquity()), state);
        if (checked.isLeft()) {
            update(w, w.order.deny(checked.getLeft().reason(), meta()));
            listener.blocked(w.order, riskView, checked.getLeft());
            return Either.left(checked.getLeft());
        }
        update(w, w.order.submit(meta()));
        working[market].add(w);
        openOrders++;
        return Either.right(w);
    }

    private void ignore(IgnoredSignal signal) {
        ignored.add(signal);
        listener.ignored(signal);
    }

    private Quantity size(int market, OrderIntent intent, Price reference) {
        FillModel model = markets[market].fillModel();
        Quantity held = position[market];
        return switch (intent.sizing()) {
            case Sizing.AllIn allIn -> intent.side() == Side.BUY
                    ? model.buyableWith(ledger.balance(currency).toBigDecimal(), reference)
                    : model.rules().floorToStep(held.toBigDecimal());
            case Sizing.ClosePosition close -> intent.side() == Side.SELL
                    ? model.rules().floorToStep(held.toBigDecimal())
                    : model.rules().floorToStep(BigDecimal.ZERO);
            case Sizing.FractionOfEquity fraction -> {
                BigDecimal budget = exactEquity().toBigDecimal().multiply(fraction.fraction());
                yield intent.side() == Side.BUY
                        ? model.buyableWith(budget.min(ledger.balance(currency).toBigDecimal()), reference)
                        : model.rules().floorToStep(budget.divide(reference.toBigDecimal(), 18, RoundingMode.FLOOR)
                                .min(held.toBigDecimal()));
            }
            case Sizing.FixedQuantity fixed -> model.rules().floorToStep(fixed.quantity().toBigDecimal());
            case Sizing.QuoteAmount amount -> intent.side() == Side.BUY
                    ? model.buyableWith(amount.amount().min(ledger.balance(currency).toBigDecimal()), reference)
                    : model.rules().floorToStep(amount.amount().divide(reference.toBigDecimal(), 18,
                            RoundingMode.FLOOR).min(held.toBigDecimal()));
        };
    }

    private static SimulatedOrder simulated(OrderSpec spec) {
        OrderType type = spec.type();
        return new SimulatedOrder(spec.side(), type, spec.quantity(), spec.limitPrice(), spec.triggerPrice(),
                spec.timeInForce(), new Quantity(0, spec.quantity().scale()), false, false);
    }

    private int indexOf(InstrumentId instrument) {
        Integer index = marketIndex.get(instrument);
        if (index == null) {
            throw new IllegalArgumentException("the strategy traded " + instrument + ", which is not in this session");
        }
        return index;
    }

    // ---- bookkeeping ----

    private void update(Working w, Either<OrderError, Order.Transition> transition) {
        if (transition.isLeft()) {
            throw new IllegalStateException("order " + w.order.id() + ": " + transition.getLeft());
        }
        w.order = transition.get().order();
        orders.set(w.index, w.order);
        record(w, transition.get().event());
    }

    private void record(Working w, OrderEvent event) {
        orderEvents.add(event);
        listener.orderChanged(w.index, w.order, w.tag, orderTimes.get(w.index), event);
    }

    private EventMeta meta() {
        return new EventMeta(new UUID(setup.idSeed(), ++sequence | 1L << 61), Instant.ofEpochMilli(now));
    }

    /**
     * One open order as the session tracks it: the aggregate, the fill model's view of it, the strategy's intent
     * and tag (no intent for an order placed from outside the strategy).
     */
    private static final class Working {
        Order order;
        final OrderIntent intent;
        final String tag;
        SimulatedOrder simulated;
        boolean arrived;
        int index;

        Working(Order order, OrderIntent intent, String tag, SimulatedOrder simulated) {
            this.order = order;
            this.intent = intent;
            this.tag = tag;
            this.simulated = simulated;
        }
    }
}
