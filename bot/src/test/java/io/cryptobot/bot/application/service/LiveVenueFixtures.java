package io.cryptobot.bot.application.service;

import static io.cryptobot.bot.application.service.LiveVenueTest.BTC;

import io.cryptobot.bot.domain.session.SessionMarket;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** What the tests of a session on a live account ({@link LiveVenue}) build alike: its market, orders, waits. */
final class LiveVenueFixtures {
    /** Short waits: the first query after 20 ms, backoff up to 200 ms, 50 ms of fill grace, hourly reconciliation. */
    static final LiveVenue.Settings FAST = new LiveVenue.Settings(Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofMillis(50), Duration.ofHours(1), Duration.ZERO);

    private LiveVenueFixtures() {
    }

    /** {@code BTC/USDT} at a 0.01 tick and a 0.0001 step, 2 bps maker and 10 bps taker fees, no slippage. */
    static SessionMarket btcMarket() {
        InstrumentRules rules = new InstrumentRules(BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get());
        return new SessionMarket(BTC, model, 4);
    }

    /** A good-till-canceled market buy of {@code quantity} BTC (4 decimals). */
    static OrderRequest market(String id, String quantity) {
        return new OrderRequest(ClientOrderId.parse(id).get(), BTC, Side.BUY, OrderType.MARKET,
                Quantity.parse(quantity, 4).get(), Option.none(), Option.none(), TimeInForce.GTC, false,
                new CorrelationId(UUID.randomUUID()));
    }

    /** A good-till-canceled limit buy of {@code quantity} BTC (4 decimals) at {@code price} (2 decimals). */
    static OrderRequest limit(String id, String price, String quantity) {
        return new OrderRequest(ClientOrderId.parse(id).get(), BTC, Side.BUY, OrderType.LIMIT,
                Quantity.parse(quantity, 4).get(), Option.some(Price.parse(price, 2).get()), Option.none(),
                TimeInForce.GTC, false, new CorrelationId(UUID.randomUUID()));
    }

    /** Polls every 5 ms; fails when the condition does not hold within 5 s. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 5 s");
            }
            sleep(5);
        }
    }

    /** The live link of {@code bot} over {@code venue}, its lease held for good (no other runner in a test). */
    static LiveTrading holding(LiveVenue venue, io.cryptobot.bot.domain.bot.BotId bot) {
        return new LiveTrading(venue, new io.cryptobot.bot.application.port.out.BotLeasePort() {
            @Override
            public io.vavr.control.Option<Lease> acquire(io.cryptobot.bot.domain.bot.BotId id, String holder,
                                                         Duration ttl) {
                return io.vavr.control.Option.none();
            }

            @Override
            public io.vavr.control.Option<Lease> renew(Lease lease, Duration ttl) {
                return io.vavr.control.Option.some(lease);
            }

            @Override
            public boolean holds(Lease lease) {
                return true;
            }

            @Override
            public void release(Lease lease) {
            }
        }, new io.cryptobot.bot.application.port.out.BotLeasePort.Lease(bot, "test", 1,
                java.time.Instant.parse("2100-01-01T00:00:00Z")));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
