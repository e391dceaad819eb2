package io.cryptobot.bot.application.service;

import static io.cryptobot.bot.application.service.LiveVenueFixtures.FAST;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.await;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.btcMarket;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.limit;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.market;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.application.service.ScriptedVenue.CancelFault;
import io.cryptobot.bot.application.service.ScriptedVenue.PlaceFault;
import io.cryptobot.bot.domain.live.Drift;
import io.cryptobot.bot.domain.live.LiveOrderBook;
import io.cryptobot.bot.domain.session.SessionListener;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.bot.domain.strategy.Strategy;
import io.cryptobot.bot.domain.strategy.StrategyContext;
import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.kernel.domain.execution.Venue;
import io.cryptobot.kernel.domain.execution.VenueListener;
import io.cryptobot.kernel.domain.execution.VenueOrder;
import io.cryptobot.kernel.domain.execution.VenueReport;
import io.cryptobot.order.domain.Order;
import io.cryptobot.order.domain.OrderId;
import io.cryptobot.order.domain.OrderRequest;
import io.cryptobot.order.domain.OrderStatus;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A trading session on a live account, against {@link ScriptedVenue}: orders leave on virtual threads, the venue's
 * answers and streamed reports come back through the session's lane, each journaled before it is applied, each
 * once; unknown outcomes are asked for, never sent again; the account is reconciled before anything leaves.
 */
class LiveVenueTest {
    static final InstrumentId BTC = InstrumentId.parse("BINANCE:BTC/USDT").get();
    static final Asset USDT = BTC.quote();
    static final UserId OWNER = UserId.of(new UUID(3, 4));

    /** Short waits as {@code FAST}, with a receive window of 400 ms (a placement absent that long never arrives). */
    static final LiveVenue.Settings WINDOW_400_MS = new LiveVenue.Settings(Duration.ofMillis(20),
            Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofHours(1), Duration.ofMillis(400));

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<VenueReport> journal = Collections.synchronizedList(new ArrayList<>());
    private final List<String> appliedNotJournaled = Collections.synchronizedList(new ArrayList<>());
    private final Events events = new Events();
    private final ScriptedVenue venue = new ScriptedVenue(price("100.00")).balance(USDT, "10000.00");
    private volatile boolean journalFails;
    private volatile boolean leaseHeld = true;
    private LiveVenue live;
    private TradingSession session;

    @AfterEach
    void stop() {
        live.close();
        timer.shutdownNow();
        calls.shutdownNow();
    }

    @Test
    void a_market_order_is_accepted_and_filled_from_the_stream_each_report_journaled_before_it_is_applied() {
        start(FAST);
        Order order = place(market("m-1", "1.5000"));
        assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
        awaitStatus(order.id(), OrderStatus.FILLED);
        assertThat(kinds()).containsExactly("Accepted", "Filled");
        assertThat(appliedNotJournaled).isEmpty();
        synchronized (session) {
            assertThat(session.position(BTC).toBigDecimal()).isEqualByComparingTo("1.5");
            assertThat(session.ledger().balance(USDT).toBigDecimal()).isEqualByComparingTo("9849.85");
        }
        assertThat(venue.placements("m-1")).isEqualTo(1);
    }

    @Test
    void nothing_leaves_before_the_account_is_reconciled() {
        venue.rateLimitReads(1);
        start(FAST, false);
        Order refused = place(market("early", "1.0000"));
        awaitStatus(refused.id(), OrderStatus.REJECTED);
        assertThat(events.blocked).singleElement().asString().startsWith("venue_not_reconciled");
        assertThat(venue.placements("early")).isZero();
        await(() -> !events.reconciled.isEmpty());
        assertThat(events.notes).anyMatch(n -> n.contains("put off by 100 ms") && n.contains("rate limited"));
        // one rate-limited read, then one full pass (open orders, one instrument's trades, balances): no loop
        assertThat(venue.reads.get()).isEqualTo(4);
    }

    @Test
    void a_placement_that_timed_out_with_the_order_on_the_book_is_found_by_query_and_never_sent_twice() {
        start(new LiveVenue.Settings(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(50),
                Duration.ofHours(1), Duration.ZERO));
        venue.holdUpdates(true);
        venue.nextPlacement(PlaceFault.TIMEOUT_ON_BOOK);
        Order order = place(limit("l-1", "99.00", "1.0000"));
        await(() -> events.notes.stream().anyMatch(n -> n.contains("outcome unknown")));
        Order blocked = place(limit("l-2", "98.00", "1.0000"));
        awaitStatus(blocked.id(), OrderStatus.REJECTED);
        assertThat(events.blocked).singleElement().asString().startsWith("venue_outcome_unknown")
                .contains("l-1");
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        assertThat(venue.placements("l-1")).isEqualTo(1);
        assertThat(venue.queries.get()).isEqualTo(1);
        Order after = place(limit("l-3", "98.00", "1.0000"));
        awaitStatus(after.id(), OrderStatus.ACCEPTED);
    }

