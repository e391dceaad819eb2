package io.cryptobot.bot.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The session's controls from outside its strategy, on hand-worked numbers: 10,000.00 USDT, tick 0.01, step
 * 0.0001, taker fee 0.1 %, no slippage, candles one minute apart.
 */
class TradingSessionTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final UserId OWNER = UserId.of(new UUID(3, 4));
    private final Listener listener = new Listener();

    @Test
    void an_order_by_hand_fills_at_the_next_open_and_its_client_order_id_places_it_once() {
        TradingSession session = session(new Quiet());
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        Order placed = session.place(market("m-1", Side.BUY, "1.0000"), id(), "manual").get().order();
        assertThat(placed.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(session.place(market("m-1", Side.BUY, "1.0000"), id(), "manual").get().order().id()).isEqualTo(placed.id());
        assertThat(session.placedOrders()).hasSize(1);

        session.step(60_000, candles("101.00 102.00 100.00 101.50"));
        // 1 BTC at the open, 101.00; fee 0.1 % of 101.00 = 0.101 USDT, exact at scale 2 + 4 (fill-model.md)
        assertThat(session.placedOrders().get(0).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(session.fills().get(0).price()).isEqualTo(new Price(10_100, 2));
        assertThat(session.fills().get(0).fee().toBigDecimal()).isEqualByComparingTo("0.101");
        assertThat(session.ledger().balance(BTC.quote()).toBigDecimal()).isEqualByComparingTo("9898.899");
        assertThat(session.position(BTC)).isEqualTo(new Quantity(10_000, 4));
        assertThat(session.placedOrders().get(0).tag()).isEqualTo("manual");
    }

    @Test
    void a_resting_order_can_be_canceled_once_and_nothing_is_placed_before_the_first_price() {
        TradingSession session = session(new Quiet());
        assertThat(session.place(limit("early", "90.00"), id(), "manual").getLeft().reason()).contains("no price yet");
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        Order resting = session.place(limit("l-1", "90.00"), id(), "manual").get().order();
        session.step(60_000, candles("100.00 101.00 99.00 100.00"));
        assertThat(session.placedOrders().get(0).order().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(session.openOrderCount()).isEqualTo(1);
        assertThat(session.cancel(resting.id()).get().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(session.cancel(resting.id()).getLeft().reason()).contains("is not open");
        assertThat(session.openOrderCount()).isZero();
        session.step(120_000, candles("89.00 89.00 85.00 86.00"));
        assertThat(session.fills()).isEmpty();
    }

    @Test
    void a_paused_session_sees_every_candle_but_places_none_of_its_strategys_intents() {
        BuyEveryCandle strategy = new BuyEveryCandle();
        TradingSession session = session(strategy);
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        session.paused(true);
        session.step(60_000, candles("100.00 100.00 100.00 100.00"));
        session.step(120_000, candles("100.00 100.00 100.00 100.00"));
        assertThat(strategy.candles).isEqualTo(3);
        assertThat(session.ignoredSignals()).extracting(IgnoredSignal::rule).containsExactly("bot_paused", "bot_paused");
        assertThat(strategy.done).isEqualTo(2);
        session.paused(false);
        session.step(180_000, candles("100.00 100.00 100.00 100.00"));
        // only the candle after resuming places an order: the paused ones were not queued
        assertThat(session.placedOrders()).hasSize(1);
    }

    @Test
    void the_owners_halt_cancels_working_orders_and_denies_new_ones_until_trading_resumes() {
        TradingSession session = session(new Quiet());
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        session.place(limit("l-1", "90.00"), id(), "manual");
        assertThat(session.changeTradingState(TradingState.HALTED, "outage")).isTrue();
        assertThat(session.changeTradingState(TradingState.HALTED, "again")).isFalse();
        assertThat(session.placedOrders().get(0).order().status()).isEqualTo(OrderStatus.CANCELED);
        Order denied = session.place(limit("l-2", "90.00"), id(), "manual").get().order();
        assertThat(denied.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(listener.blocked).containsExactly("trading_state");
        assertThat(session.changeTradingState(TradingState.ACTIVE, "clear")).isTrue();
        assertThat(session.place(limit("l-3", "90.00"), id(), "manual").get().order().status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(session.tradingStateChanges()).hasSize(2);
    }

    @Test
    void while_openings_are_blocked_a_buy_is_denied_a_reducing_sell_passes_and_working_orders_keep_working() {
        TradingSession session = session(new Quiet());
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        session.place(market("b-1", Side.BUY, "2.0000"), id(), "manual");
        session.place(limit("l-1", "90.00"), id(), "manual");
        session.step(60_000, candles("100.00 100.00 100.00 100.00"));
        assertThat(session.position(BTC)).isEqualTo(new Quantity(20_000, 4));

        assertThat(session.blockOpenings(Option.some("the live feed is stale"))).isTrue();
        assertThat(session.blockOpenings(Option.some("the live feed is stale"))).isFalse();
        assertThat(session.openingBlocked()).contains("the live feed is stale");
        Order buy = session.place(market("b-2", Side.BUY, "1.0000"), id(), "manual").get().order();
        Order sell = session.place(market("s-1", Side.SELL, "1.0000"), id(), "manual").get().order();
        assertThat(buy.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(sell.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(listener.blocked).containsExactly("opening_blocked");
        assertThat(session.placedOrders().get(1).order().status()).as("the resting limit order still works")
                .isEqualTo(OrderStatus.ACCEPTED);
        session.step(120_000, candles("89.00 89.00 85.00 86.00"));
        assertThat(session.position(BTC)).as("sold 1, and the working limit order bought 1")
                .isEqualTo(new Quantity(20_000, 4));

        assertThat(session.blockOpenings(Option.none())).isTrue();
        assertThat(session.place(market("b-3", Side.BUY, "1.0000"), id(), "manual").get().order().status())
                .isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void a_session_told_its_trading_start_late_ignores_the_signals_before_it_and_trades_from_it() {
        BuyEveryCandle strategy = new BuyEveryCandle();
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get());
        TradingSession session = new TradingSession(new SessionSetup(OWNER, new Money(1_000_000, 2, BTC.quote()),
                RiskLimits.none(), Long.MAX_VALUE, 7, "t-", false), List.of(new SessionMarket(BTC, model, 4)),
                strategy, (t, e, x) -> { }, listener);
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        session.step(60_000, candles("100.00 100.00 100.00 100.00"));
        assertThat(session.isTrading()).isFalse();
        assertThat(session.placedOrders()).isEmpty();
        assertThatThrownBy(() -> session.tradeFrom(60_000)).isInstanceOf(IllegalStateException.class);

        session.tradeFrom(120_000);
        session.step(120_000, candles("100.00 100.00 100.00 100.00"));

        assertThat(session.isTrading()).isTrue();
        assertThat(session.tradingStart()).isEqualTo(120_000);
        assertThat(session.placedOrders()).hasSize(1);
        assertThatThrownBy(() -> session.tradeFrom(180_000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_ioc_order_filled_in_part_expires_with_its_fill_and_is_no_longer_open() {
        // volume 1.0000 BTC a candle, at most half of it for a limit order: 0.5000 of the 1.0000 asked, the rest expires
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("0.5").get());
        TradingSession session = new TradingSession(new SessionSetup(OWNER, new Money(1_000_000, 2, BTC.quote()),
                RiskLimits.none(), 0, 7, "t-", false), List.of(new SessionMarket(BTC, model, 4)), new Quiet(),
                (t, e, x) -> { }, listener);
        Candle[] thin = {new Candle(0, price("100.00"), price("100.00"), price("100.00"), price("100.00"),
                new Quantity(10_000, 4))};
        session.step(0, thin);
        OrderRequest ioc = new OrderRequest(ClientOrderId.parse("ioc-1").get(), BTC, Side.BUY, OrderType.LIMIT,
                Quantity.parse("1.0000", 4).get(), Option.some(price("101.00")), Option.none(), TimeInForce.IOC, false,
                new CorrelationId(UUID.randomUUID()));
        Order placed = session.place(ioc, id(), "manual").get().order();
        session.step(60_000, new Candle[] {new Candle(60_000, price("100.00"), price("100.00"), price("100.00"),
                price("100.00"), new Quantity(10_000, 4))});
        Order ended = session.placedOrders().get(0).order();
        assertThat(ended.id()).isEqualTo(placed.id());
        assertThat(ended.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(ended.filledQuantity()).isEqualTo(new Quantity(5_000, 4));
        assertThat(session.openOrderCount()).isZero();
        assertThat(session.cancel(placed.id()).getLeft().reason()).contains("is not open");
    }

    @Test
    void an_order_rate_of_three_a_minute_takes_three_orders_and_denies_the_fourth() {
        RiskLimits threeAMinute = new io.cryptobot.risk.domain.LimitsInput(null, null, null, null, null, null, "3")
                .parse(BTC.quote()).get();
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get());
        TradingSession session = new TradingSession(new SessionSetup(OWNER, new Money(1_000_000, 2, BTC.quote()),
                threeAMinute, 0, 7, "t-", false), List.of(new SessionMarket(BTC, model, 4)), new Quiet(),
                (t, e, x) -> { }, listener);
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        for (String id : List.of("r-1", "r-2", "r-3")) {
            assertThat(session.place(limit(id, "90.00"), id(), "manual").get().order().status())
                    .isEqualTo(OrderStatus.SUBMITTED);
        }
        assertThat(session.place(limit("r-4", "90.00"), id(), "manual").get().order().status())
                .isEqualTo(OrderStatus.DENIED);
        assertThat(listener.blocked).containsExactly("max_order_rate");
    }

    // ---- fixtures ----

    private static io.cryptobot.order.domain.OrderId id() {
        return new io.cryptobot.order.domain.OrderId(UUID.randomUUID());
    }

    @Test
    void a_position_worth_less_than_the_venues_minimum_notional_is_dust_the_strategy_never_tries_to_sell() {
        CloseEveryCandle strategy = new CloseEveryCandle();
        TradingSession session = session(strategy);
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        assertThat(session.minimumNotional(BTC, Option.some(new java.math.BigDecimal("5")))).isTrue();
        assertThat(session.minimumNotional(BTC, Option.some(new java.math.BigDecimal("5.00")))).as("unchanged")
                .isFalse();
        // 0.0400 BTC bought by hand at 100.00: worth 4.00, under the minimum notional of 5 (hand orders are judged
        // by the venue's filters, not here)
        session.place(market("b-1", Side.BUY, "0.0400"), id(), "manual");
        session.step(60_000, candles("100.00 100.00 100.00 100.00"));
        session.step(120_000, candles("100.00 110.00 100.00 110.00"));
        // flat for the strategy (0.04 x 110 = 4.4 < 5): it places nothing; the ledger keeps the dust
        assertThat(session.position(BTC)).isEqualTo(new Quantity(400, 4));
        assertThat(session.isDust(BTC)).as("held, flat for the strategy: dust (the portfolio marks it)").isTrue();
        assertThat(strategy.seen.subList(1, 3)).containsExactly(new Quantity(0, 4), new Quantity(0, 4));
        assertThat(session.placedOrders()).hasSize(1);
        // a strategy that sells what it counts as its own (dca's take-profit) is not sent: the venue would refuse it
        strategy.sellAnyway = true;
        session.step(180_000, candles("110.00 110.00 110.00 110.00"));
        assertThat(session.placedOrders()).hasSize(1);
        assertThat(session.ignoredSignals()).singleElement().satisfies(signal -> {
            assertThat(signal.rule()).isEqualTo("sizing");
            assertThat(signal.reason()).isEqualTo("the intent sizes to 0.04 worth 4.4 at 110, below the venue's"
                    + " minimum order notional 5 (dust: it cannot be sold)");
        });
        // the price makes it sellable again: the strategy sees it and its close sells all of it
        strategy.sellAnyway = false;
        session.step(240_000, candles("110.00 130.00 110.00 130.00"));
        assertThat(strategy.seen.getLast()).isEqualTo(new Quantity(400, 4));
        assertThat(session.isDust(BTC)).as("worth 5.2 at 130: a position again").isFalse();
        assertThat(session.placedOrders()).hasSize(2);
        assertThat(session.placedOrders().getLast().order().spec().quantity()).isEqualTo(new Quantity(400, 4));
        assertThat(session.placedOrders().getLast().order().spec().side()).isEqualTo(Side.SELL);
        session.minimumNotional(BTC, Option.none());
        assertThat(session.minimumNotional(BTC)).isEmpty();
    }

    @Test
    void an_intent_sized_below_the_venues_minimum_notional_is_ignored_not_sent() {
        BuyEveryCandle strategy = new BuyEveryCandle();
        TradingSession session = session(strategy);
        session.minimumNotional(BTC, Option.some(new java.math.BigDecimal("1000")));
        session.step(0, candles("100.00 100.00 100.00 100.00"));
        session.step(60_000, candles("100.00 100.00 100.00 100.00"));
        assertThat(session.placedOrders()).isEmpty();
        assertThat(session.ignoredSignals()).singleElement().satisfies(signal -> {
            assertThat(signal.rule()).isEqualTo("sizing");
            assertThat(signal.reason()).contains("below the venue's minimum order notional 1000")
                    .doesNotContain("dust");
        });
        assertThat(strategy.done).isEqualTo(1);
    }

    private TradingSession session(Strategy strategy) {
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get());
        return new TradingSession(new SessionSetup(OWNER, new Money(1_000_000, 2, BTC.quote()), RiskLimits.none(), 0,
                7, "t-", false), List.of(new SessionMarket(BTC, model, 4)), strategy, (t, e, x) -> { }, listener);
    }

    private static Candle[] candles(String ohlc) {
        String[] p = ohlc.split(" ");
        return new Candle[] {new Candle(0, price(p[0]), price(p[1]), price(p[2]), price(p[3]),
                new Quantity(10_000_000, 4))};
    }

    private static Price price(String text) {
        return Price.parse(text, 2).get();
    }

    private static OrderRequest market(String id, Side side, String quantity) {
        return new OrderRequest(ClientOrderId.parse(id).get(), BTC, side, OrderType.MARKET,
                Quantity.parse(quantity, 4).get(), Option.none(), Option.none(), TimeInForce.GTC, false,
                new CorrelationId(UUID.randomUUID()));
    }

    private static OrderRequest limit(String id, String price) {
        return new OrderRequest(ClientOrderId.parse(id).get(), BTC, Side.BUY, OrderType.LIMIT,
                Quantity.parse("1.0000", 4).get(), Option.some(price(price)), Option.none(), TimeInForce.GTC, false,
                new CorrelationId(UUID.randomUUID()));
    }

    static final class Quiet implements Strategy {
        @Override
        public int warmUpCandles() {
            return 0;
        }

        @Override
        public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
        }
    }

    /** Records the position it sees; sells it (close position) whenever it sees one, or always when told to. */
    static final class CloseEveryCandle implements Strategy {
        final List<Quantity> seen = new ArrayList<>();
        boolean sellAnyway;

        @Override
        public int warmUpCandles() {
            return 0;
        }

        @Override
        public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
            Quantity position = context.position(instrument);
            seen.add(position);
            if (position.units() > 0 || sellAnyway) {
                context.submit(instrument, OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, "exit"));
            }
        }
    }

    static final class BuyEveryCandle implements Strategy {
        int candles;
        int done;

        @Override
        public int warmUpCandles() {
            return 0;
        }

        @Override
        public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
            candles++;
            if (candles > 1) {
                context.submit(instrument, OrderIntent.market(Side.BUY, new Sizing.FixedQuantity(
                        new Quantity(1_000, 4)), "buy"));
            }
        }

        @Override
        public void onIntentDone(InstrumentId instrument, OrderIntent intent, Quantity filled) {
            done++;
        }
    }

    static final class Listener implements SessionListener {
        final List<String> blocked = new ArrayList<>();

        @Override
        public void blocked(Order order, io.cryptobot.risk.domain.OrderIntent intent,
                            io.cryptobot.risk.domain.PreTradeRefusal refusal) {
            blocked.add(refusal.first().ruleId());
        }
    }
}
