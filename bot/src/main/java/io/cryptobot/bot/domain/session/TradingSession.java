package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.exchange.domain.venue.SimulatedVenue;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.portfolio.domain.Ledger;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Map;

/**
 * One strategy trading one account, one time step at a time: the code path backtests, paper and live trading
 * share, so the same strategy over the same candles places the same orders in all of them. It orchestrates and
 * decides nothing itself; each role has its own class, named as NautilusTrader names them:
 * <ul>
 *   <li>{@link StrategyDesk}: the {@link Strategy}'s context, its intents sized ({@link PositionSizer}) and placed;</li>
 *   <li>{@link HandOrders}: orders placed and canceled from outside the strategy, and their checks;</li>
 *   <li>{@link SessionExecution}: the execution engine, orders through risk to the {@link Venue}
 *       ({@link SimulatedVenue}, the fill model, for backtests and paper) and the venue's reports applied;</li>
 *   <li>{@link SessionOrders}: every order of the session, the open ones, and their events;</li>
 *   <li>{@link SessionAccount}: the portfolio, the FIFO {@link Ledger}, positions and equity;</li>
 *   <li>{@link SessionRisk}: the risk engine, the trading state (kill switch), pre-trade policy and account watch;</li>
 *   <li>{@link SessionMarkets} and {@link SessionClock}: the markets with their last closes, time and ids.</li>
 * </ul>
 * Single-threaded, no clock, no randomness: times are step times, ids derive from {@link SessionSetup#idSeed()}
 * (orders placed from outside bring their own).
 *
 * <p><b>One time step</b> ({@link #step}, every market's candle with the same open time, in market order): the
 * venue meets each market's working orders with its candle and reports (accepted, rejected, triggered, filled,
 * canceled, expired), which move the orders, the ledger and the strategy ({@code onFill}); then the account is
 * marked to the closes (equity recorded after the warm-up, the daily loss watched); then the strategy sees each
 * closed candle, and an intent is sized at the close, checked by risk and submitted: it meets the market on the
 * next candle, never on the one that decided it. Every intent is reported back once through
 * {@code Strategy.onIntentDone} when its order has ended or when it placed none (sizing, risk, a pause).
 */
public final class TradingSession {
    private final Strategy strategy;
    private final EquitySink equitySink;
    private final SessionClock clock;
    private final SessionMarkets markets;
    private final SessionAccount account;
    private final SessionOrders orders;
    private final SessionRisk risk;
    private final SessionExecution execution;
    private final StrategyDesk desk;
    private final HandOrders hand;
    private final Candle[] current;

    /** A session on the simulated venue of its markets' fill models (backtests, paper). */
    public TradingSession(SessionSetup setup, List<SessionMarket> markets, Strategy strategy, EquitySink equitySink,
                          SessionListener listener) {
        this(setup, markets, simulatedVenue(markets, ""), strategy, equitySink, listener);
    }

    /** A session over {@code markets} (each quoted in the account currency, cash shared) trading on {@code venue}. */
    public TradingSession(SessionSetup setup, List<SessionMarket> markets, Venue venue, Strategy strategy,
                          EquitySink equitySink, SessionListener listener) {
        this.markets = new SessionMarkets(markets, setup.startingCash().asset());
        this.strategy = strategy;
        this.equitySink = equitySink;
        this.current = new Candle[this.markets.count()];
        this.clock = new SessionClock(setup.idSeed(), setup.tradingStart());
        this.account = new SessionAccount(setup.startingCash(), this.markets);
        this.orders = new SessionOrders(listener);
        this.risk = new SessionRisk(setup, clock, listener);
        this.execution = new SessionExecution(venue, orders, account, risk, this.markets, clock, strategy, listener);
        this.desk = new StrategyDesk(setup, clock, this.markets, account, execution, strategy, listener);
        this.hand = new HandOrders(setup, clock, this.markets, orders, execution);
        venue.connect(execution);
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
        if (candles.length != current.length) {
            throw new IllegalArgumentException("one slot per market expected, got " + candles.length);
        }
        clock.advanceTo(time);
        for (int i = 0; i < current.length; i++) {
            Candle candle = candles[i];
            current[i] = candle;
            if (candle != null) {
                markets.closed(i, candle.close());
                execution.onBar(markets.instrument(i), candle);
            }
        }
        if (clock.trading()) {
            markToMarket(time);
        }
        for (int i = 0; i < current.length; i++) {
            if (current[i] != null) {
                strategy.onCandle(markets.instrument(i), current[i], desk);
            }
        }
    }

    /** Equity for the curve every step; the exact equity only when a daily loss limit needs it. */
    private void markToMarket(long step) {
        equitySink.record(step, account.markedEquity(), account.exposed());
        if (risk.watchesDailyLoss()) {
            Option<TradingStateChanged> change = risk.markDailyLoss(step, account.equity(), account.positions(),
                    orders.openCount());
            if (change.isDefined() && change.get().to() == TradingState.HALTED) {
                execution.cancelAll();
            }
        }
    }

    /**
     * Pauses or resumes the strategy's orders: while paused it still sees every candle (its indicators stay
     * current) and open orders keep working, but each intent is ignored (rule {@code bot_paused}).
     */
    public void paused(boolean paused) {
        desk.paused(paused);
    }

    public boolean isPaused() {
        return desk.isPaused();
    }