    @Test
    void a_placement_lost_on_the_way_is_rejected_after_the_venue_twice_does_not_know_it() {
        start(FAST);
        venue.nextPlacement(PlaceFault.TIMEOUT_LOST);
        Order order = place(limit("lost", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.REJECTED);
        assertThat(statusOf(order.id()).order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(journal.get(0)).isInstanceOfSatisfying(VenueReport.Rejected.class,
                r -> assertThat(r.reason()).contains("never reached the venue").contains("read timed out"));
        assertThat(venue.placements("lost")).isEqualTo(1);
        assertThat(venue.queries.get()).isEqualTo(2);
    }

    @Test
    void a_rejection_carries_the_venues_code_and_reason() {
        start(FAST);
        venue.nextPlacement(PlaceFault.REJECT);
        Order order = place(limit("r-1", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.REJECTED);
        assertThat(((VenueReport.Rejected) journal.get(0)).reason()).startsWith("-2010: Account has insufficient");
    }

    @Test
    void a_cancel_answered_5xx_that_the_venue_applied_is_confirmed_by_query() {
        start(FAST);
        venue.holdUpdates(true);
        Order order = place(limit("c-1", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        venue.nextCancel(CancelFault.FIVE_XX_APPLIED);
        synchronized (session) {
            session.cancel(order.id());
        }
        awaitStatus(order.id(), OrderStatus.CANCELED);
        assertThat(venue.cancels.get()).isEqualTo(1);
        assertThat(venue.queries.get()).isEqualTo(1);
        venue.releaseHeldBack(false);
        sleep(100);
        assertThat(kinds()).containsExactly("Accepted", "Canceled");
    }

    @Test
    void a_cancel_answered_5xx_that_never_reached_the_venue_is_sent_again_after_the_query() {
        start(FAST);
        Order order = place(limit("c-2", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        venue.nextCancel(CancelFault.FIVE_XX_NOT_APPLIED);
        synchronized (session) {
            session.cancel(order.id());
        }
        awaitStatus(order.id(), OrderStatus.CANCELED);
        assertThat(venue.cancels.get()).isEqualTo(2);
        assertThat(venue.order("c-2").get().status().open()).isFalse();
    }

    @Test
    void partial_fills_delivered_twice_and_out_of_order_are_applied_once_each() {
        start(FAST);
        venue.duplicateUpdates(true);
        Order order = place(limit("p-1", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        venue.holdUpdates(true);
        venue.trade("p-1", new Quantity(3000, 4));
        venue.trade("p-1", new Quantity(7000, 4));
        venue.releaseHeldBack(true);
        awaitStatus(order.id(), OrderStatus.FILLED);
        sleep(100);
        assertThat(kinds()).containsExactly("Accepted", "Filled", "Filled");
        synchronized (session) {
            assertThat(session.position(BTC).toBigDecimal()).isEqualByComparingTo("1");
            assertThat(session.fills()).extracting(f -> f.tradeId().value()).containsExactlyInAnyOrder("T1", "T2");
        }
    }

    /** Started with a fill grace of 400 ms and reconciled: the trade history reads made so far. */
    private int startedWithAFillGrace() {
        start(new LiveVenue.Settings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofHours(1), Duration.ZERO));
        await(() -> !events.reconciled.isEmpty());
        return venue.executionReads.get();
    }

    @Test
    void a_fill_the_answer_counts_and_the_stream_brings_within_the_grace_is_not_read_from_the_trade_history() {
        int before = startedWithAFillGrace();
        venue.holdUpdates(true);
        // the answer (FILLED, 1.5 executed) comes before the stream's fill, as Binance's FULL answer does
        Order order = place(market("g-1", "1.5000"));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        venue.releaseHeldBack(false);
        awaitStatus(order.id(), OrderStatus.FILLED);
        LiveVenueFixtures.sleep(800);
        assertThat(venue.executionReads.get()).isEqualTo(before);
        assertThat(kinds()).containsSubsequence("Accepted", "Filled");
    }

    @Test
    void a_fill_the_answer_counts_and_the_stream_never_brings_is_read_from_the_trade_history_after_the_grace() {
        int before = startedWithAFillGrace();
        // the venue's trade times count from a second after now: its history read from the order's decision has it
        venue.time(System.currentTimeMillis() + 1_000);
        venue.holdUpdates(true);
        Order order = place(market("g-2", "1.5000"));
        awaitStatus(order.id(), OrderStatus.FILLED);
        assertThat(venue.executionReads.get()).isEqualTo(before + 1);
    }

    @Test
    void a_fill_missed_while_the_stream_was_down_is_applied_from_the_trade_history_after_it_comes_back() {
        start(FAST);
        Order order = place(limit("d-1", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        venue.dropStream();
        venue.trade("d-1", new Quantity(4000, 4));
        await(() -> events.notes.stream().anyMatch(n -> n.startsWith("report stream down")));
        Order meanwhile = place(market("d-2", "0.1000"));
        awaitStatus(meanwhile.id(), OrderStatus.REJECTED);
        assertThat(events.blocked).singleElement().asString().startsWith("venue_not_reconciled")
                .contains("stream is down");
        int before = events.reconciled.size();
        venue.resumeStream();
        await(() -> events.reconciled.size() > before);
        awaitStatus(order.id(), OrderStatus.PARTIALLY_FILLED);
        io.cryptobot.bot.domain.live.ReconciliationReport report = events.reconciled.get(events.reconciled.size() - 1);
        assertThat(report.trigger()).isEqualTo("stream reconnected");
        assertThat(report.drifts()).extracting(Drift::code).contains("missed_fill");
        Order later = place(market("d-3", "0.1000"));
        awaitStatus(later.id(), OrderStatus.FILLED);
    }

    @Test
    void an_order_placed_by_hand_on_the_venue_is_reported_and_never_canceled() {
        venue.placeByHand("web_1", BTC);
        start(FAST);
        io.cryptobot.bot.domain.live.ReconciliationReport report = events.reconciled.get(0);
        assertThat(report.drifts()).filteredOn(d -> d instanceof Drift.UnknownVenueOrder).singleElement()
                .extracting(Drift::describe).asString().contains("web_1").contains("left as it is");
        synchronized (session) {
            session.changeTradingState(TradingState.HALTED, "kill switch");
        }
        sleep(100);
        assertThat(venue.cancels.get()).isZero();
        assertThat(venue.order("web_1").get().status().open()).isTrue();
    }

    @Test
    void a_halt_cancels_every_open_order_on_the_venue_and_confirms_each_from_its_answer() {
        start(FAST);
        Order first = place(limit("k-1", "99.00", "1.0000"));
        Order second = place(limit("k-2", "98.00", "1.0000"));
        awaitStatus(first.id(), OrderStatus.ACCEPTED);
        awaitStatus(second.id(), OrderStatus.ACCEPTED);
        venue.nextCancel(CancelFault.FIVE_XX_APPLIED);
        synchronized (session) {
            session.changeTradingState(TradingState.HALTED, "kill switch");
        }
        awaitStatus(first.id(), OrderStatus.CANCELED);
        awaitStatus(second.id(), OrderStatus.CANCELED);
        assertThat(venue.order("k-1").get().status().open()).isFalse();
        assertThat(venue.order("k-2").get().status().open()).isFalse();
        Order denied = place(limit("k-3", "98.00", "1.0000"));
        assertThat(denied.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(venue.placements("k-3")).isZero();
    }

    @Test
    void a_journal_that_cannot_write_stops_the_venue_before_the_session_applies_anything() {
        start(FAST);
        journalFails = true;
        Order order = place(market("j-1", "1.0000"));
        await(() -> events.journalFailure != null);
        sleep(100);
        assertThat(statusOf(order.id()).order().status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(journal).isEmpty();
    }

    @Test
    void fees_in_the_base_asset_and_in_a_third_asset_are_booked_in_that_asset() {
        start(FAST);
        venue.feeIn(BTC.base());
        Order base = place(market("f-1", "1.0000"));
        awaitStatus(base.id(), OrderStatus.FILLED);
        synchronized (session) {
            assertThat(session.ledger().balance(BTC.base()).toBigDecimal()).isEqualByComparingTo("0.999");
            assertThat(session.ledger().balance(USDT).toBigDecimal()).isEqualByComparingTo("9900");
        }
        Asset bnb = new Asset("BNB");
        venue.feeIn(bnb);
        Order third = place(market("f-2", "1.0000"));
        awaitStatus(third.id(), OrderStatus.FILLED);
        synchronized (session) {
            assertThat(session.ledger().balance(BTC.base()).toBigDecimal()).isEqualByComparingTo("1.999");
            assertThat(session.ledger().balance(bnb).toBigDecimal()).isEqualByComparingTo("-0.0001");
        }
    }

    @Test
    void a_rebuild_replays_journaled_reports_without_sending_then_goes_live_and_reconciles() {
        start(FAST);
        Order order = place(limit("rb-1", "99.00", "1.0000"));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        venue.trade("rb-1", new Quantity(2500, 4));
        awaitStatus(order.id(), OrderStatus.PARTIALLY_FILLED);
        List<VenueReport> journaled = List.copyOf(journal);
        live.close();
        // the process died; meanwhile the venue filled more
        venue.trade("rb-1", new Quantity(2500, 4));
        journal.clear();
        TradingSession rebuilt = newSession();
        OrderId id = new OrderId(order.id().value());
        synchronized (rebuilt) {
            rebuilt.step(0, candle());
            rebuilt.place(limit("rb-1", "99.00", "1.0000"), id, "manual");
            journaled.forEach(live::replay);
            assertThat(venue.placements("rb-1")).isEqualTo(1);
            assertThat(rebuilt.position(BTC).toBigDecimal()).isEqualByComparingTo("0.25");
            live.goLive(rebuilt);
        }
        await(() -> !events.reconciled.isEmpty());
        await(() -> {
            synchronized (rebuilt) {
                return rebuilt.position(BTC).toBigDecimal().compareTo(new java.math.BigDecimal("0.5")) == 0;
            }
        });
        assertThat(kinds()).containsExactly("Filled");
        assertThat(venue.placements("rb-1")).isEqualTo(1);
    }

    @Test
    void with_an_adapter_that_starts_placements_inline_the_order_leaves_from_the_deciding_thread_fenced_by_the_lease() {
        venue.startsInline();
        start(FAST);
        Order order = place(market("in-1", "1.0000"));
        // sent before place() returned, from this (the step's) thread: no hand-off before the wire
        assertThat(venue.placements("in-1")).isEqualTo(1);
        assertThat(venue.placingThreads).containsExactly(Thread.currentThread());
        awaitStatus(order.id(), OrderStatus.FILLED);
        assertThat(kinds()).containsExactly("Accepted", "Filled");
        assertThat(appliedNotJournaled).isEmpty();
        leaseHeld = false;
        Order fenced = place(market("in-2", "1.0000"));
        awaitStatus(fenced.id(), OrderStatus.REJECTED);
        assertThat(venue.placements("in-2")).isZero();
        assertThat(((VenueReport.Rejected) journal.get(journal.size() - 1)).reason()).contains("lease");
    }

    @Test
    void a_placement_whose_adapter_fails_after_sending_is_unknown_asked_for_and_never_sent_again() {
        start(new LiveVenue.Settings(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(50),
                Duration.ofHours(1), Duration.ZERO));
        venue.holdUpdates(true);
        venue.startsInline().failNextPlaceAsync();
        Order order = place(limit("fx-1", "99.00", "1.0000"));
        await(() -> events.notes.stream().anyMatch(n -> n.contains("fx-1") && n.contains("outcome unknown")));
        awaitStatus(order.id(), OrderStatus.ACCEPTED);
        assertThat(venue.placements("fx-1")).isEqualTo(1);
        assertThat(venue.queries.get()).isEqualTo(1);
    }

    @Test
    void a_runner_that_lost_the_bots_lease_sends_nothing() {
        start(FAST);
        Order resting = place(limit("ls-1", "99.00", "1.0000"));
        awaitStatus(resting.id(), OrderStatus.ACCEPTED);
        leaseHeld = false;
        Order order = place(market("ls-2", "1.0000"));
        awaitStatus(order.id(), OrderStatus.REJECTED);
        synchronized (session) {
            session.cancel(resting.id());
        }
        await(() -> events.notes.stream().anyMatch(n -> n.contains("cancel of ls-1 not sent")));
        assertThat(venue.placements("ls-2")).isZero();
        assertThat(venue.cancels.get()).isZero();
        assertThat(((VenueReport.Rejected) journal.get(journal.size() - 1)).reason()).contains("lease");
    }

    @Test
    void an_order_the_venues_filters_would_refuse_never_leaves_and_is_a_block_event() {
        start(FAST);
        live.checking(order -> new io.cryptobot.bot.domain.live.VenueFilters(new java.math.BigDecimal("0.01"),
                new java.math.BigDecimal("0.001"), Option.some(new java.math.BigDecimal("10")))
                .refusal(order, Option.some(price("100.00")))
                .map(why -> new LiveVenue.Blocked(io.cryptobot.bot.domain.live.VenueFilters.RULE, why)));
        Order small = place(market("vf-1", "0.0500"));
        awaitStatus(small.id(), OrderStatus.REJECTED);
        assertThat(events.blocked).singleElement().asString()
                .isEqualTo("venue_filter: venue_filter: notional 5 is below the venue's minimum 10");
        assertThat(venue.placements("vf-1")).isZero();
        Order enough = place(market("vf-2", "0.2000"));
        awaitStatus(enough.id(), OrderStatus.FILLED);
    }

    @Test
    void a_limit_price_outside_the_venues_percent_price_band_around_its_average_never_leaves() {
        start(FAST);
        venue.average("100.00");
        // buys within [100 x 0.9, 100 x 1.1] = [90, 110]; sells within [95, 120]
        live.banding(instrument -> Option.some(new io.cryptobot.bot.domain.live.VenueFilters(
                new java.math.BigDecimal("0.01"), new java.math.BigDecimal("0.0001"), Option.none(),
                Option.some(new io.cryptobot.kernel.domain.market.PriceBand(new java.math.BigDecimal("1.1"),
                        new java.math.BigDecimal("0.9"), new java.math.BigDecimal("1.2"),
                        new java.math.BigDecimal("0.95"), 5)))));
        Order high = place(limit("pb-1", "110.01", "1.0000"));
        awaitStatus(high.id(), OrderStatus.REJECTED);
        assertThat(events.blocked).singleElement().asString().isEqualTo("venue_filter: venue_filter: buy price 110.01"
                + " is above 110 (the venue's average price 100 x 1.1, its percent-price band over 5 min)");
        assertThat(venue.placements("pb-1")).isZero();
        Order edge = place(limit("pb-2", "90.00", "1.0000"));
        awaitStatus(edge.id(), OrderStatus.ACCEPTED);
        assertThat(venue.placements("pb-2")).isEqualTo(1);
        int reads = venue.averageReads.get();
        assertThat(reads).as("asked for the limit orders (one read kept a second may serve both)").isBetween(1, 2);
        Order market = place(market("pb-3", "0.0100"));
        awaitStatus(market.id(), OrderStatus.FILLED);
        assertThat(venue.averageReads.get()).as("a market order has no price to judge").isEqualTo(reads);
    }

    @Test
    void after_a_crash_between_send_and_answer_an_order_that_reached_the_venue_is_found_and_not_sent_again() {
        // the send before the crash: the venue holds the order, the journal has no answer
        venue.place(new VenueOrder("sa-1", BTC, Side.BUY, OrderType.LIMIT, Quantity.parse("1.0000", 4).get(),
                Option.some(price("99.00")), Option.none(), TimeInForce.GTC, false));
        session = newSession();
        OrderId id = new OrderId(UUID.randomUUID());
        synchronized (session) {
            session.step(0, candle());
            session.place(limit("sa-1", "99.00", "1.0000"), id, "manual");
            live.goLive(session);
        }
        awaitStatus(id, OrderStatus.ACCEPTED);
        assertThat(venue.placements("sa-1")).isEqualTo(1);
        assertThat(events.notes).anyMatch(n -> n.contains("sa-1") && n.contains("sent before the restart"));
    }

    @Test
    void after_a_crash_between_send_and_answer_an_order_that_never_reached_the_venue_is_rejected_not_sent() {
        session = newSession();
        OrderId id = new OrderId(UUID.randomUUID());
        synchronized (session) {
            session.step(0, candle());
            session.place(limit("sb-1", "99.00", "1.0000"), id, "manual");
            live.goLive(session);
        }
        awaitStatus(id, OrderStatus.REJECTED);
        assertThat(venue.placements("sb-1")).isZero();
        assertThat(((VenueReport.Rejected) journal.get(0)).reason()).contains("never reached the venue")
                .contains("sent before a restart");
    }

    @Test
    void a_strategy_order_sent_before_its_step_was_durable_is_found_after_the_rebuild_and_never_sent_twice() {
        // the first process: a step at 60 000 decides a buy; the order leaves at once, then the process dies before
        // anything more is durable (its step's write and the placement's answer are lost)
        session = newSession(FAST, buyAt(60_000));
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
        }
        await(() -> !events.reconciled.isEmpty());
        journalFails = true;
        synchronized (session) {
            session.step(60_000, candle(60_000));
        }
        await(() -> events.journalFailure != null);
        assertThat(venue.placements).hasSize(1);
        String cid = venue.placements.keySet().iterator().next();
        assertThat(journal).isEmpty();
        // the rebuild: the journal holds the step at 0 only; the feed brings the candle at 60 000 again
        journalFails = false;
        long restartedAt = System.currentTimeMillis();
        TradingSession rebuilt = newSession(FAST, buyAt(60_000));
        live.restarted(openTime -> openTime + 60_000 <= restartedAt);
        synchronized (rebuilt) {
            rebuilt.step(0, candle(0));
            live.goLive(rebuilt);
            rebuilt.step(60_000, candle(60_000));
        }
        session = rebuilt;
        OrderId id = rebuilt.placedOrders().stream().map(p -> p.order()).filter(o -> o.spec().clientOrderId().value()
                .equals(cid)).findFirst().orElseThrow().id();
        awaitStatus(id, OrderStatus.FILLED);
        assertThat(venue.placements(cid)).as("the same step, the same client order id, placed once").isEqualTo(1);
        assertThat(kinds()).containsExactly("Accepted", "Filled");
        synchronized (rebuilt) {
            assertThat(rebuilt.position(BTC).toBigDecimal()).isEqualByComparingTo("1");
        }
        assertThat(events.notes).anyMatch(n -> n.contains(cid) && n.contains("decided again after the restart"));
        assertThat(events.blocked).isEmpty();
    }

    @Test
    void an_order_adopted_after_a_restart_keeps_its_steps_time_so_its_fill_from_before_the_restart_is_read() {
        // the first process: the step at 60 000 (closing at 120 000) sends a buy, which the venue fills at 150 000,
        // then the process dies before anything more is durable
        venue.time(150_000);
        session = newSession(FAST, buyAt(60_000));
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
        }
        await(() -> !events.reconciled.isEmpty());
        journalFails = true;
        synchronized (session) {
            session.step(60_000, candle(60_000));
        }
        await(() -> events.journalFailure != null);
        String cid = venue.placements.keySet().iterator().next();
        // the rebuild goes live and reconciles before the feed brings the candle at 60 000 again: only the adopted
        // order's own read of its trades can bring its fill (from its step's close, not from the rebuild's time)
        journalFails = false;
        int reconciledBefore = events.reconciled.size();
        long restartedAt = System.currentTimeMillis();
        TradingSession rebuilt = newSession(FAST, buyAt(60_000));
        live.restarted(openTime -> openTime + 60_000 <= restartedAt).closingAt(openTime -> openTime + 60_000);
        synchronized (rebuilt) {
            rebuilt.step(0, candle(0));
            live.goLive(rebuilt);
        }
        session = rebuilt;
        await(() -> events.reconciled.size() > reconciledBefore);
        synchronized (rebuilt) {
            rebuilt.step(60_000, candle(60_000));
        }
        OrderId id = rebuilt.placedOrders().stream().map(p -> p.order()).filter(o -> o.spec().clientOrderId().value()
                .equals(cid)).findFirst().orElseThrow().id();
        awaitStatus(id, OrderStatus.FILLED);
        assertThat(venue.placements(cid)).isEqualTo(1);
        assertThat(kinds()).containsExactly("Accepted", "Filled");
    }

    @Test
    void a_strategy_order_of_a_step_lost_before_it_was_sent_is_sent_once_after_the_receive_window() {
        long restartedAt = System.currentTimeMillis();
        session = newSession(WINDOW_400_MS, buyAt(60_000));
        live.restarted(openTime -> openTime + 60_000 <= restartedAt);
        long decided = System.nanoTime();
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
            session.step(60_000, candle(60_000));
        }
        OrderId id;
        String cid;
        synchronized (session) {
            var order = session.placedOrders().stream().map(p -> p.order()).findFirst().orElseThrow();
            id = order.id();
            cid = order.spec().clientOrderId().value();
        }
        await(() -> venue.queries.get() >= 2);
        assertThat(venue.placements(cid)).as("not sent while the previous process's requests may arrive").isZero();
        awaitStatus(id, OrderStatus.FILLED);
        assertThat(Duration.ofNanos(System.nanoTime() - decided)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(venue.placements(cid)).isEqualTo(1);
        assertThat(events.notes).anyMatch(n -> n.contains(cid) && n.contains("sent now"));
    }

    @Test
    void several_strategy_orders_decided_again_on_one_instrument_are_each_looked_up_and_sent_none_refused() {
        // a step lost before it was sent, deciding three limit buys on one instrument: each is asked for by client
        // order id on its own; the first found absent past the window must not be refused because its siblings are
        // still being asked for (seen in a crash run: released with venue_outcome_unknown)
        long restartedAt = System.currentTimeMillis();
        session = newSession(WINDOW_400_MS, limitBuysAt(60_000, "99.00", "98.00", "97.00"));
        live.restarted(openTime -> openTime + 60_000 <= restartedAt);
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
        }
        await(() -> !events.reconciled.isEmpty());
        List<Order> decided = stepOn(60_000);
        assertThat(decided).hasSize(3);
        // while they are asked for, the instrument takes no new order (refused, not queued)
        Order meanwhile = placeByHand(limit("hand-1", "96.00", "1.0000"));
        awaitStatus(meanwhile.id(), OrderStatus.REJECTED);
        assertThat(events.blocked).singleElement().asString().startsWith("venue_outcome_unknown");
        for (Order order : decided) {
            awaitStatus(order.id(), OrderStatus.ACCEPTED);
        }
        for (Order order : decided) {
            assertThat(venue.placements(order.spec().clientOrderId().value())).as(order.spec().clientOrderId().value())
                    .isEqualTo(1);
        }
        assertThat(events.blocked).as("no lookup turned another into a refusal").hasSize(1);
        // every outcome known: the instrument takes orders again
        Order after = placeByHand(limit("hand-2", "96.00", "1.0000"));
        awaitStatus(after.id(), OrderStatus.ACCEPTED);
    }

    @Test
    void decided_again_after_a_restart_orders_the_venue_holds_are_adopted_and_the_others_sent_once_none_refused() {
        // the first process: a step decides four limit buys; the first two are lost on the way (never on the venue),
        // the last two reach the book; then the process dies before anything is durable
        Strategy fourBuys = limitBuysAt(60_000, "99.00", "98.00", "97.00", "96.00");
        session = newSession(WINDOW_400_MS, fourBuys);
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
        }
        await(() -> !events.reconciled.isEmpty());
        // placed on the stepping thread, in the order decided, so that the first two are the lost ones
        venue.startsInline();
        venue.nextPlacement(PlaceFault.TIMEOUT_LOST);
        venue.nextPlacement(PlaceFault.TIMEOUT_LOST);
        journalFails = true;
        synchronized (session) {
            session.step(60_000, candle(60_000));
        }
        await(() -> events.journalFailure != null);
        assertThat(venue.placements).hasSize(4);
        live.close();
        journalFails = false;
        journal.clear();
        // the rebuild: the journal holds the step at 0 only; the feed brings the candle at 60 000 again
        int reconciledBefore = events.reconciled.size();
        long restartedAt = System.currentTimeMillis();
        TradingSession rebuilt = newSession(WINDOW_400_MS, fourBuys);
        live.restarted(openTime -> openTime + 60_000 <= restartedAt);
        synchronized (rebuilt) {
            rebuilt.step(0, candle(0));
            live.goLive(rebuilt);
        }
        session = rebuilt;
        await(() -> events.reconciled.size() > reconciledBefore);
        List<Order> decided = stepOn(60_000);
        assertThat(decided).hasSize(4);
        for (Order order : decided) {
            awaitStatus(order.id(), OrderStatus.ACCEPTED);
        }
        List<Integer> placements = decided.stream().map(o -> venue.placements(o.spec().clientOrderId().value()))
                .toList();
        assertThat(placements).as("lost ones sent once more, the venue's two adopted, never sent again")
                .containsExactly(2, 2, 1, 1);
        assertThat(events.blocked).isEmpty();
    }

    @Test
    void a_halt_while_a_possibly_sent_order_waits_for_the_receive_window_cancels_it_and_it_never_leaves() {
        long restartedAt = System.currentTimeMillis();
        session = newSession(WINDOW_400_MS, buyAt(60_000));
        live.restarted(openTime -> openTime + 60_000 <= restartedAt);
        OrderId id;
        String cid;
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
            session.step(60_000, candle(60_000));
            var order = session.placedOrders().stream().map(p -> p.order()).findFirst().orElseThrow();
            id = order.id();
            cid = order.spec().clientOrderId().value();
            assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
            // the kill switch while the venue is still being asked: no IllegalTransition, the order stays submitted
            session.changeTradingState(TradingState.HALTED, "kill switch");
        }
        awaitStatus(id, OrderStatus.CANCELED);
        sleep(200);
        assertThat(venue.placements(cid)).as("canceled before it was sent: never sent").isZero();
        assertThat(journal).anyMatch(r -> r instanceof VenueReport.Canceled c && c.clientOrderId().equals(cid));
    }

    @Test
    void a_cancel_of_a_hand_order_not_yet_on_the_venue_is_sent_again_once_the_venue_holds_it() {
        start(FAST);
        java.util.concurrent.CompletableFuture<Boolean> written = new java.util.concurrent.CompletableFuture<>();
        Order order;
        synchronized (session) {
            live.holdSends();
            order = session.place(limit("c-1", "99.00", "1.0000"), new OrderId(UUID.randomUUID()), "manual").get()
                    .order();
            live.sendWhenDurable(written);
            // canceled before its placement left: the venue does not know it yet (its cancel answers "not open")
            session.cancel(order.id());
        }
        sleep(100);
        assertThat(venue.placements("c-1")).isZero();
        written.complete(true);
        awaitStatus(order.id(), OrderStatus.CANCELED);
        assertThat(venue.placements("c-1")).isEqualTo(1);
        assertThat(venue.order("c-1").get().status().open()).as("not left working on the venue").isFalse();
    }

    @Test
    void a_hand_order_leaves_only_once_its_journal_entry_is_durable_and_never_when_that_write_fails() {
        start(FAST);
        java.util.concurrent.CompletableFuture<Boolean> written = new java.util.concurrent.CompletableFuture<>();
        Order order;
        synchronized (session) {
            live.holdSends();
            order = session.place(market("wa-1", "1.0000"), new OrderId(UUID.randomUUID()), "manual").get().order();
            live.sendWhenDurable(written);
        }
        sleep(100);
        assertThat(venue.placements("wa-1")).as("not sent before its entry is durable").isZero();
        written.complete(true);
        awaitStatus(order.id(), OrderStatus.FILLED);
        assertThat(venue.placements("wa-1")).isEqualTo(1);

        synchronized (session) {
            live.holdSends();
            session.place(market("wa-2", "1.0000"), new OrderId(UUID.randomUUID()), "manual");
            live.sendWhenDurable(java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("database down")));
        }
        sleep(100);
        assertThat(venue.placements("wa-2")).as("its entry never became durable: never sent").isZero();
        assertThat(venue.placements).containsOnlyKeys("wa-1");
    }

    // ---- fixtures ----

    @Test
    void a_long_run_of_orders_keeps_the_venues_per_order_state_bounded_and_a_late_duplicate_fill_changes_nothing() {
        // ended orders kept: the last 20 (none kept for age); a released order waits 60 s for a reconciliation
        start(FAST.retaining(new LiveOrderBook.Retention(20, 0, 60_000)));
        int orders = 400;
        for (int i = 0; i < orders; i++) {
            Order order = place(market("m-" + i, "0.0100"));
            awaitStatus(order.id(), OrderStatus.FILLED);
            assertThat(live.perOrderEntries()).as("after order %d", i).isLessThanOrEqualTo(20 + 1 + 4);
        }
        sleep(200);
        assertThat(live.perOrderEntries()).as("gap reads and back-offs gone with their orders")
                .isLessThanOrEqualTo(20 + 1);
        int journaled = journal.size();
        String position;
        String cash;
        synchronized (session) {
            position = session.position(BTC).toBigDecimal().toPlainString();
            cash = session.ledger().balance(USDT).toBigDecimal().toPlainString();
        }
        assertThat(position).isEqualTo("4.0000");
        // the venue streams the first order's fill again, long after the book forgot that order
        VenueReport.Filled first = journal.stream().filter(r -> r instanceof VenueReport.Filled f
                && f.clientOrderId().equals("m-0")).map(VenueReport.Filled.class::cast).findFirst().orElseThrow();
        live.onUpdate(new io.cryptobot.kernel.domain.execution.VenueUpdate(first, venue.order("m-0").get()));
        // and a reconciliation reads the trade history from the latest fill on
        int reconciledBefore = events.reconciled.size();
        venue.dropStream();
        venue.resumeStream();
        await(() -> events.reconciled.size() > reconciledBefore);
        sleep(100);
        assertThat(journal).as("nothing more journaled").hasSize(journaled);
        synchronized (session) {
            assertThat(session.position(BTC).toBigDecimal().toPlainString()).isEqualTo(position);
            assertThat(session.ledger().balance(USDT).toBigDecimal().toPlainString()).isEqualTo(cash);
            assertThat(session.placedOrders()).hasSize(orders);
        }
        assertThat(events.reconciled.get(events.reconciled.size() - 1).drifts()).as("no trade taken for foreign")
                .isEmpty();
        // the first order's client order id is still the session's: naming it again places nothing
        Order again = place(market("m-0", "0.0100"));
        assertThat(again.status()).isEqualTo(OrderStatus.FILLED);
        sleep(100);
        assertThat(venue.placements("m-0")).isEqualTo(1);
        assertThat(journal).hasSize(journaled);
    }

    @Test
    void a_strategy_order_released_while_the_account_is_being_reconciled_waits_for_it_and_is_sent_not_refused() {
        // the stream drops while the re-decided order is looked up: the account is not reconciled when it is released
        Order order = redecidedWithTheStreamDown(WINDOW_400_MS);
        String cid = order.spec().clientOrderId().value();
        await(() -> venue.queries.get() >= 2);
        sleep(600);
        assertThat(venue.placements(cid)).as("released, waiting for the reconciliation").isZero();
        assertThat(statusOf(order.id()).order().status()).isEqualTo(OrderStatus.SUBMITTED);
        venue.resumeStream();
        awaitStatus(order.id(), OrderStatus.FILLED);
        assertThat(venue.placements(cid)).isEqualTo(1);
        assertThat(events.blocked).as("not refused as venue_not_reconciled").isEmpty();
    }

    @Test
    void a_released_strategy_order_still_refuses_when_the_account_stays_unreconciled_past_the_wait() {
        Order order = redecidedWithTheStreamDown(WINDOW_400_MS.retaining(new LiveOrderBook.Retention(1_000, 0, 300)));
        long decided = System.nanoTime();
        awaitStatus(order.id(), OrderStatus.REJECTED);
        assertThat(Duration.ofNanos(System.nanoTime() - decided)).as("the receive window, then the 300 ms wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(650));
        assertThat(events.blocked).singleElement().asString().startsWith("venue_not_reconciled")
                .contains("report stream is down");
        assertThat(venue.placements(order.spec().clientOrderId().value())).isZero();
    }

    /**
     * After a restart, reconciled, the report stream drops; then a step re-decides a buy on a candle closed before the
     * restart: asked for by client order id, absent, released past the receive window while the account is not
     * reconciled. Answers that order.
     */
    private Order redecidedWithTheStreamDown(LiveVenue.Settings settings) {
        long restartedAt = System.currentTimeMillis();
        session = newSession(settings, buyAt(60_000));
        live.restarted(openTime -> openTime + 60_000 <= restartedAt);
        synchronized (session) {
            session.step(0, candle(0));
            live.goLive(session);
        }
        await(() -> !events.reconciled.isEmpty());
        venue.dropStream();
        return stepOn(60_000).get(0);
    }

    @Test
    void the_streams_last_callbacks_after_the_executors_were_shut_down_are_dropped_quietly() {
        start(FAST);
        Order order = place(market("s-1", "0.0100"));
        awaitStatus(order.id(), OrderStatus.FILLED);
        int journaled = journal.size();
        // the application stops: its executors first, the venue's stream after them
        calls.shutdownNow();
        timer.shutdownNow();
        VenueReport.Filled fill = (VenueReport.Filled) journal.stream().filter(r -> r instanceof VenueReport.Filled)
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThatCode(() -> {
            venue.dropStream();
            live.onUpdate(new io.cryptobot.kernel.domain.execution.VenueUpdate(fill, venue.order("s-1").get()));
            venue.resumeStream();
        }).doesNotThrowAnyException();
        assertThat(journal).hasSize(journaled);
    }

    private void start(LiveVenue.Settings settings) {
        start(settings, true);
    }

    private void start(LiveVenue.Settings settings, boolean awaitReconciled) {
        session = newSession(settings);
        synchronized (session) {
            session.step(0, candle());
            live.goLive(session);
        }
        if (awaitReconciled) {
            await(() -> !events.reconciled.isEmpty());
        }
    }

    private TradingSession newSession() {
        return newSession(FAST);
    }

    private TradingSession newSession(LiveVenue.Settings settings) {
        return newSession(settings, new Quiet());
    }

    private TradingSession newSession(LiveVenue.Settings settings, Strategy strategy) {
        live = new LiveVenue(venue, List.of(BTC), reports -> {
            if (journalFails) {
                throw new IllegalStateException("database down");
            }
            journal.addAll(reports);
        }, events, Instant::now, calls, timer, settings, 0, () -> leaseHeld);
        Venue checked = new Venue() {
            @Override
            public void connect(VenueListener listener) {
                live.connect(new VenueListener() {
                    @Override
                    public void onReport(VenueReport report) {
                        if (!journal.contains(report)) {
                            appliedNotJournaled.add(report.toString());
                        }
                        listener.onReport(report);
                    }

                    @Override
                    public Money balance(Asset asset) {
                        return listener.balance(asset);
                    }
                });
            }

            @Override
            public void onBar(InstrumentId instrument, Candle bar) {
                live.onBar(instrument, bar);
            }

            @Override
            public void submit(VenueOrder order) {
                live.submit(order);
            }

            @Override
            public void cancel(String clientOrderId) {
                live.cancel(clientOrderId);
            }
        };
        return new TradingSession(new SessionSetup(OWNER, new Money(1_000_000, 2, USDT), RiskLimits.none(), 0, 7,
                "t-", false), List.of(btcMarket()), checked, strategy, (t, e, x) -> { }, SessionListener.NONE);
    }

    private Order place(OrderRequest request) {
        synchronized (session) {
            return session.place(request, new OrderId(UUID.randomUUID()), "manual").get().order();
        }
    }

    /** Steps the session on the candle opening at {@code openTime}; answers every order it holds then. */
    private List<Order> stepOn(long openTime) {
        synchronized (session) {
            session.step(openTime, candle(openTime));
            return session.placedOrders().stream().map(p -> p.order()).toList();
        }
    }

    /** As a hand order is placed ({@link PlaceHandOrder}): its send held until its journal entry is durable. */
    private Order placeByHand(OrderRequest request) {
        synchronized (session) {
            live.holdSends();
            Order order = session.place(request, new OrderId(UUID.randomUUID()), "manual").get().order();
            live.sendWhenDurable(java.util.concurrent.CompletableFuture.completedFuture(true));
            return order;
        }
    }

    private io.cryptobot.bot.domain.session.PlacedOrder statusOf(OrderId id) {
        synchronized (session) {
            return session.placedOrders().stream().filter(p -> p.order().id().equals(id)).findFirst().orElseThrow();
        }
    }

    private void awaitStatus(OrderId id, OrderStatus status) {
        await(() -> statusOf(id).order().status() == status);
    }

    private List<String> kinds() {
        return journal.stream().map(r -> r.getClass().getSimpleName()).toList();
    }

    private static Candle[] candle() {
        return candle(0);
    }

    private static Candle[] candle(long openTime) {
        Price p = price("100.00");
        return new Candle[] {new Candle(openTime, p, p, p, p, new Quantity(10_000_000, 4))};
    }

    private static Price price(String text) {
        return Price.parse(text, 2).get();
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

    /** Buys 1 BTC at market on the candle opening at {@code at}. */
    static Strategy buyAt(long at) {
        return new IntentsAt(at, io.cryptobot.bot.domain.strategy.OrderIntent.market(Side.BUY, ONE_BTC, "entry"));
    }

    /** One limit buy of 1 BTC at each of {@code prices} on the candle opening at {@code at} (a grid's step). */
    static Strategy limitBuysAt(long at, String... prices) {
        return new IntentsAt(at, java.util.Arrays.stream(prices).map(price -> io.cryptobot.bot.domain.strategy
                .OrderIntent.limit(Side.BUY, ONE_BTC, price(price), "grid"))
                .toArray(io.cryptobot.bot.domain.strategy.OrderIntent[]::new));
    }

    static final io.cryptobot.bot.domain.strategy.Sizing ONE_BTC =
            new io.cryptobot.bot.domain.strategy.Sizing.FixedQuantity(Quantity.parse("1.0000", 4).get());

    /** Submits {@code intents} on the candle opening at {@code at}, nothing else. */
    record IntentsAt(long at, io.cryptobot.bot.domain.strategy.OrderIntent... intents) implements Strategy {
        @Override
        public int warmUpCandles() {
            return 0;
        }

        @Override
        public void onCandle(InstrumentId instrument, Candle candle, StrategyContext context) {
            if (candle.openTime() == at) {
                for (io.cryptobot.bot.domain.strategy.OrderIntent intent : intents) {
                    context.submit(instrument, intent);
                }
            }
        }
    }

    static final class Events implements LiveVenue.Events {
        final List<String> blocked = Collections.synchronizedList(new ArrayList<>());
        final List<io.cryptobot.bot.domain.live.ReconciliationReport> reconciled = Collections.synchronizedList(new ArrayList<>());
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        volatile RuntimeException journalFailure;

        @Override
        public void blocked(String rule, VenueReport.Rejected refusal) {
            blocked.add(rule + ": " + refusal.reason());
        }

        @Override
        public void reconciled(io.cryptobot.bot.domain.live.ReconciliationReport report) {
            reconciled.add(report);
        }

        @Override
        public void note(String what) {
            notes.add(what);
        }

        @Override
        public void applied() {
        }

        @Override
        public void journalFailed(RuntimeException cause) {
            journalFailure = cause;
        }
    }
}
