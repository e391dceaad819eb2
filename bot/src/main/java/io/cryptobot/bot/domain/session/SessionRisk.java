package io.cryptobot.bot.domain.session;

import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.risk.domain.AccountWatch;
import io.cryptobot.risk.domain.OrderIntent;
import io.cryptobot.risk.domain.PreTradePolicy;
import io.cryptobot.risk.domain.PreTradeRefusal;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The session's risk engine (NautilusTrader's name): the trading state (active, reducing, halted: the kill switch)
 * and its history, whether openings are blocked (a stale live feed, an instrument its venue halted: positions may
 * only be reduced), the {@link PreTradePolicy} every order passes before it reaches the venue, and the
 * {@link AccountWatch} (day boundary, daily loss, order rate). It decides what risk allows and moves the state; a
 * halt's cancelling of the open orders is the caller's, who owns them.
 */
final class SessionRisk {
    private final PreTradePolicy policy;
    private final AccountWatch watch;
    private final boolean resumeAfterDailyLossHalt;
    private final SessionClock clock;
    private final SessionListener listener;
    private final List<TradingStateChanged> changes = new ArrayList<>();
    private TradingState state = TradingState.ACTIVE;
    private Option<String> openingBlocked = Option.none();

    SessionRisk(SessionSetup setup, SessionClock clock, SessionListener listener) {
        this.policy = new PreTradePolicy(setup.limits());
        this.watch = new AccountWatch(setup.limits());
        this.resumeAfterDailyLossHalt = setup.resumeAfterDailyLossHalt();
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * The pre-trade check of an order about to be placed, against the account as it stands; the order counts
     * towards the order rate whatever the outcome (the snapshot holds the orders before it).
     */
    Either<PreTradeRefusal, ?> check(OrderIntent order, Money equity, Map<InstrumentId, Quantity> positions,
                                     int openOrders) {
        Either<PreTradeRefusal, ?> checked = policy.check(order, watch.snapshot(equity, positions, openOrders,
                clock.now()), state, openingBlocked);
        watch.orderPlaced(clock.now());
        return checked;
    }

    /** The day's P&L at {@code equity}: equity less the UTC day's starting equity (zero before the first mark). */
    Money dayPnl(Money equity, Map<InstrumentId, Quantity> positions, int openOrders) {
        return watch.snapshot(equity, positions, openOrders, clock.now()).dayPnl();
    }

    /**
     * The owner moves the state to {@code target}; false when it is there already or the move is not allowed.
     * A daily-loss halt lifted or replaced by the owner is no longer the watch's to lift.
     */
    boolean changeTo(TradingState target, String reason) {
        if (state == target) {
            return false;
        }
        EventMeta meta = clock.meta();
        Either<?, ? extends TradingStateChanged> changed = switch (target) {
            case HALTED -> state.halt(reason, meta);
            case REDUCING -> state.reduceOnly(reason, meta);
            case ACTIVE -> state.resume(reason, meta);
        };
        if (changed.isLeft()) {
            return false;
        }
        apply(changed.get());
        watch.ownerChangedState();
        return true;
    }

    /** Blocks openings for {@code why}, or lifts the block (none); false when nothing changes. */
    boolean blockOpenings(Option<String> why) {
        if (openingBlocked.equals(why)) {
            return false;
        }
        openingBlocked = why;
        return true;
    }

    Option<String> openingBlocked() {
        return openingBlocked;
    }

    /** Whether marks need the exact equity at all (a daily loss limit is set). */
    boolean watchesDailyLoss() {
        return watch.watchesDailyLoss();
    }

    /** The account marked at {@code step}: a breached daily loss halts, a new UTC day may lift that halt. */
    Option<TradingStateChanged> markDailyLoss(long step, Money equity, Map<InstrumentId, Quantity> positions,
                                              int openOrders) {
        Option<TradingStateChanged> change = watch.mark(step, equity, positions, openOrders, state,
                resumeAfterDailyLossHalt, clock::meta);
        change.forEach(this::apply);
        return change;
    }

    TradingState state() {
        return state;
    }

    List<TradingStateChanged> changes() {
        return Collections.unmodifiableList(changes);
    }

    private void apply(TradingStateChanged change) {
        changes.add(change);
        state = TradingState.after(change);
        listener.tradingStateChanged(change);
    }
}
