package io.cryptobot.bot.application.service;

import static io.cryptobot.bot.application.service.LiveVenueFixtures.FAST;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.await;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.btcMarket;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.limit;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.market;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.application.port.out.OrderRatePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hand order on a live account is sent only once its {@code placed} entry is durable (write-ahead): the journal
 * writer's store sees the venue without the order, and a store that fails leaves the venue without it for good.
 */
class PlaceHandOrderTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedVenue venue = new ScriptedVenue(Price.parse("100.00", 2).get())
            .balance(LiveVenueTest.USDT, "10000.00");
    private final LiveVenueTest.Events events = new LiveVenueTest.Events();
    private final Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), LiveVenueTest.OWNER, "b", "manual", Map.of(),
            LiveVenueTest.BTC, Timeframe.parse("1m").get(), UUID.randomUUID(),
            new Money(1_000_000, 2, LiveVenueTest.USDT), RiskLimits.none(), VenueCosts.parse(null, null, null, null)
                    .get(), Option.none(), LiveFeedSpec.fromNextCandle(), T0);
    /** What the venue had placed under each entry's client order id when the writer's store wrote it. */
    private final List<String> atWrite = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean storeFails;
    /** How long the writer's store takes to write a batch: a batch in flight while the venue answers. */
    private volatile long storeMillis;
    /**
     * The bot's journal: the writer's batches and the venue's reports, journaled as the application journals them
     * ({@link OpenLiveTrading#journal(LiveSession, List, io.cryptobot.bot.application.port.out.BotStorePort,
     * Instant)}).
     */
    private final InMemoryBotStore store = new InMemoryBotStore();
    private LiveSession runner;
    private LiveSessions sessions;
    private LiveVenue live;
    private LiveVenue replaying;

    @AfterEach
    void stop() {
        live.close();
        if (replaying != null) {
            replaying.close();
        }
        timer.shutdownNow();
        calls.shutdownNow();
    }

    @Test
    void the_order_reaches_the_venue_only_after_its_placed_entry_is_written() {
        PlaceHandOrder place = running();
        var placed = place.place(bot, market("wa-1", "1.0000"));
        assertThat(placed.isRight()).as(String.valueOf(placed)).isTrue();
        assertThat(atWrite).containsExactly("wa-1 placed 0 times");
        await(() -> venue.placements("wa-1") == 1);
        sleep(100);
        assertThat(venue.placements("wa-1")).isEqualTo(1);
    }

    @Test
    void a_placed_entry_that_cannot_be_written_refuses_the_order_and_nothing_reaches_the_venue() {
        PlaceHandOrder place = running();
        storeFails = true;
        assertThatThrownBy(() -> place.place(bot, market("wa-2", "1.0000"))).hasMessageContaining("database down");
        sleep(200);
        assertThat(venue.placements).isEmpty();
    }

    @Test
    void reports_answered_while_placed_batches_are_in_flight_follow_their_orders_in_the_journal_and_a_rebuild_replays_them()
            throws Exception {
        PlaceHandOrder place = running();
        storeMillis = 40;
        List<String> ids = new ArrayList<>();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String cid = "if-" + i;
            ids.add(cid);
            // alternately a market buy (accepted and filled at once) and a limit buy resting under the market
            var request = i % 2 == 0 ? market(cid, "0.0100") : limit(cid, "90.00", "0.0100");
            requests.add(Thread.ofVirtual().start(() -> place.place(bot, request)));
        }
        for (Thread request : requests) {
            request.join();
        }
        // every order answered by the venue (the limit ones accepted, the market ones filled), its reports journaled
        await(() -> ids.stream().allMatch(this::answered));
        // the resting ones canceled by hand at once: a cancel leaves before its entry is durable, so the venue's
        // answer may come back while that entry's batch is still in flight
        CancelHandOrder cancel = new CancelHandOrder(sessions, Instant::now);
        List<String> resting = ids.stream().filter(cid -> !isMarket(cid)).toList();
        requests.clear();
        for (String cid : resting) {
            io.cryptobot.order.domain.OrderId id = orderId(cid);
            requests.add(Thread.ofVirtual().start(() -> cancel.cancel(bot, id)));
        }
        for (Thread request : requests) {
            request.join();
        }
        await(() -> resting.stream().allMatch(cid -> journaled(cid).stream()
                .anyMatch(e -> e.report().get() instanceof VenueReport.Canceled)));

        List<BotControl> journal = store.controls(bot.id());
        for (String cid : ids) {
            int placedAt = indexOf(journal, e -> e.kind() == BotControl.Kind.ORDER_PLACED
                    && e.placed().get().clientOrderId().value().equals(cid));
            int firstReport = indexOf(journal, e -> e.kind() == BotControl.Kind.VENUE_REPORT
                    && e.report().get().clientOrderId().equals(cid));
            assertThat(placedAt).as("%s placed in %s", cid, journal).isNotNegative();
            assertThat(firstReport).as("%s reported after its placed entry", cid).isGreaterThan(placedAt);
        }
        for (String cid : resting) {
            int canceledAt = indexOf(journal, e -> e.kind() == BotControl.Kind.ORDER_CANCELED && e.order().get()
                    .equals(orderId(cid)));
            int canceledReport = indexOf(journal, e -> e.kind() == BotControl.Kind.VENUE_REPORT
                    && e.report().get().clientOrderId().equals(cid) && e.report().get() instanceof VenueReport.Canceled);
            assertThat(canceledAt).as("%s canceled in %s", cid, journal).isNotNegative();
            assertThat(canceledReport).as("%s: the venue's cancel after the cancel entry", cid)
                    .isGreaterThan(canceledAt);
        }

        // the rebuild of a fresh session from that journal: each report meets its order, in the state it had
        LiveSession rebuilt = rebuilding();
        synchronized (rebuilt) {
            new RebuildSession.Entries(journal.stream().filter(e -> e.kind().changesSession()).toList())
                    .rest(rebuilt);
        }
        synchronized (runner) {
            assertThat(statuses(rebuilt)).isEqualTo(statuses(runner)).hasSize(ids.size());
        }
    }

    /** The venue's reports of {@code cid} journaled so far. */
    private List<BotControl> journaled(String cid) {
        return store.controls(bot.id()).stream().filter(e -> e.kind() == BotControl.Kind.VENUE_REPORT
                && e.report().get().clientOrderId().equals(cid)).toList();
    }

    /** Whether the venue's answer to {@code cid} is journaled: a limit buy accepted, a market buy filled. */
    private boolean answered(String cid) {
        return journaled(cid).stream().anyMatch(e -> isMarket(cid) ? e.report().get() instanceof VenueReport.Filled
                : e.report().get() instanceof VenueReport.Accepted);
    }

    /** Whether {@code cid} (if-N) is one of the market buys: the even ones. */
    private static boolean isMarket(String cid) {
        return Integer.parseInt(cid.substring("if-".length())) % 2 == 0;
    }

    private io.cryptobot.order.domain.OrderId orderId(String cid) {
        synchronized (runner) {
            return runner.session.placedOrders().stream().filter(p -> p.order().spec().clientOrderId().value()
                    .equals(cid)).findFirst().orElseThrow().order().id();
        }
    }

    private static int indexOf(List<BotControl> journal, java.util.function.Predicate<BotControl> entry) {
        for (int i = 0; i < journal.size(); i++) {
            if (entry.test(journal.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> statuses(LiveSession runner) {
        Map<String, String> out = new java.util.TreeMap<>();
        runner.session.placedOrders().forEach(p -> out.put(p.order().spec().clientOrderId().value(),
                p.order().status() + " " + p.order().filledQuantity()));
        return out;
    }

    /** The bot's session as a launch rebuilds it: its first step played, its venue in replay mode (nothing sent). */
    private LiveSession rebuilding() {
        replaying = new LiveVenue(venue, List.of(LiveVenueTest.BTC), reports -> {
            throw new AssertionError("a rebuild journals nothing");
        }, new LiveVenueTest.Events(), Instant::now, calls, timer, FAST, 0, () -> true);
        StepJournal steps = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(),
                RiskLimits.none(), 0, 7, "t-", false), List.of(btcMarket()), replaying, new LiveVenueTest.Quiet(),
                (t, e, x) -> { }, steps);
        LiveSession rebuilt = new LiveSession(bot, session, steps, new JournalWriter((entries, activity) -> {
            throw new AssertionError("a rebuild writes nothing");
        }, calls));
        rebuilt.liveTrading = LiveVenueFixtures.holding(replaying, bot.id());
        synchronized (rebuilt) {
            Price p = Price.parse("100.00", 2).get();
            session.step(0, new Candle[] {new Candle(0, p, p, p, p, new Quantity(10_000_000, 4))});
        }
        return rebuilt;
    }

    private PlaceHandOrder running() {
        sessions = new LiveSessions(null, Instant::now);
        live = new LiveVenue(venue, List.of(LiveVenueTest.BTC),
                reports -> OpenLiveTrading.journal(runner, reports, store, Instant.now()), events, Instant::now, calls,
                timer, FAST, 0, () -> true);
        StepJournal steps = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(),
                RiskLimits.none(), 0, 7, "t-", false), List.of(btcMarket()), live, new LiveVenueTest.Quiet(),
                (t, e, x) -> { }, steps);
        JournalWriter writer = new JournalWriter((entries, activity) -> {
            if (storeFails) {
                throw new IllegalStateException("database down");
            }
            for (BotControl entry : entries) {
                String cid = entry.placed().map(r -> r.clientOrderId().value()).getOrElse("none");
                atWrite.add(cid + " placed " + venue.placements(cid) + " times");
            }
            sleep(storeMillis);
            store.addControlsDurableWithNextCommit(bot.id(), entries);
        }, calls);
        runner = new LiveSession(bot, session, steps, writer);
        runner.holdsAccountOrders = true;
        runner.liveTrading = LiveVenueFixtures.holding(live, bot.id());
        synchronized (runner) {
            Price p = Price.parse("100.00", 2).get();
            session.step(0, new Candle[] {new Candle(0, p, p, p, p, new Quantity(10_000_000, 4))});
            steps.drain();
            live.goLive(runner);
        }
        await(() -> !events.reconciled.isEmpty());
        sessions.run(runner);
        OrderRatePort rate = new OrderRatePort() {
            @Override
            public long takeOne(io.cryptobot.kernel.domain.UserId owner, long max, Instant now) {
                return 0;
            }

            @Override
            public void giveBack(io.cryptobot.kernel.domain.UserId owner, Instant takenAt) {
            }

            @Override
            public void add(io.cryptobot.kernel.domain.UserId owner, int orders, Instant now) {
            }

            @Override
            public long millisUntilBelow(io.cryptobot.kernel.domain.UserId owner, long max, Instant now) {
                return 0;
            }
        };
        return new PlaceHandOrder(sessions, null, UUID::randomUUID, rate, UserLimits.defaults(), Instant::now);
    }
}
