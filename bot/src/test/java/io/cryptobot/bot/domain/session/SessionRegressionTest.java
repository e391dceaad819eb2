package io.cryptobot.bot.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.strategy.StrategyCatalog;
import io.cryptobot.bot.domain.strategy.StrategyDefinition;
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
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a session decides for orders placed from outside its strategy, pinned: hand orders of every type and time in
 * force (market, limit GTC/IOC/FOK, stop-market, stop-limit, take-profit, reduce-only), cancels and kill-switch
 * changes, next to a strategy's own orders, over a seeded random walk with gaps, zero-volume candles, slippage and
 * volume-capped limit fills. The digest of the fills, orders (status, filled quantity, tag), event types, trades,
 * ignored signals and state changes was recorded before the session was split into venue, sizer, account watch and
 * order book; ids are left out.
 */
class SessionRegressionTest {
    static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    static final UserId OWNER = UserId.of(new UUID(8, 9));

    @Test
    void hand_orders_cancels_and_kill_switch_changes_decide_as_recorded() {
        StrategyDefinition rsi = StrategyCatalog.find("rsi_mean_reversion").get();
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                new SlippageModel.FixedBasisPoints(4), Rate.parse("0.1").get());
        RiskLimits limits = new LimitsInput(null, null, "6", null, "4", null, "30").parse(BTC.quote()).get();
        TradingSession session = new TradingSession(new SessionSetup(OWNER, new Money(5_000_000, 2, BTC.quote()),
                limits, 0, 17, "r-", false), List.of(new SessionMarket(BTC, model, 4)),
                rsi.newStrategy(rsi.defaults()), (t, e, x) -> { }, SessionListener.NONE);
        SplittableRandom random = new SplittableRandom(23);
        long close = 3_000_000;
        int placed = 0;
        java.util.List<io.cryptobot.order.domain.OrderId> open = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            long open_ = Math.max(100, close + (random.nextInt(9) == 0 ? (long) (random.nextGaussian() * 4_000) : 0));
            close = Math.max(100, open_ + (long) (random.nextGaussian() * 2_500));
            long high = Math.max(open_, close) + random.nextInt(900);
            long low = Math.max(1, Math.min(open_, close) - random.nextInt(900));
            long volume = random.nextInt(10) == 0 ? 0 : 10_000 + random.nextInt(300_000);
            session.step(i * 60_000L, new Candle[] {new Candle(i * 60_000L, new Price(open_, 2), new Price(high, 2),
                    new Price(low, 2), new Price(close, 2), new Quantity(volume, 4))});
            int action = random.nextInt(12);
            if (action < 5) {
                OrderRequest request = request("h-" + (++placed), random, close,
                        session.position(BTC).units() > 0 && random.nextBoolean());
                session.place(request, new io.cryptobot.order.domain.OrderId(new UUID(2, placed)), "manual")
                        .forEach(placement -> open.add(placement.order().id()));
            } else if (action == 5 && !open.isEmpty()) {
                session.cancel(open.remove(random.nextInt(open.size())));
            } else if (action == 6 && random.nextInt(15) == 0) {
                TradingState[] states = TradingState.values();
                session.changeTradingState(states[random.nextInt(states.length)], "switch " + i);
            } else if (action == 7 && random.nextInt(10) == 0) {
                session.paused(!session.isPaused());
            }
        }
        assertThat(digest(session)).isEqualTo(EXPECTED);
    }

    static final String EXPECTED = "263 fills 2666 orders 45306.003219 0575c3f823c9328f8349039c";

    private static OrderRequest request(String id, SplittableRandom random, long close, boolean sell) {
        OrderType type = OrderType.values()[random.nextInt(OrderType.values().length)];
        Side side = sell ? Side.SELL : Side.BUY;
        Quantity quantity = new Quantity(100 + random.nextInt(20_000), 4);
        long away = 500 + random.nextInt(6_000);
        long toward = side == Side.BUY ? -away : away;
        Option<Price> limit = type.hasLimitPrice()
                ? Option.some(new Price(Math.max(1, close + (random.nextBoolean() ? toward : -toward)), 2))
                : Option.none();
        Option<Price> trigger = type.isConditional()
                ? Option.some(new Price(Math.max(1, close + (random.nextBoolean() ? away : -away)), 2))
                : Option.none();
        TimeInForce tif = type.isConditional() ? TimeInForce.GTC
                : TimeInForce.values()[random.nextInt(TimeInForce.values().length)];
        return new OrderRequest(ClientOrderId.parse(id).get(), BTC, side, type, quantity, limit, trigger, tif,
                sell && random.nextInt(3) == 0, new CorrelationId(new UUID(1, random.nextLong())));
    }

    static String digest(TradingSession session) {
        StringBuilder text = new StringBuilder();
        text.append("equity ").append(plain(session.equity().toBigDecimal())).append('\n');
        session.fills().forEach(f -> text.append("fill ").append(f.time().toEpochMilli()).append(' ')
                .append(f.side()).append(' ').append(plain(f.quantity().toBigDecimal())).append(' ')
                .append(plain(f.price().toBigDecimal())).append(' ').append(plain(f.fee().toBigDecimal())).append(' ')
                .append(f.liquidity()).append(' ').append(f.tag()).append('\n'));
        for (PlacedOrder placed : session.placedOrders()) {
            text.append("order ").append(placed.placedAt().toEpochMilli()).append(' ').append(placed.tag())
                    .append(' ').append(placed.order().spec().clientOrderId().value().startsWith("h-")
                            ? placed.order().spec().clientOrderId().value() : "strategy").append(' ')
                    .append(placed.order().spec().type()).append(' ').append(placed.order().status()).append(' ')
                    .append(plain(placed.order().filledQuantity().toBigDecimal())).append('\n');
        }
        session.orderEvents().forEach(e -> text.append(e.getClass().getSimpleName()).append(' ')
                .append(e.occurredAt().toEpochMilli()).append('\n'));
        session.ledger().closedTrades().forEach(t -> text.append("trade ").append(t.entryTime().toEpochMilli())
                .append(' ').append(t.exitTime().toEpochMilli()).append(' ').append(plain(t.netPnl().toBigDecimal()))
                .append('\n'));
        session.ignoredSignals().forEach(s -> text.append("ignored ").append(s.time().toEpochMilli()).append(' ')
                .append(s.rule()).append('\n'));
        session.tradingStateChanges().forEach(c -> text.append("state ").append(c.occurredAt().toEpochMilli())
                .append(' ').append(c.to()).append(' ').append(c.reason()).append('\n'));
        if (System.getProperty("digest.dump") != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("digest.dump")), text);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return session.fills().size() + " fills " + session.placedOrders().size() + " orders "
                    + plain(session.equity().toBigDecimal()) + " " + HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
