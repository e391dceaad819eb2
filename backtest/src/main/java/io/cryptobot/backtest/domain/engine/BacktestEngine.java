package io.cryptobot.backtest.domain.engine;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event-driven backtest engine: it replays closed candles through the very domain code that paper and live
 * trading run, and nothing else: the {@link Strategy} (bot), the {@link Order} state machine (order), the
 * {@link FillModel} (exchange), the FIFO {@link Ledger} (portfolio) and the {@link PreTradePolicy} with the
 * trading state and daily-loss halt (risk). Single-threaded, no clock, no randomness: the same inputs give
 * bit-identical outputs.
 *
 * <p><b>One time step</b> (all markets' candles with the same open time, in market order):
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
 * amount (at most the free balance), all via {@link FillModel#buyableWith} (fee and worst slippage reserved); close-position sells the whole position
 * rounded down to the step; a fixed quantity is rounded down to the step. An intent under one step places
 * nothing and is listed as ignored. Fills are stamped with the open time of the candle they happened in.
 */
public final class BacktestEngine {
    private static final int PROGRESS_EVERY = 1 << 14;

    private BacktestEngine() {
    }

    /**
     * Runs {@code strategy} over {@code markets} (one or more instruments quoted in the account currency, cash
     * shared) and streams equity into {@code equity}. A cancel requested through {@code control} stops at the
     * next progress check with what was done so far.
     */
    public static BacktestOutcome run(BacktestSetup setup, List<Market> markets, Strategy strategy,
                                      EquitySink equity, RunControl control) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one market");
        }
        for (Market market : markets) {
            if (!market.bars().instrument().quote().equals(setup.startingCash().asset())) {
                throw new IllegalArgumentException(market.bars().instrument() + " is not quoted in the account currency "
                        + setup.startingCash().asset());
            }
        }
        if (markets.stream().map(m -> m.bars().instrument()).distinct().count() != markets.size()) {
            throw new IllegalArgumentException("each instrument may appear once");
        }
        return new Run(setup, markets, strategy, equity, control).execute();
    }

    /** Everything one run owns; never shared between threads. */
    private static final class Run implements StrategyContext {
        private final BacktestSetup setup;
        private final Market[] markets;
        private final Bars[] bars;
        private final int[] cursor;
        private final Strategy strategy;
        private final EquitySink equitySink;
        private final RunControl control;
        private final Ledger ledger;
        private final PreTradePolicy policy;
        private final boolean watchDailyLoss;
        private final Map<InstrumentId, Integer> marketIndex = new HashMap<>();
        private final List<Working>[] working;
        private final Quantity[] position;
        private final Candle[] current;
        private final Price[] lastClose;
        private final List<Order> orders = new ArrayList<>();
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
        private long now;
        private boolean trading;
        private long sequence;
        private int openOrders;
        private double cash;
        private int openPositions;

        @SuppressWarnings("unchecked")
        Run(BacktestSetup setup, List<Market> markets, Strategy strategy, EquitySink equitySink, RunControl control) {
            this.setup = setup;
            this.markets = markets.toArray(Market[]::new);
            this.strategy = strategy;
            this.equitySink = equitySink;
            this.control = control;
            int n = this.markets.length;
            this.bars = new Bars[n];
            this.cursor = new int[n];
            this.working = new List[n];
            this.position = new Quantity[n];
            this.current = new Candle[n];
            this.lastClose = new Price[n];
            for (int i = 0; i < n; i++) {
                bars[i] = this.markets[i].bars();
                working[i] = new ArrayList<>();
                position[i] = new Quantity(0, bars[i].quantityScale());
                marketIndex.put(bars[i].instrument(), i);
            }
            this.ledger = Ledger.open(setup.startingCash());
            this.policy = new PreTradePolicy(setup.limits());
            this.watchDailyLoss = setup.limits().maxDailyLoss().isDefined()
                    || setup.limits().maxDailyLossShare().isDefined();
            this.currency = setup.startingCash().asset();
            this.currencyDivisor = FixedPoint.pow10(setup.startingCash().scale());
            this.cash = setup.startingCash().units() / currencyDivisor;
        }

        BacktestOutcome execute() {
            long total = 0;
            for (Bars series : bars) {
                total += series.size();
            }
            long processed = 0;
            long nextReport = PROGRESS_EVERY;
            boolean cancelled = false;
            int n = bars.length;
            while (true) {
                long step = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    if (cursor[i] < bars[i].size() && bars[i].time(cursor[i]) < step) {
                        step = bars[i].time(cursor[i]);
                    }
                }
                if (step == Long.MAX_VALUE) {
                    break;
                }
                now = step;
                trading = step >= setup.tradingStart();
                for (int i = 0; i < n; i++) {
                    if (cursor[i] < bars[i].size() && bars[i].time(cursor[i]) == step) {
                        Candle candle = bars[i].candle(cursor[i]);
                        current[i] = candle;
                        lastClose[i] = candle.close();
                        if (!working[i].isEmpty()) {
                            execute(i, candle);
                        }
                    } else {
                        current[i] = null;
                    }
                }
                if (trading) {
                    markToMarket(step);
                }
                for (int i = 0; i < n; i++) {
                    Candle candle = current[i];
                    if (candle != null) {
                        strategy.onCandle(bars[i].instrument(), candle, this);
                        cursor[i]++;
                        processed++;
                    }
                }
                if (processed >= nextReport) {
                    nextReport = processed + PROGRESS_EVERY;
                    control.progress(processed, total);
                    if (control.cancelled()) {
                        cancelled = true;
                        break;
                    }
                }
            }
            control.progress(processed, total);
            List<PlacedOrder> placed = new ArrayList<>(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                placed.add(new PlacedOrder(orders.get(i), orderTags.get(i), orderTimes.get(i)));
            }
            return new BacktestOutcome(cancelled, processed, total, ledger, List.copyOf(placed),
                    List.copyOf(orderEvents), List.copyOf(fills), List.copyOf(ignored), List.copyOf(stateChanges),
                    lastCloses());
        }

        private Map<InstrumentId, Price> lastCloses() {
            Map<InstrumentId, Price> marks = new LinkedHashMap<>();
            for (int i = 0; i < bars.length; i++) {
                if (lastClose[i] != null) {
                    marks.put(bars[i].instrument(), lastClose[i]);
                }
            }
            return marks;
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
                    strategy.onIntentDone(bars[market].instrument(), w.intent, w.order.filledQuantity());
                }
            }
        }

        /** Returns whether the order stays open. */
        private boolean advance(int market, Working w, Candle candle) {
            InstrumentId instrument = bars[market].instrument();
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
            InstrumentId instrument = bars[market].instrument();
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
            fills.add(new ExecutedFill(w.order.id(), tradeId, instrument, w.order.spec().side(), simulated.quantity(),
                    simulated.price(), simulated.fee(), simulated.liquidity(), time, w.tag));
            strategy.onFill(instrument, w.order.spec().side(), simulated.quantity(), simulated.price());
        }

        // ---- 2. the account: equity, daily loss ----

        private void markToMarket(long step) {
            double equity = cash;
            for (int i = 0; i < bars.length; i++) {
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
                if (haltedByDailyLoss) {
                    state.resume("new UTC day after the daily loss halt", meta()).forEach(resumed -> {
                        stateChanges.add(resumed);
                        state = TradingState.after(resumed);
                    });
                    haltedByDailyLoss = false;
                }
                return;
            }
            AccountSnapshot account = snapshot(equity);
            DailyLoss.autoHalt(account, setup.limits(), state, meta()).forEach(halted -> {
                stateChanges.add(halted);
                state = TradingState.after(halted);
                haltedByDailyLoss = true;
                cancelAll();
            });
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
                    strategy.onIntentDone(bars[market].instrument(), w.intent, w.order.filledQuantity());
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
            for (int i = 0; i < bars.length; i++) {
                positions.put(bars[i].instrument(), position[i]);
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
            Price reference = lastClose[market];
            Quantity quantity = size(market, intent, reference);
            if (quantity.units() <= 0) {
                ignored.add(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(), "sizing",
                        "the intent sizes to less than one lot step"));
                strategy.onIntentDone(instrument, intent, quantity);
                return;
            }
            long n = ++sequence;
            CorrelationId correlation = new CorrelationId(new UUID(setup.idSeed(), n));
            boolean reduceOnly = intent.sizing() instanceof Sizing.ClosePosition;
            OrderSpec spec = new OrderSpec(setup.owner(), new ClientOrderId("bt-" + n), instrument, intent.side(),
                    intent.type(), quantity, intent.limitPrice(), Option.none(), TimeInForce.GTC, reduceOnly,
                    correlation);
            Order.Transition created = Order.newOrder(new OrderId(new UUID(setup.idSeed(), n | 1L << 62)), spec, meta());
            orderEvents.add(created.event());
            Working w = new Working(created.order(), intent, simulated(spec));
            orders.add(w.order);
            orderTags.add(intent.tag());
            orderTimes.add(Instant.ofEpochMilli(now));
            w.index = orders.size() - 1;
            Price riskPrice = intent.limitPrice().getOrElse(reference);
            io.cryptobot.risk.domain.OrderIntent riskView = new io.cryptobot.risk.domain.OrderIntent(instrument,
                    intent.side(), quantity, riskPrice, reduceOnly, correlation);
            Either<PreTradeRefusal, ?> checked = policy.check(riskView, snapshot(exactEquity()), state);
            if (checked.isLeft()) {
                PreTradeRefusal refusal = checked.getLeft();
                update(w, w.order.deny(refusal.reason(), meta()));
                ignored.add(new IgnoredSignal(Instant.ofEpochMilli(now), instrument, intent.tag(),
                        refusal.first().rule().id(), refusal.reason()));
                strategy.onIntentDone(instrument, intent, new Quantity(0, quantity.scale()));
                return;
            }
            update(w, w.order.submit(meta()));
            working[market].add(w);
            openOrders++;
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
                throw new IllegalArgumentException("the strategy traded " + instrument + ", which is not in this run");
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
            orderEvents.add(transition.get().event());
        }

        private EventMeta meta() {
            return new EventMeta(new UUID(setup.idSeed(), ++sequence | 1L << 61), Instant.ofEpochMilli(now));
        }
    }

    /** One open order as the run tracks it: the aggregate, the fill model's view of it, the strategy's tag. */
    private static final class Working {
        Order order;
        final OrderIntent intent;
        final String tag;
        SimulatedOrder simulated;
        boolean arrived;
        int index;

        Working(Order order, OrderIntent intent, SimulatedOrder simulated) {
            this.order = order;
            this.intent = intent;
            this.tag = intent.tag();
            this.simulated = simulated;
        }
    }
}
