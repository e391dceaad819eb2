package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.live.Drift;
import io.cryptobot.bot.domain.session.SessionListener;
import io.cryptobot.bot.domain.session.SessionMarket;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.exchange.domain.fill.FeeSchedule;
import io.cryptobot.exchange.domain.fill.FillModel;
import io.cryptobot.exchange.domain.fill.InstrumentRules;
import io.cryptobot.exchange.domain.fill.Rate;
import io.cryptobot.exchange.domain.fill.SlippageModel;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.CorrelationId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.order.domain.ClientOrderId;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run it by name: {@code -Dtest=LiveReconciliationBench}): a live session with 1,000 open
 * orders on {@link ScriptedVenue} (in memory, no network: what is timed is the platform's own work), whose stream
 * drops while 200 of them fill once; the time from the stream's return to the reconciliation's report (the venue's
 * open orders, trade history and balances read, the 200 missed fills journaled and applied, balances compared).
 * {@code -Dbench.orders=} and {@code -Dbench.missed=} resize it.
 */
class LiveReconciliationBench {
    private static final int ORDERS = Integer.getInteger("bench.orders", 1_000);
    private static final int MISSED = Integer.getInteger("bench.missed", 200);
    private static final int ROUNDS = 7;

    @Test
    void reconciliation_of_a_thousand_open_orders() throws Exception {
        long[] nanos = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            nanos[round] = oneRound();
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("LiveReconciliationBench: %d open orders, %d missed fills, %d rounds: median %.2f ms,"
                + " min %.2f ms, max %.2f ms (first round, cold: %.2f ms)%n", ORDERS, MISSED, ROUNDS,
                sorted[ROUNDS / 2] / 1e6, sorted[0] / 1e6, sorted[ROUNDS - 1] / 1e6, nanos[0] / 1e6);
    }

    private long oneRound() throws Exception {
        ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScriptedVenue venue = new ScriptedVenue(Price.parse("100.00", 2).get())
                .balance(LiveVenueTest.USDT, "1000000.00");
        List<io.cryptobot.bot.domain.live.ReconciliationReport> reports = Collections.synchronizedList(new ArrayList<>());
        List<Object> journal = Collections.synchronizedList(new ArrayList<>());
        LiveVenue live = new LiveVenue(venue, List.of(LiveVenueTest.BTC), journal::addAll, new LiveVenue.Events() {
            @Override
            public void blocked(String rule, io.cryptobot.kernel.domain.execution.VenueReport.Rejected refusal) {
            }

            @Override
            public void reconciled(io.cryptobot.bot.domain.live.ReconciliationReport report) {
                reports.add(report);
            }

            @Override
            public void note(String what) {
            }

            @Override
            public void applied() {
            }

            @Override
            public void journalFailed(RuntimeException cause) {
                throw cause;
            }
        }, Instant::now, calls, timer, new LiveVenue.Settings(Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO), 0, () -> true);
        InstrumentRules rules = new InstrumentRules(LiveVenueTest.BTC, new Price(1, 2), new Quantity(1, 4));
        FillModel model = new FillModel(rules, FeeSchedule.inQuote(Rate.basisPoints(2), Rate.basisPoints(10)),
                SlippageModel.none(), Rate.parse("1").get());
        TradingSession session = new TradingSession(new SessionSetup(LiveVenueTest.OWNER,
                new Money(100_000_000, 2, LiveVenueTest.USDT), RiskLimits.none(), 0, 7, "t-", false),
                List.of(new SessionMarket(LiveVenueTest.BTC, model, 4)), live, new LiveVenueTest.Quiet(),
                (t, e, x) -> { }, SessionListener.NONE);
        Price p = Price.parse("100.00", 2).get();
        synchronized (session) {
            session.step(0, new Candle[] {new Candle(0, p, p, p, p, new Quantity(10_000_000, 4))});
            live.goLive(session);
        }
        waitUntil(() -> reports.size() == 1);
        for (int i = 0; i < ORDERS; i++) {
            synchronized (session) {
                session.place(new OrderRequest(ClientOrderId.parse("o-" + i).get(), LiveVenueTest.BTC, Side.BUY,
                        OrderType.LIMIT, Quantity.parse("0.0100", 4).get(), Option.some(Price.parse("90.00", 2).get()),
                        Option.none(), TimeInForce.GTC, false, new CorrelationId(UUID.randomUUID())),
                        new OrderId(UUID.randomUUID()), "manual");
            }
        }
        waitUntil(() -> journal.size() == ORDERS);
        venue.dropStream();
        for (int i = 0; i < MISSED; i++) {
            venue.trade("o-" + i, new Quantity(100, 4));
        }
        long start = System.nanoTime();
        venue.resumeStream();
        waitUntil(() -> reports.size() == 2);
        long took = System.nanoTime() - start;
        io.cryptobot.bot.domain.live.ReconciliationReport report = reports.get(1);
        assertThat(report.venueOpenOrders()).isEqualTo(ORDERS - MISSED);
        assertThat(report.drifts().stream().filter(d -> d instanceof Drift.MissedFill).count()).isEqualTo(MISSED);
        assertThat(journal).hasSize(ORDERS + MISSED);
        live.close();
        timer.shutdownNow();
        calls.shutdownNow();
        return took;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s");
            }
            Thread.sleep(0, 200_000);
        }
    }
}
