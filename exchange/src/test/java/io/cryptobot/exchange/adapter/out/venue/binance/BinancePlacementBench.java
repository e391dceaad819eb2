package io.cryptobot.exchange.adapter.out.venue.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueTrading;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Placements per second through {@link BinanceTrading} against the fake Binance on loopback: signing, the limiters,
 * the HTTP round trip, the fake's matching engine and the answer's parsing, with resting limit orders (nothing
 * fills). One caller, then {@code bench.threads} callers on virtual threads. The order-count and weight budgets are
 * raised so that the adapter, not Binance's published limits (50 orders per 10 s), is what is measured.
 * {@code ./mvnw -o -pl exchange -am test -Pbench -Dtest=BinancePlacementBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
class BinancePlacementBench {
    static final InstrumentId BTC_USDT = new InstrumentId(BinanceApi.VENUE, new Asset("BTC"), new Asset("USDT"));
    static final String KEY = "bench-key-0001";
    static final int ORDERS = Integer.getInteger("bench.orders", 5000);
    static final int THREADS = Integer.getInteger("bench.threads", 8);

    @Test
    void placements_per_second() throws Exception {
        try (FakeBinance fake = FakeBinance.start().weightLimit(10_000_000)
                .symbol("BTC", "USDT", "TRADING", "0.01", "0.00001", "5")
                .key(new FakeBinance.Key(KEY, "bench-secret-0001", true, false, true, false, Map.of(
                        "USDT", new BigDecimal[] {new BigDecimal("1000000000"), BigDecimal.ZERO})));
             BinanceApi api = new BinanceApi(BinanceConfig.production().withUrls(fake.restUrl(), fake.wsUrl())
                     .withWeightPerMinute(10_000_000), Instant::now)) {
            BinanceTradingConfig config = BinanceTradingConfig.production().withWsApiUrl(fake.wsApiUrl())
                    .withOrderLimits(10_000_000, 10_000_000);
            BinanceTrading trading = new BinanceTrading(api, config,
                    Credentials.checked(KEY, "bench-secret-0001", null).get(), BinanceTrading.orderCountLimiter(config));
            fake.engine().lastPrice("BTCUSDT", "50000");
            AtomicInteger ids = new AtomicInteger();
            run(trading, ids, 500, 1); // warm-up
            double single = run(trading, ids, ORDERS / 2, 1);
            double parallel = run(trading, ids, ORDERS, THREADS);
            System.out.printf("BinancePlacementBench: %d placements, 1 caller: %.0f/s (%.2f ms each); %d callers: "
                    + "%.0f/s%n", ORDERS, single, 1000 / single, THREADS, parallel);
            assertThat(fake.engine().openOrderCount(KEY)).isEqualTo(ids.get());
        }
    }

    private static double run(BinanceTrading trading, AtomicInteger ids, int orders, int threads) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?>[] callers = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                callers[t] = pool.submit(() -> {
                    for (int i = 0; i < orders / threads; i++) {
                        VenueOrder order = new VenueOrder("bench-" + ids.incrementAndGet(), BTC_USDT, Side.BUY,
                                OrderType.LIMIT, Quantity.parse("0.001", 5).get(),
                                Option.some(Price.parse("40000", 2).get()), Option.none(), TimeInForce.GTC, false);
                        VenueTrading.PlaceAnswer answer = trading.place(order);
                        if (!(answer instanceof VenueTrading.PlaceAnswer.Accepted)) {
                            throw new AssertionError("not accepted: " + answer);
                        }
                    }
                    return null;
                });
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        }
        double seconds = Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9;
        return (orders / threads * threads) / seconds;
    }
}
