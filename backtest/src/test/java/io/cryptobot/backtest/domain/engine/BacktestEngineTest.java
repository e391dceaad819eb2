package io.cryptobot.backtest.domain.engine;

import io.cryptobot.bot.domain.session.EquitySink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.LiquiditySide;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.order.domain.event.OrderEvent;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * BTC/USDT and ETH/USDT with tick 0.01 and step 0.0001, 0.1 % taker fee in USDT, no slippage, 10,000.00 USDT.
 * Expected figures are worked by hand (exact decimals) in the comments.
 */
class BacktestEngineTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final InstrumentId ETH = InstrumentId.parse("SIM:ETH/USDT").get();
    static final UserId OWNER = UserId.of(new UUID(1, 2));
    static final Money CASH = new Money(1_000_000, 2, BTC.quote());
    static final OrderIntent BUY_ALL = OrderIntent.market(Side.BUY, Sizing.ALL_IN, "buy");
    static final OrderIntent SELL_ALL = OrderIntent.market(Side.SELL, Sizing.CLOSE_POSITION, "sell");

    @Test
    void a_round_trip_fills_at_the_next_opens_with_exact_fees_and_pnl() {
        Bars bars = bars(BTC,
                "100 101 99 100", "100 102 99 101", "101 103 100 102", "102 104 101 103", "103 103 100 101",
                "101 102 100 101");
        Recorder equity = new Recorder();
        BacktestOutcome outcome = run(List.of(market(bars)), Scripted.on(BTC, Map.of(1, BUY_ALL, 3, SELL_ALL)),
                equity, RiskLimits.none(), 0);

        // sized at the close 101: 10,000 / (101 * 1.001) = 98.91098..., down to 98.9109
        // buy at c2's open 101: cost 9,990.0009, fee 9.9900009 rounded up to 9.990001; cash 0.009099
        // sell at c4's open 103: proceeds 10,187.8227, fee 10.187823; cash 10,177.643976
        assertThat(outcome.fills()).extracting(f -> f.side() + " " + plain(f.quantity().toBigDecimal()) + " @ "
                        + plain(f.price().toBigDecimal()) + " fee " + plain(f.fee().toBigDecimal()) + " t" + f.time().toEpochMilli() / 60_000)
                .containsExactly("BUY 98.9109 @ 101 fee 9.990001 t2", "SELL 98.9109 @ 103 fee 10.187823 t4");
        assertThat(outcome.fills()).allMatch(f -> f.liquidity() == LiquiditySide.TAKER);
        assertThat(plain(outcome.finalEquity().toBigDecimal())).isEqualTo("10177.643976");
        // one trade: gross 98.9109 * 2 = 197.8218, fees 20.177824, net 177.643976 = final equity - 10,000
        assertThat(outcome.trades()).hasSize(1);
        var trade = outcome.trades().get(0);
        assertThat(plain(trade.realizedPnl().toBigDecimal())).isEqualTo("197.8218");
        assertThat(plain(trade.fees().toBigDecimal())).isEqualTo("20.177824");
        assertThat(plain(trade.netPnl().toBigDecimal())).isEqualTo("177.643976");
        assertThat(trade.entryTime().toEpochMilli()).isEqualTo(2 * 60_000L);
        assertThat(trade.exitTime().toEpochMilli()).isEqualTo(4 * 60_000L);
        // equity per step, marked to the close: cash + 98.9109 * close while long
        assertThat(equity.values).containsExactly(10_000.0, 10_000.0, 0.009099 + 98.9109 * 102,
                0.009099 + 98.9109 * 103, 10_177.643976, 10_177.643976);
        assertThat(equity.exposed).containsExactly(false, false, true, true, false, false);
        // both orders went the whole way through the state machine
        assertThat(outcome.orders()).extracting(o -> o.order().status()).containsExactly(OrderStatus.FILLED, OrderStatus.FILLED);
        assertThat(outcome.orderEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "OrderInitialized", "OrderSubmitted", "OrderAccepted", "OrderFilled",
                "OrderInitialized", "OrderSubmitted", "OrderAccepted", "OrderFilled");
        assertThat(outcome.orders().get(1).order().spec().reduceOnly()).isTrue();
    }

    @Test
    void every_intent_is_reported_done_once_with_what_it_filled() {
        // c1: all-in buy fills at c2's open; c2: a sell while long fills at c3's open; c3: a sell while flat
        // sizes to nothing; c4: an all-in buy sized at 101 meets a gap to 103 and is rejected
        Bars bars = bars(BTC, "100 101 99 100", "100 102 99 101", "101 103 100 101", "101 102 100 101",
                "101 102 100 101", "103 104 102 103");
        Scripted strategy = Scripted.on(BTC, Map.of(1, BUY_ALL, 2, SELL_ALL, 3, SELL_ALL, 4, BUY_ALL));
        run(List.of(market(bars)), strategy, new Recorder(), RiskLimits.none(), 0);
        // 10,000 / (101 * 1.001) = 98.91098... -> 98.9109
        assertThat(strategy.done).containsExactly("buy 98.9109", "sell 98.9109", "sell 0", "buy 0");
    }

    @Test
    void a_signal_on_the_last_candle_never_fills_on_that_candle() {
        Bars bars = bars(BTC, "100 101 99 100", "100 102 99 101");
        BacktestOutcome outcome = run(List.of(market(bars)), Scripted.on(BTC, Map.of(1, BUY_ALL)), new Recorder(),
                RiskLimits.none(), 0);
        assertThat(outcome.fills()).isEmpty();
        assertThat(outcome.orders()).extracting(o -> o.order().status()).containsExactly(OrderStatus.SUBMITTED);
    }

    @Test
    void a_gap_above_the_sizing_price_is_rejected_by_the_venue_as_insufficient_balance() {
        // sized at 101 for all the cash; the next open is 102, which the cash cannot pay
        Bars bars = bars(BTC, "100 101 99 100", "100 102 99 101", "102 103 101 102");
        BacktestOutcome outcome = run(List.of(market(bars)), Scripted.on(BTC, Map.of(1, BUY_ALL)), new Recorder(),
                RiskLimits.none(), 0);
        assertThat(outcome.fills()).isEmpty();
        assertThat(outcome.orders()).extracting(o -> o.order().status()).containsExactly(OrderStatus.REJECTED);
        assertThat(outcome.orderEvents().get(2)).isInstanceOfSatisfying(OrderEvent.OrderRejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("insufficient balance"));
        assertThat(outcome.finalEquity().toBigDecimal()).isEqualByComparingTo("10000");
    }

    @Test
    void warm_up_candles_feed_the_strategy_but_place_nothing_and_record_no_equity() {
        Bars bars = bars(BTC, "100 101 99 100", "100 102 99 101", "101 103 100 102", "102 104 101 103");
        Recorder equity = new Recorder();
        Scripted strategy = Scripted.on(BTC, Map.of(0, BUY_ALL, 2, BUY_ALL));
        BacktestOutcome outcome = run(List.of(market(bars)), strategy, equity, RiskLimits.none(), 2 * 60_000L);
        assertThat(strategy.seen).isEqualTo(4);
        assertThat(equity.times).containsExactly(2 * 60_000L, 3 * 60_000L);
        // only the signal on c2 (after the warm-up) became an order, filled at c3's open 102
        assertThat(outcome.fills()).singleElement().satisfies(f -> assertThat(f.price().toBigDecimal())
                .isEqualByComparingTo("102"));
    }

    @Test
    void a_limit_buy_rests_until_the_market_trades_through_it_and_fills_at_its_limit_as_maker() {
        Bars bars = bars(BTC, "100 101 99 100", "100 101 99.50 100", "100 100.5 99 99.5", "99.5 99.8 98.9 99");
        OrderIntent limit = OrderIntent.limit(Side.BUY, new Sizing.FixedQuantity(new Quantity(10_000, 4)),
                new Price(9_900, 2), "dip");
        BacktestOutcome outcome = run(List.of(market(bars)), Scripted.on(BTC, Map.of(0, limit)), new Recorder(),
                RiskLimits.none(), 0);
        // c1 low 99.50, c2 low 99 (touches, not through), c3 low 98.90 trades through 99: 1 BTC @ 99, maker 0.02 %
        assertThat(outcome.fills()).singleElement().satisfies(f -> {
            assertThat(f.price().toBigDecimal()).isEqualByComparingTo("99");
            assertThat(f.liquidity()).isEqualTo(LiquiditySide.MAKER);
            assertThat(f.fee().toBigDecimal()).isEqualByComparingTo("0.0198");
            assertThat(f.time().toEpochMilli()).isEqualTo(3 * 60_000L);
        });
    }

    @Test
    void an_intent_that_sizes_to_nothing_places_no_order_and_is_listed() {
        Bars bars = bars(BTC, "100 101 99 100", "100 102 99 101");
        BacktestOutcome outcome = run(List.of(market(bars)), Scripted.on(BTC, Map.of(0, SELL_ALL)), new Recorder(),
                RiskLimits.none(), 0);
        assertThat(outcome.orders()).isEmpty();
        assertThat(outcome.ignoredSignals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("sizing");
            assertThat(s.tag()).isEqualTo("sell");
        });
    }

    @Test
    void instruments_share_one_cash_balance() {
        Bars btc = bars(BTC, "100 101 99 100", "100 102 99 100", "100 102 99 100");
        Bars eth = bars(ETH, "10 11 9 10", "10 11 9 10", "10 11 9 10");
        Scripted strategy = new Scripted(Map.of(BTC, Map.of(0, BUY_ALL), ETH, Map.of(1, BUY_ALL)));
        BacktestOutcome outcome = run(List.of(market(btc), market(eth)), strategy, new Recorder(), RiskLimits.none(), 0);
        // BTC: 10,000 / (100 * 1.001) = 99.9000999 -> 99.9 BTC for 9,990 + 9.99 fee, leaving 0.01 USDT.
        // ETH's all-in then only gets that 0.01: 0.01 / (10 * 1.001) = 0.000999 -> 0.0009 ETH.
        assertThat(outcome.fills()).extracting(f -> f.instrument() + " " + plain(f.quantity().toBigDecimal()))
                .containsExactly(BTC + " 99.9", ETH + " 0.0009");
        assertThat(outcome.ignoredSignals()).isEmpty();
        assertThat(outcome.lastCloses()).containsKeys(BTC, ETH);
    }

    @Test
    void a_risk_refusal_denies_the_order_and_lists_the_rule() {
        Bars bars = bars(BTC, "100 101 99 100", "100 102 99 101", "101 103 100 102");
        RiskLimits limits = new RiskLimits(Option.some(new Money(100_000, 2, BTC.quote())), Option.none(),
                Option.none(), Option.none(), Option.none());
        BacktestOutcome outcome = run(List.of(market(bars)), Scripted.on(BTC, Map.of(1, BUY_ALL)), new Recorder(),
                limits, 0);
        assertThat(outcome.orders()).extracting(o -> o.order().status()).containsExactly(OrderStatus.DENIED);
        assertThat(outcome.ignoredSignals()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("max_order_notional");
            assertThat(s.reason()).contains("1000");
        });
        assertThat(outcome.fills()).isEmpty();
    }

    @Test
    void the_same_inputs_give_identical_results() {
        Bars bars = synthetic(BTC, 20_000, 7);
        var sma = StrategyCatalog.find("sma_crossover").get();
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        BacktestOutcome a = run(List.of(market(bars)), sma.newStrategy(sma.defaults()), first, RiskLimits.none(), 0);
        BacktestOutcome b = run(List.of(market(bars)), sma.newStrategy(sma.defaults()), second, RiskLimits.none(), 0);
        assertThat(a.fills()).hasSizeGreaterThan(10);
        assertThat(b).isEqualTo(a);
        assertThat(second.values).isEqualTo(first.values);
        // the books balance: final equity = start + Σ trade net P&L + open position marked (flat or not)
        BigDecimal net = a.trades().stream().map(t -> t.netPnl().toBigDecimal()).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean flat = a.positions().stream().allMatch(p -> p.quantity().units() == 0);
        if (flat) {
            assertThat(a.finalEquity().toBigDecimal()).isEqualByComparingTo(CASH.toBigDecimal().add(net));
        }
    }

    @Test
    void a_cancel_stops_the_run_early() {
        Bars bars = synthetic(BTC, 100_000, 3);
        var sma = StrategyCatalog.find("sma_crossover").get();
        RunControl cancelAtOnce = new RunControl() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        BacktestOutcome outcome = BacktestEngine.run(setup(RiskLimits.none(), 0), List.of(market(bars)),
                sma.newStrategy(sma.defaults()), (t, e, x) -> { }, cancelAtOnce);
        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.candlesProcessed()).isLessThan(outcome.candlesTotal());
    }

    @Test
    void markets_must_be_quoted_in_the_account_currency() {
        InstrumentId btcEur = InstrumentId.parse("SIM:BTC/EUR").get();
        assertThatThrownBy(() -> run(List.of(market(bars(btcEur, "1 1 1 1"))), Scripted.on(btcEur, Map.of()),
                new Recorder(), RiskLimits.none(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account currency");
    }

    // ---- fixtures ----

    static BacktestOutcome run(List<Market> markets, Strategy strategy, EquitySink equity, RiskLimits limits,
                               long tradingStart) {
        return BacktestEngine.run(setup(limits, tradingStart), markets, strategy, equity, RunControl.NONE);
    }

    static BacktestSetup setup(RiskLimits limits, long tradingStart) {
        return new BacktestSetup(OWNER, CASH, limits, tradingStart, 42);
    }

    static Market market(Bars bars) {
        InstrumentRules rules = new InstrumentRules(bars.instrument(), new Price(1, 2), new Quantity(1, 4));
        return new Market(bars, new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get()));
    }

    /** Candles one minute apart from t = 0, each "open high low close", volume 1,000. */
    static Bars bars(InstrumentId instrument, String... ohlc) {
        Bars bars = new Bars(instrument, 2, 4, ohlc.length);
        for (int i = 0; i < ohlc.length; i++) {
            String[] p = ohlc[i].split(" ");
            bars.append(new Candle(i * 60_000L, price(p[0]), price(p[1]), price(p[2]), price(p[3]),
                    new Quantity(10_000_000, 4)));
        }
        return bars;
    }

    /** A seeded random walk, open = previous close, so all-in orders fill. */
    static Bars synthetic(InstrumentId instrument, int n, long seed) {
        Bars bars = new Bars(instrument, 2, 4, n);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        long close = 3_000_000;
        for (int i = 0; i < n; i++) {
            long open = close;
            close = Math.max(100, open + (long) (random.nextGaussian() * 2_000));
            long high = Math.max(open, close) + random.nextInt(500);
            long low = Math.min(open, close) - random.nextInt(500);
            bars.append(i * 60_000L, open, high, low, close, 1_000_000);
        }
        return bars;
    }

    static Price price(String text) {
        return Price.parse(text, 2).get();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static final class Recorder implements EquitySink {
        final List<Long> times = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<Boolean> exposed = new ArrayList<>();

        @Override
        public void record(long time, double equity, boolean open) {
            times.add(time);
            values.add(equity);
            exposed.add(open);
        }
    }

    /** Emits the given intents on the given 0-based candle numbers of each instrument. */
    static final class Scripted implements Strategy {
        final Map<InstrumentId, Map<Integer, OrderIntent>> script;
        final Map<InstrumentId, Integer> count = new HashMap<>();
        final List<String> done = new ArrayList<>();
        int seen;

        Scripted(Map<InstrumentId, Map<Integer, OrderIntent>> script) {
            this.script = script;
        }

        static Scripted on(InstrumentId instrument, Map<Integer, OrderIntent> script) {
            return new Scripted(Map.of(instrument, script));
        }

        @Override
        public int warmUpCandles() {
            return 0;
        }

        @Override
        public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
            seen++;
            int n = count.merge(instrument, 1, Integer::sum) - 1;
            OrderIntent intent = script.getOrDefault(instrument, Map.of()).get(n);
            if (intent != null) {
                context.submit(instrument, intent);
            }
        }

        @Override
        public void onIntentDone(InstrumentId instrument, OrderIntent intent, Quantity filled) {
            done.add(intent.tag() + " " + plain(filled.toBigDecimal()));
        }
    }
}