    /**
     * Moves the session to {@code target} (the owner's kill switch), at the last step's time: halted refuses every
     * new order and cancels the open ones, reducing lets only position-reducing orders through. Moving to the
     * state it is in changes nothing and returns false.
     */
    public boolean changeTradingState(TradingState target, String reason) {
        if (!risk.changeTo(target, reason)) {
            return false;
        }
        if (target == TradingState.HALTED) {
            execution.cancelAll();
        }
        return true;
    }

    /**
     * Blocks new positions for {@code why} (the live feed is stale, the venue halted the instrument), or lifts the
     * block (none): while blocked, every new order, the strategy's and those placed by hand, must make a position
     * smaller (rule {@code opening_blocked}); working orders keep working, as under reduce-only. Returns false when
     * nothing changes. An input from outside like the kill switch: a session rebuilt from its journal applies it at
     * the same step.
     */
    public boolean blockOpenings(Option<String> why) {
        return risk.blockOpenings(why);
    }

    /**
     * Sets the venue's minimum order notional of {@code instrument} (none: no minimum) that the strategy's intents
     * are sized against: an intent that sizes to an order worth less (at its limit price, else the last close) is
     * ignored (rule {@code sizing}) instead of being sent for the venue to refuse, at every signal; a position whose
     * sellable part is worth less is dust, flat for the strategy (the ledger keeps it). Orders placed by hand are
     * not affected (the venue's filters refuse them before they leave). An input from outside, journaled, like the
     * kill switch: a session rebuilt from its journal applies it at the same step. Returns false when unchanged.
     */
    public boolean minimumNotional(InstrumentId instrument, Option<java.math.BigDecimal> minimum) {
        return desk.minimumNotional(instrument, minimum);
    }

    /** The venue's minimum order notional of {@code instrument} the session sizes against, if any. */
    public Option<java.math.BigDecimal> minimumNotional(InstrumentId instrument) {
        return desk.minimumNotional(instrument);
    }

    /** Why openings are blocked now, if they are. */
    public Option<String> openingBlocked() {
        return risk.openingBlocked();
    }

    /**
     * Makes the session trade from the step at {@code start} on, the steps played so far having been its warm-up:
     * for a feed whose first candle to trade on is known only when it comes (a live feed). Refused (an
     * {@link IllegalStateException}, a caller's bug) once trading started or for a time not after the last step.
     */
    public void tradeFrom(long start) {
        clock.tradeFrom(start);
    }

    /** The open time of the first step traded on (steps before it warm the strategy up). */
    public long tradingStart() {
        return clock.tradingStart();
    }

    /** Whether the session trades (its last step was at or after its trading start). */
    public boolean isTrading() {
        return clock.trading();
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
        return hand.place(request, id, tag);
    }

    /** Cancels a working order now, at the last step's time; refused when it is not open here. */
    public Either<SessionRefusal, Order> cancel(OrderId id) {
        return hand.cancel(id);
    }

    /** Cancels every working order now (a bot being stopped), at the last step's time. */
    public void cancelOpenOrders() {
        execution.cancelAll();
    }

    public int openOrderCount() {
        return orders.openCount();
    }

    /** The open time of the last step played, or {@link Long#MIN_VALUE} before the first. */
    public long lastStepTime() {
        return clock.now();
    }

    /**
     * The day's P&L now: equity less the equity at the UTC day's first step (tracked when a daily loss limit is set,
     * as on every live account; zero otherwise).
     */
    public Money dayPnl() {
        return risk.dayPnl(account.equity(), account.positions(), orders.openCount());
    }

    public Ledger ledger() {
        return account.ledger();
    }

    public TradingState tradingState() {
        return risk.state();
    }

    /** The position held in {@code instrument}, one of the session's markets. */
    public Quantity position(InstrumentId instrument) {
        return desk.held(instrument);
    }

    /**
     * Whether what is held of {@code instrument} (one of the session's markets) is dust: held, yet flat for the
     * strategy, because it is less than one lot step or its sellable part is worth less than the venue's minimum
     * order notional at the last close ({@link #minimumNotional}). No order can sell it; the ledger keeps it.
     */
    public boolean isDust(InstrumentId instrument) {
        return desk.held(instrument).units() > 0 && desk.position(instrument).units() == 0;
    }

    /** Every order placed so far, in its current state, with its tag and the time of the signal that placed it. */
    public List<PlacedOrder> placedOrders() {
        return orders.placed();
    }

    public List<OrderEvent> orderEvents() {
        return orders.events();
    }

    public List<ExecutedFill> fills() {
        return execution.fills();
    }

    public List<IgnoredSignal> ignoredSignals() {
        return desk.ignoredSignals();
    }

    public List<TradingStateChanged> tradingStateChanges() {
        return risk.changes();
    }

    /** Each market's last close seen, for the markets that have had a candle. */
    public Map<InstrumentId, Price> lastCloses() {
        return markets.lastCloses();
    }

    /** The last close of {@code instrument} seen, or null before its first candle (or when not traded here). */
    public Price lastClose(InstrumentId instrument) {
        Integer market = markets.find(instrument);
        return market == null ? null : markets.lastClose(market);
    }

    /**
     * The open positions' worth at the last closes, long and short alike, in the account currency as a {@code double}
     * (analytics only: alert rules read it beside the equity curve).
     */
    public double grossExposure() {
        return account.grossExposure();
    }

    /** Equity marked to the last closes, exact, in the account currency. */
    public Money equity() {
        return account.equity();
    }
}
