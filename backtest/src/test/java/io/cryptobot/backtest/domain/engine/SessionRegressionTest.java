package io.cryptobot.backtest.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.session.PlacedOrder;
import io.cryptobot.bot.domain.strategy.OrderIntent;
import io.cryptobot.bot.domain.strategy.Sizing;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Everything a backtest decides, pinned: for every built-in strategy (and a scripted one that uses every order
 * type) over seeded random walks with slippage, volume-capped limit fills and risk limits that trip the daily-loss
 * halt, the digest of the fills, orders (status, filled quantity, tag, event types), trades, ignored signals,
 * trading-state changes and the final equity. The digests were recorded before the session was split into venue,
 * sizer, account watch and order book: the split must not change a single decision. Ids are left out (they are
 * numbered from the session's sequence, which the split is free to use differently).
 */
class SessionRegressionTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final InstrumentId ETH = InstrumentId.parse("SIM:ETH/USDT").get();
    static final UserId OWNER = UserId.of(new UUID(5, 6));
    static final Money CASH = new Money(1_000_000, 2, BTC.quote());

    @Test
    void every_built_in_strategy_decides_as_recorded() {
        StringBuilder all = new StringBuilder();
        for (StrategyDefinition definition : StrategyCatalog.builtIns()) {
            java.util.Map<String, String> parameters = definition.id().equals("grid")
                    ? java.util.Map.of("lower", "29000", "upper", "31000", "levels", "12", "amount", "400")
                    : definition.examples();
            Strategy strategy = definition.newStrategy(definition.validate(parameters).get());
            all.append(definition.id()).append(' ').append(digest(run(List.of(market(walk(BTC, 30_000, 11))),
                    strategy, limits("10", "2"), 0))).append('\n');
        }
        assertThat(all.toString()).isEqualTo(EXPECTED_BUILT_INS);
    }

    @Test
    void every_order_type_over_two_markets_decides_as_recorded() {
        BacktestOutcome outcome = run(List.of(market(walk(BTC, 20_000, 3)), market(walk(ETH, 20_000, 4))),
                new EveryOrderType(), limits(null, "3"), 0);
        assertThat(digest(outcome)).isEqualTo(EXPECTED_EVERY_TYPE);
    }

    static final String EXPECTED_BUILT_INS = """
            sma_crossover 305 fills 726 orders 6292.961997 fa990fc97e280af00ee96543
            ema_crossover 296 fills 684 orders 6157.40448 53c8b0b7fa008041423043c1
            rsi_mean_reversion 113 fills 751 orders 7173.653078 3a45cf725683785883691cef
            bollinger_breakout 343 fills 1459 orders 6182.381973 bb761b4647069a3063e0f513
            macd 407 fills 1393 orders 5673.3789 052a17da749f90eaa6caaebf
            dca 21 fills 21 orders 9847.741609 1f5ccc62fa84a1bc7c744060
            grid 57 fills 62 orders 9302.788999 d499565f746df6a4dcd9566e
            manual 0 fills 0 orders 10000 dc482ced98e57a23a05f7a5d
            """;
    static final String EXPECTED_EVERY_TYPE = "1334 fills 5698 orders 6395.441932 199490d929abcc77bcca4e90";

    private static RiskLimits limits(String maxOpenOrders, String dailyLossPercent) {
        return new LimitsInput(null, null, maxOpenOrders, null, dailyLossPercent, null, null)
                .parse(BTC.quote()).get();
    }

    private static BacktestOutcome run(List<Market> markets, Strategy strategy, RiskLimits limits, long start) {
        return BacktestEngine.run(new BacktestSetup(OWNER, CASH, limits, start, 99), markets, strategy,
                (t, e, x) -> { }, RunControl.NONE);
    }

    private static Market market(Bars bars) {
        InstrumentRules rules = new InstrumentRules(bars.instrument(), new Price(1, 2), new Quantity(1, 4));
        return new Market(bars, new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                new SlippageModel.FixedBasisPoints(3), Rate.parse("0.05").get()));
    }

    /** A seeded random walk with gaps between close and next open, so stops and limits meet gaps too. */
    private static Bars walk(InstrumentId instrument, int n, long seed) {
        Bars bars = new Bars(instrument, 2, 4, n);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        long close = 3_000_000;
        for (int i = 0; i < n; i++) {
            long open = Math.max(100, close + (random.nextInt(10) == 0 ? (long) (random.nextGaussian() * 3_000) : 0));
            close = Math.max(100, open + (long) (random.nextGaussian() * 2_000));
            long high = Math.max(open, close) + random.nextInt(800);
            long low = Math.max(1, Math.min(open, close) - random.nextInt(800));
            long volume = random.nextInt(8) == 0 ? 0 : 50_000 + random.nextInt(2_000_000);
            bars.append(i * 60_000L, open, high, low, close, volume);
        }
        return bars;
    }

    static String digest(BacktestOutcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append("equity ").append(plain(outcome.finalEquity().toBigDecimal())).append('\n');
        outcome.fills().forEach(f -> text.append("fill ").append(f.time().toEpochMilli()).append(' ')
                .append(f.instrument()).append(' ').append(f.side()).append(' ').append(plain(f.quantity()
                        .toBigDecimal())).append(' ').append(plain(f.price().toBigDecimal())).append(' ')
                .append(plain(f.fee().toBigDecimal())).append(' ').append(f.liquidity()).append(' ').append(f.tag())
                .append('\n'));
        for (PlacedOrder placed : outcome.orders()) {
            text.append("order ").append(placed.placedAt().toEpochMilli()).append(' ').append(placed.tag())
                    .append(' ').append(placed.order().spec().instrument()).append(' ')
                    .append(placed.order().spec().side()).append(' ').append(placed.order().spec().type()).append(' ')
                    .append(plain(placed.order().spec().quantity().toBigDecimal())).append(' ')
                    .append(placed.order().status()).append(' ')
                    .append(plain(placed.order().filledQuantity().toBigDecimal())).append('\n');
        }
        outcome.orderEvents().forEach(e -> text.append(e.getClass().getSimpleName()).append(' ')
                .append(e.occurredAt().toEpochMilli()).append('\n'));
        outcome.trades().forEach(t -> text.append("trade ").append(t.entryTime().toEpochMilli()).append(' ')
                .append(t.exitTime().toEpochMilli()).append(' ').append(plain(t.quantity().toBigDecimal())).append(' ')
                .append(plain(t.netPnl().toBigDecimal())).append('\n'));
        outcome.ignoredSignals().forEach(s -> text.append("ignored ").append(s.time().toEpochMilli()).append(' ')
                .append(s.rule()).append(' ').append(s.reason()).append('\n'));
        outcome.tradingStateChanges().forEach(c -> text.append("state ").append(c.occurredAt().toEpochMilli())
                .append(' ').append(c.to()).append(' ').append(c.reason()).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return outcome.fills().size() + " fills " + outcome.orders().size() + " orders "
                    + plain(outcome.finalEquity().toBigDecimal()) + " " + HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Cycles through market and limit orders (the types a strategy's intents take) near, at and away from the
     * market on both markets, entering with every sizing and leaving with close-position.
     */
    static final class EveryOrderType implements Strategy {
        private int n;

        @Override
        public int warmUpCandles() {
            return 0;
        }

        @Override
        public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
            n++;
            if (n % 7 != 0) {
                return;
            }
            long close = candle.close().units();
            boolean held = context.position(instrument).units() > 0;
            Side side = held ? Side.SELL : Side.BUY;
            Sizing sizing = held ? Sizing.CLOSE_POSITION : switch ((n / 7) % 4) {
                case 0 -> Sizing.ALL_IN;
                case 1 -> new Sizing.FractionOfEquity(new BigDecimal("0.3"));
                case 2 -> new Sizing.QuoteAmount(new BigDecimal("1500"));
                default -> new Sizing.FixedQuantity(new Quantity(500, 4));
            };
            long offset = held ? 1_500 : -1_500;
            Price near = new Price(Math.max(1, close + offset), 2);
            Price far = new Price(Math.max(1, close - offset), 2);
            OrderIntent intent = switch ((n / 7) % 8) {
                case 0 -> OrderIntent.market(side, sizing, "market");
                case 1 -> OrderIntent.limit(side, sizing, near, "limit");
                case 2 -> new OrderIntent(side, io.cryptobot.kernel.domain.OrderType.LIMIT, sizing, Option.some(far),
                        "limit_far");
                case 3 -> OrderIntent.limit(side, sizing, new Price(close, 2), "limit_at_close");
                default -> OrderIntent.market(side, sizing, "market_" + (n / 7) % 8);
            };
            context.submit(instrument, intent);
        }
    }
}
