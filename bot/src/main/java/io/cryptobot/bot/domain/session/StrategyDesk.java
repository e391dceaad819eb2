package io.cryptobot.bot.domain.session;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderSpec;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The strategy's side of the session, its {@link StrategyContext}: the position it holds in each market, and its
 * intents turned into orders. An intent in the warm-up does nothing; a paused bot ignores it (rule
 * {@code bot_paused}); otherwise it is sized at the last close by the {@link PositionSizer} (less than one lot
 * step: ignored, rule {@code sizing}) and placed with ids drawn from the session's sequence, where risk may still
 * deny it (ignored under the risk rule's id). Every intent that placed no order is reported done at once.
 */
final class StrategyDesk implements StrategyContext {
    private final SessionSetup setup;
    private final SessionClock clock;
    private final SessionMarkets markets;
    private final SessionAccount account;
    private final SessionExecution execution;
    private final Strategy strategy;
    private final SessionListener listener;
    private final List<IgnoredSignal> ignored = new ArrayList<>();
    /** Each market's venue minimum order notional (null: none known), an input journaled like the kill switch. */
    private final java.math.BigDecimal[] minNotional;
    private boolean paused;

    StrategyDesk(SessionSetup setup, SessionClock clock, SessionMarkets markets, SessionAccount account,
                 SessionExecution execution, Strategy strategy, SessionListener listener) {
        this.setup = setup;
        this.clock = clock;
        this.markets = markets;
        this.account = account;
        this.execution = execution;
        this.strategy = strategy;
        this.listener = listener;
        this.minNotional = new java.math.BigDecimal[markets.count()];
    }

    /**
     * The position as the strategy sees it: dust (less than one lot step, left by a base-asset fee, or a sellable
     * part worth less than the venue's minimum notional at the last close) is flat.
     */
    @Override
    public Quantity position(InstrumentId instrument) {
        int market = markets.indexOf(instrument);
        return PositionSizer.strategyView(account.position(market), markets.market(market).fillModel().rules(),
                Option.of(minNotional[market]), markets.lastClose(market));
    }

    /** Sets the venue's minimum order notional of {@code instrument} (none: no minimum); false when unchanged. */
    boolean minimumNotional(InstrumentId instrument, Option<java.math.BigDecimal> minimum) {
        int market = markets.indexOf(instrument);
        java.math.BigDecimal now = minNotional[market];
        java.math.BigDecimal next = minimum.getOrNull();
        if (now == null ? next == null : next != null && now.compareTo(next) == 0) {
            return false;
        }
        minNotional[market] = next;
        return true;
    }

    /** The venue's minimum order notional of {@code instrument} the strategy's intents are sized against. */
    Option<java.math.BigDecimal> minimumNotional(InstrumentId instrument) {
        return Option.of(minNotional[markets.indexOf(instrument)]);
    }

    /** The position the ledger holds, dust included. */
    Quantity held(InstrumentId instrument) {
        return account.position(markets.indexOf(instrument));
    }

    @Override
    public void submit(InstrumentId instrument, OrderIntent intent) {
        if (!clock.trading()) {
            return;
        }
        int market = markets.indexOf(instrument);
        if (paused) {
            ignore(instrument, intent, "bot_paused", "the bot is paused");
            strategy.onIntentDone(instrument, intent, new Quantity(0, account.position(market).scale()));
            return;
        }
        Price reference = markets.lastClose(market);
        Quantity quantity = PositionSizer.size(intent.sizing(), intent.side(), markets.market(market).fillModel(),
                account.position(market), reference, account.freeCash(), account::equity);
        if (quantity.units() <= 0) {
            ignore(instrument, intent, "sizing", "the intent sizes to less than one lot step");
            strategy.onIntentDone(instrument, intent, quantity);
            return;
        }
        Price valuedAt = intent.limitPrice().getOrElse(reference);
        if (minNotional[market] != null && valuedAt != null
                && PositionSizer.belowMinimum(quantity, valuedAt, minNotional[market])) {
            // the venue would refuse it (and again at every signal): a sell of dust, or an order too small to send
            ignore(instrument, intent, "sizing", "the intent sizes to " + plain(quantity.toBigDecimal()) + " worth "
                    + plain(quantity.toBigDecimal().multiply(valuedAt.toBigDecimal())) + " at "
                    + plain(valuedAt.toBigDecimal()) + ", below the venue's minimum order notional "
                    + plain(minNotional[market]) + (intent.side() == io.cryptobot.kernel.domain.Side.SELL
                    && PositionSizer.belowMinimum(markets.market(market).fillModel().rules().floorToStep(
                    account.position(market).toBigDecimal()), valuedAt, minNotional[market])
                    ? " (dust: it cannot be sold)" : ""));
            strategy.onIntentDone(instrument, intent, new Quantity(0, quantity.scale()));
            return;
        }
        long n = clock.nextNumber();
        OrderSpec spec = new OrderSpec(setup.owner(), new ClientOrderId(setup.clientIdPrefix() + n), instrument,
                intent.side(), intent.type(), quantity, intent.limitPrice(), Option.none(), TimeInForce.GTC,
                intent.sizing() instanceof Sizing.ClosePosition, new CorrelationId(new UUID(clock.idSeed(), n)));
        SessionExecution.Opened opened = execution.open(market, new OrderId(new UUID(clock.idSeed(), n | 1L << 62)),
                spec, intent, intent.tag(), intent.limitPrice().getOrElse(reference));
        opened.refusal().forEach(refusal -> {
            ignore(instrument, intent, refusal.first().rule().id(), refusal.reason());
            strategy.onIntentDone(instrument, intent, new Quantity(0, quantity.scale()));
        });
    }

    void paused(boolean paused) {
        this.paused = paused;
    }

    boolean isPaused() {
        return paused;
    }

    List<IgnoredSignal> ignoredSignals() {
        return Collections.unmodifiableList(ignored);
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private void ignore(InstrumentId instrument, OrderIntent intent, String rule, String reason) {
        IgnoredSignal signal = new IgnoredSignal(Instant.ofEpochMilli(clock.now()), instrument, intent.tag(), rule,
                reason);
        ignored.add(signal);
        listener.ignored(signal);
    }
}
