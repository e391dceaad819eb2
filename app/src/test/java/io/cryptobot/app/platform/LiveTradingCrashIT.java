package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeSpotEngine;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live trading under SIGKILL: the packaged application trades a live Binance account on the fake Binance, which runs
 * in this test's JVM on a loopback port (its matching engine, REST API, kline stream and user-data stream), reached
 * through the application's own configuration ({@code cryptobot.venues.binance.*}). A manual live bot carries hand
 * orders; the process is killed twice while the venue knows more than the platform:
 * <ol>
 *   <li>a resting order filled on the venue whose report is lost (between fill and journal), a cancel the venue
 *   carried out whose answer never comes (cancel in flight), and two placements the venue took whose answers never
 *   come (between send and acknowledgment: one filled at once, one resting, filled after the restart), all at the
 *   same kill;</li>
 *   <li>a placement that reached the venue's door and was never processed (the venue never received it).</li>
 * </ol>
 * After each restart: every order's state is the venue's, resolved by asking the venue (never by sending again: the
 * venue saw each client order id placed once at most), each venue trade is one fill, the bot's ledger equals the
 * venue's balances, and a fresh reconciliation finds no difference.
 *
 * <p>The venue's candles close on the wall clock (a ticker closes each 1m candle when its minute ends), as a real
 * venue's do, so the live feed never goes stale and the candles that closed while the process was down are fetched.
 * The placement and cancel timeout is set long (2 minutes) so that a held answer is still awaited when the process
 * is killed.
 */
class LiveTradingCrashIT {
    private static final long MINUTE = 60_000;
    private static final String BASE = "CRSH";
    private static final String SYMBOL = BASE + "USDT";
    private static final String INSTRUMENT = "BINANCE:" + BASE + "/USDT";
    private static final String API_KEY = "crashITkey" + "0123456789abcdef".repeat(3) + "ABCDEF";
    private static final String SECRET = "crashITsecret" + "fedcba9876543210".repeat(3) + "XYZ";
    private FakeBinance binance;
    private ScheduledExecutorService ticker;
    private PackagedApp app;
    private String token;
    private String account;
    private String bot;
    /** Run by the ticker right before it closes the next candle (once), then cleared. */
    private final java.util.concurrent.atomic.AtomicReference<Runnable> beforeNextClose =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The embedded PostgreSQL's processes while they are stopped (SIGSTOP), to continue them whatever happens. */
    private volatile List<ProcessHandle> frozen = List.of();

    @AfterEach
    void stop() throws Exception {
        thaw();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (app != null) {
            app.close();
        }
        if (binance != null) {
            binance.close();
        }
    }

    @Test
    void orders_in_flight_at_a_sigkill_are_resolved_from_the_venue_once_and_the_ledger_agrees_with_it()
            throws Exception {
        startHoldingAnswers("live-trading-crash-it");
        startLiveBot();
        // an alert rule any open position breaches: the bot's equity samples must reach the alert rules (they did
        // not in the packaged application when a venue's HttpClient thread made the bot's threads)
        String exposure = app.call("POST", "/api/notifications/alerts", token, Map.of("name", "any exposure",
                "kind", "exposure", "threshold", "0.01", "unit", "percent", "botId", bot), 201).get("id").asText();

        // 1. the venue knows more than the platform at the kill: a fill whose report is lost, a cancel carried out
        // without an answer, a placement taken and filled without an answer
        String filledWhileDown = place("rest-fill", "0.500", "95.00");
        String canceledInFlight = place("rest-cancel", "0.400", "94.00");
        awaitStatus(filledWhileDown, "accepted");
        awaitStatus(canceledInFlight, "accepted");
        binance.dropReports(API_KEY);
        binance.failNext("DELETE", "/api/v3/order", FakeBinance.Fault.processedWithoutAnswer());
        app.call("POST", "/api/orders/" + canceledInFlight + "/cancel", token, null, 200);
        await("the cancel carried out on the venue", () -> venueOrder("rest-cancel"),
                o -> o.get("status").asText().equals("CANCELED"));
        engine().trade(SYMBOL, "95.00", "0.500");
        assertThat(venueOrder("rest-fill").get("status").asText()).isEqualTo("FILLED");
        binance.failNext("POST", "/api/v3/order", FakeBinance.Fault.processedWithoutAnswer());
        binance.failNext("POST", "/api/v3/order", FakeBinance.Fault.processedWithoutAnswer());
        String unansweredResting = place("held-rest", "0.200", "92.00");
        String unanswered = place("held-fill", "0.300", "120.00");
        // a hand order leaves once its placed entry is durable, so it may reach the venue just after the answer
        await("the placement taken by the venue, resting", () -> venueOrderOnceThere("held-rest"),
                o -> o.get("status").asText().equals("NEW"));
        await("the placement taken and filled by the venue", () -> venueOrderOnceThere("held-fill"),
                o -> o.get("status").asText().equals("FILLED"));
        assertThat(status(unansweredResting)).as("no answer yet").isIn("initialized", "submitted");
        assertThat(status(unanswered)).as("no answer yet").isIn("initialized", "submitted");
        app.kill();
        assertThat(binance.droppedReports(API_KEY)).as("reports lost by the stream").isPositive();
        binance.resumeReports(API_KEY);
        restart();

        awaitStatus(filledWhileDown, "filled");
        awaitStatus(canceledInFlight, "canceled");
        awaitStatus(unanswered, "filled");
        awaitStatus(unansweredResting, "accepted");
        // the order found resting by the query goes on living: its fill comes by the stream
        engine().trade(SYMBOL, "92.00", "0.200");
        awaitStatus(unansweredResting, "filled");
        agreesWithTheVenue(Map.of(filledWhileDown, "rest-fill", canceledInFlight, "rest-cancel",
                unanswered, "held-fill", unansweredResting, "held-rest"));
        String missedTrade = tradeIdOf("rest-fill");
        assertThat(events("venue_reconciled")).as("the fill missed while down, applied from the trade history")
                .anyMatch(reason -> reason.contains("missed_fill") && reason.contains(missedTrade));
        assertThat(events("venue_note")).as("the unanswered placement asked for, not sent again")
                .anyMatch(reason -> reason.contains("held-fill") && reason.contains("asking the venue"))
                .anyMatch(reason -> reason.contains("held-rest") && reason.contains("asking the venue"));

        // 2. a placement that never reached the venue's book: concluded so after the receive window, never resent
        binance.failNext("POST", "/api/v3/order", new FakeBinance.Fault(0, null, false));
        String neverThere = place("never-there", "0.200", "90.00");
        await("the placement at the venue's door", () -> PackagedApp.JSON.valueToTree(binance.placements().stream()
                        .filter(r -> "never-there".equals(r.param("newClientOrderId"))).count()),
                n -> n.asLong() == 1);
        app.kill();
        restart();
        JsonNode rejected = awaitStatus(neverThere, "rejected");
        assertThat(rejected.toString()).contains("never reached the venue");
        assertThat(engine().placed(API_KEY, "never-there")).as("never sent again").isZero();
        // the instrument is free again: an order rests on the venue and is canceled there
        String after = place("after-restarts", "0.100", "91.00");
        awaitStatus(after, "accepted");
        app.call("POST", "/api/orders/" + after + "/cancel", token, null, 200);
        awaitStatus(after, "canceled");
        agreesWithTheVenue(Map.of(filledWhileDown, "rest-fill", canceledInFlight, "rest-cancel",
                unanswered, "held-fill", unansweredResting, "held-rest", neverThere, "never-there",
                after, "after-restarts"));
        // the bot holds what it bought: measured at its next checkpoint with equity samples (its next candle)
        await("the exposure rule breached by the bot's position", () -> app.call("GET",
                "/api/notifications/alerts/" + exposure, token, null, 200).get("breachedBots"),
                breached -> breached.toString().contains(bot));
    }

    /**
     * The window between a strategy step's send and its step write (issue 12): a {@code dca} bot buys at market on
     * every candle; the database is stopped (SIGSTOP) right before a candle closes, so the step's order leaves for
     * the venue while the step's write waits on the disk; the process is killed once the venue has read (and filled)
     * the order. After the restart the step is decided again from the feed under the same client order id: the
     * order is asked for first and adopted in the venue's state (filled, with the venue's trade), never sent twice,
     * and the journal, the ledger and the venue agree.
     */
    @Test
    void a_strategy_order_sent_before_its_step_was_durable_is_adopted_after_a_sigkill_not_sent_twice()
            throws Exception {
        fakeVenue();
        app = appOn("live-step-crash-it");
        app.start();
        token = app.login();
        // a market buy of 20 USDT on every candle, never a sell
        startLiveBot("dca", Map.of("interval", "1", "amount", "20", "take_profit", "10", "max_buys", "10000"));
        // the bot trades: one of its buys filled here (the first steps may come before the account is reconciled)
        await("a dca buy filled", () -> botOrders(), orders -> orders.findValuesAsText("status").contains("filled"));
        awaitSettled();

        // the next candle's step: its order leaves while the database cannot write the step
        java.util.Set<String> sentBefore = new java.util.HashSet<>(sentOrders());
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        beforeNextClose.set(() -> {
            freeze();
            stopped.countDown();
        });
        String cid;
        try {
            assertThat(stopped.await(75, TimeUnit.SECONDS)).as("the database stopped before a candle closed")
                    .isTrue();
            JsonNode sent = await("the step's order read by the venue while the database is stopped",
                    () -> PackagedApp.JSON.valueToTree(sentOrders().stream().filter(c -> !sentBefore.contains(c))
                            .toList()), n -> n.size() >= 1);
            cid = sent.get(0).asText();
            await("the order taken and filled by the venue", () -> venueOrderOnceThere(cid),
                    o -> o.get("status").asText().equals("FILLED"));
            app.kill();
        } finally {
            thaw();
        }
        assertThat(engine().placed(API_KEY, cid)).as("sent once before the kill").isEqualTo(1);
        restart();

        // decided again from the feed (its step was never durable), asked for, adopted: filled with the venue's trade
        String order = await("the order decided again after the restart", () -> orderByClientId(cid),
                o -> !o.isMissingNode()).get("id").asText();
        awaitStatus(order, "filled");
        assertThat(events("venue_note")).as("the step decided again, the order asked for before being sent")
                .anyMatch(reason -> reason.contains(cid) && reason.contains("decided again after the restart"));
        assertThat(engine().placed(API_KEY, cid)).as("never sent twice").isEqualTo(1);
        String trade = tradeIdOf(cid);
        JsonNode fills = app.call("GET", "/api/orders/" + order, token, null, 200).get("fills");
        assertThat(fills.findValuesAsText("tradeId")).as("the venue's trade, once").containsExactly(trade);
        // the bot goes on buying; paused, every order it has is the venue's
        app.call("POST", "/api/bots/" + bot + "/pause", token, Map.of("reason", "check"), 200);
        awaitSettled();
        Map<String, String> all = new HashMap<>();
        for (JsonNode o : botOrders()) {
            all.put(o.get("id").asText(), o.get("clientOrderId").asText());
        }
        assertThat(all).containsValue(cid);
        agreesWithTheVenue(all);
    }

    /**
     * A kill-switch change in flight on a live venue (issue 12). A live {@code dca} bot (a market buy on every candle)
     * whose account also has orders resting on the venue by hand (three buys under the market, a sell above it) is
     * halted between two candles; the venue carries out each of the halt's cancels and holds its answer (cancels in
     * flight), and the process is killed before any answer comes. After the restart the halt holds: every order that
     * was open ends canceled, canceled on the venue once (the halt's cancel before the kill, at most one more after
     * it, no cancel of any other order), the bot is paused and places nothing on the candles it goes on stepping, a
     * new order is denied (rule {@code trading_state}), and the journal, the ledger and the venue agree. Then
     * reduce-only, a closing sell resting on the venue, the database stopped and the sell filled on the venue (its
     * report reaches the process, which cannot journal it), killed: after the restart trading is still reducing, the
     * fill is applied once under the venue's trade id, buys (by hand, then by the resumed bot) are denied (rule
     * {@code reduce_only}) and only a closing sell reaches the venue.
     */
    @Test
    void a_halt_whose_cancels_are_in_flight_at_a_sigkill_holds_then_reduce_only_holds_and_a_fill_in_flight_counts_once()
            throws Exception {
        startHoldingAnswers("live-halt-crash-it");
        // a market buy of 20 USDT on every candle, never a sell
        startLiveBot("dca", Map.of("interval", "1", "amount", "20", "take_profit", "10", "max_buys", "10000"));
        // a position to reduce later, and orders resting on the venue: three buys under the market, a sell above it
        awaitStatus(place("halt-held", "buy", "0.300", null), "filled");
        Map<String, String> resting = new java.util.LinkedHashMap<>();
        resting.put(place("halt-rest-1", "buy", "0.100", "80.00"), "halt-rest-1");
        resting.put(place("halt-rest-2", "buy", "0.100", "79.00"), "halt-rest-2");
        resting.put(place("halt-rest-3", "buy", "0.100", "78.00"), "halt-rest-3");
        resting.put(place("halt-rest-4", "sell", "0.100", "150.00"), "halt-rest-4");
        for (String id : resting.keySet()) {
            awaitStatus(id, "accepted");
        }

        // 1. the halt's cancels in flight: carried out by the venue, answers held (the timeout is 2 minutes) and
        // their executionReports lost, so that the process hears nothing of them before it dies
        awaitBetweenSteps();
        binance.dropReports(API_KEY);
        for (int i = 0; i < resting.size(); i++) {
            binance.failNext("DELETE", "/api/v3/order", FakeBinance.Fault.processedWithoutAnswer());
        }
        app.call("POST", "/api/risk/halt", token, Map.of("reason", "halt crash test"), 200);
        for (String cid : resting.values()) {
            await("the halt's cancel of " + cid + " carried out on the venue", () -> venueOrder(cid),
                    o -> o.get("status").asText().equals("CANCELED"));
        }
        await("the halt's four cancels read by the venue", () -> PackagedApp.JSON.valueToTree(cancelsSent()),
                c -> c.size() == resting.size());
        for (String id : resting.keySet()) {
            assertThat(status(id)).as("the cancel's answer has not come").isEqualTo("pending_cancel");
        }
        JsonNode pausedBot = app.call("GET", "/api/bots/" + bot, token, null, 200);
        assertThat(pausedBot.get("status").asText()).isEqualTo("paused");
        Instant lastStepAtKill = Instant.parse(pausedBot.get("lastStep").asText());
        app.kill();
        assertThat(binance.droppedReports(API_KEY)).as("the cancels' reports lost").isEqualTo(resting.size());
        binance.resumeReports(API_KEY);
        List<String> placedAtKill = sentOrders();
        assertThat(cancelsSent()).as("one cancel each before the kill")
                .containsExactlyInAnyOrderEntriesOf(counts(resting.values()));
        restart("paused");

        assertThat(app.call("GET", "/api/risk/state", token, null, 200).get("state").asText()).isEqualTo("halted");
        for (String id : resting.keySet()) {
            awaitStatus(id, "canceled");
        }
        assertThat(app.call("GET", "/api/bots/" + bot, token, null, 200).get("statusReason").asText())
                .contains("kill switch: halt crash test");
        // the paused bot goes on stepping (its strategy sees each candle) and places nothing
        await("a candle stepped by the paused bot after the restart", () -> app.call("GET", "/api/bots/" + bot,
                token, null, 200), b -> b.get("status").asText().equals("paused")
                && Instant.parse(b.get("lastStep").asText()).isAfter(lastStepAtKill));
        JsonNode denied = order("after-halt", "buy", "0.100", "80.00");
        assertThat(denied.get("status").asText()).as("%s", denied).isEqualTo("denied");
        await("the order refused by the kill switch", () -> blocks("trading_state"),
                items -> items.findValuesAsText("orderId").contains(denied.get("id").asText()));
        agreesWithTheVenue(allBotOrders());
        assertThat(sentOrders()).as("nothing placed since the kill").isEqualTo(placedAtKill);
        Map<String, Long> cancels = cancelsSent();
        assertThat(cancels.keySet()).as("no cancel of any other order").isEqualTo(new java.util.HashSet<>(
                resting.values()));
        for (String cid : resting.values()) {
            assertThat(cancels.get(cid)).as("cancels of %s: the halt's, and at most one sent again after the"
                    + " restart", cid).isBetween(1L, 2L);
            assertThat(new BigDecimal(venueOrder(cid).get("executedQty").asText())).isZero();
        }

        // 2. reduce-only just before a kill, a closing sell resting; its fill reaches the process, which cannot
        // journal it: the database is stopped
        app.call("POST", "/api/risk/reduce-only", token, Map.of("reason", "unwind crash test"), 200);
        String closing = place("unwind-rest", "sell", "0.100", "130.00");
        awaitStatus(closing, "accepted");
        assertThat(binance.subscriptions(API_KEY)).as("the report stream is up").isPositive();
        freeze();
        try {
            engine().trade(SYMBOL, "130.00", "0.100");
            assertThat(venueOrder("unwind-rest").get("status").asText()).isEqualTo("FILLED");
            // the executionReport is on the stream; the process takes it and waits on the database to journal it
            Thread.sleep(1_500);
            app.kill();
        } finally {
            thaw();
        }
        List<String> placedAtSecondKill = sentOrders();
        restart("paused");

        assertThat(app.call("GET", "/api/risk/state", token, null, 200).get("state").asText()).isEqualTo("reducing");
        awaitStatus(closing, "filled");
        String trade = tradeIdOf("unwind-rest");
        assertThat(app.call("GET", "/api/orders/" + closing, token, null, 200).get("fills")
                .findValuesAsText("tradeId")).as("the venue's trade, once").containsExactly(trade);
        awaitReconciled();
        JsonNode buy = order("unwind-buy", "buy", "0.100", "80.00");
        assertThat(buy.get("status").asText()).as("%s", buy).isEqualTo("denied");
        String sell = place("unwind-sell", "sell", "0.100", null);
        awaitStatus(sell, "filled");
        // the bot resumed under reduce-only: its buy on the next candle is denied, never sent
        app.call("POST", "/api/bots/" + bot + "/resume", token, null, 200);
        await("the resumed bot's buy denied by reduce-only", () -> blocks("reduce_only"), items -> {
            for (JsonNode b : items) {
                if (b.get("side").asText().equals("buy") && !b.get("orderId").asText().equals(buy.get("id").asText())) {
                    return true;
                }
            }
            return false;
        });
        assertThat(blocks("reduce_only").findValuesAsText("orderId")).contains(buy.get("id").asText());
        List<String> sentSince = sentOrders().subList(placedAtSecondKill.size(), sentOrders().size());
        assertThat(sentSince).as("only the closing order left").containsExactly("unwind-sell");
        app.call("POST", "/api/bots/" + bot + "/pause", token, Map.of("reason", "check"), 200);
        awaitSettled();
        agreesWithTheVenue(allBotOrders());
    }

    /**
     * Until the bot's order on the candle that closed last has been answered and no order of the bot waits for the
     * venue, at least 5 s before the next candle closes (a dca bot places one on every candle; the hand orders here
     * are named {@code halt-...}).
     */
    private void awaitBetweenSteps() throws Exception {
        long into = System.currentTimeMillis() % MINUTE;
        if (into > 45_000) {
            Thread.sleep(MINUTE - into + 500);
        }
        long closed = Timeframe.M1.floor(System.currentTimeMillis());
        JsonNode sent = await("the bot's order on the candle closed at " + Instant.ofEpochMilli(closed),
                () -> PackagedApp.JSON.valueToTree(binance.placements().stream()
                        .filter(r -> r.at().toEpochMilli() >= closed)
                        .map(r -> r.param("newClientOrderId")).filter(c -> !c.startsWith("halt-")).toList()),
                n -> n.size() >= 1);
        String cid = sent.get(0).asText();
        await("the order " + cid + " answered", () -> orderByClientId(cid), o -> !o.isMissingNode()
                && !List.of("initialized", "submitted", "pending_cancel").contains(o.get("status").asText()));
        awaitSettled();
        assertThat(System.currentTimeMillis() % MINUTE).as("the next candle is 5 s away at least")
                .isLessThan(55_000);
    }

    /** The bot's account reconciled with the venue (orders may leave). */
    private void awaitReconciled() throws Exception {
        await("the account reconciled", () -> app.call("GET", "/api/bots/" + bot + "/reconciliation", token, null,
                200), r -> r.get("reconciled").asBoolean());
    }

    /** Every order of the bot (its own and those placed by hand on its account): id to client order id. */
    private Map<String, String> allBotOrders() throws Exception {
        Map<String, String> all = new HashMap<>();
        for (JsonNode o : botOrders()) {
            all.put(o.get("id").asText(), o.get("clientOrderId").asText());
        }
        return all;
    }

    /** The cancels the venue has read, by client order id. */
    private Map<String, Long> cancelsSent() {
        return binance.cancels().stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.param("origClientOrderId"),
                        java.util.stream.Collectors.counting()));
    }

    private static Map<String, Long> counts(java.util.Collection<String> each) {
        return each.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> 1L));
    }

    /** The bot's block events refused by {@code rule}, newest first. */
    private JsonNode blocks(String rule) throws Exception {
        return app.call("GET", "/api/risk/blocks?bot=" + bot + "&rule=" + rule + "&limit=100", token, null, 200)
                .get("items");
    }

    /**
     * Each order's status is the venue's, placed there once at most; the bot's fills are the venue's trades, each
     * once; the ledger's balances are the venue's; a reconciliation made now (the report stream cut, so it reconciles
     * on its return) finds no difference.
     */
    private void agreesWithTheVenue(Map<String, String> orders) throws Exception {
        for (Map.Entry<String, String> order : orders.entrySet()) {
            String cid = order.getValue();
            long placed = engine().placed(API_KEY, cid);
            assertThat(placed).as("%s placed on the venue at most once", cid).isLessThanOrEqualTo(1);
            String ours = status(order.getKey());
            if (placed == 0) {
                // refused before it left (by the risk check, or for the venue: not reconciled, never reached it)
                assertThat(ours).as("%s never on the venue", cid).isIn("rejected", "denied");
                continue;
            }
            String theirs = venueOrder(cid).get("status").asText().toLowerCase(java.util.Locale.ROOT);
            assertThat(ours).as("%s here and on the venue", cid).isEqualTo(theirs);
        }
        List<String> fills = new ArrayList<>();
        for (JsonNode fill : app.call("GET", "/api/fills?bot=" + bot + "&limit=500", token, null, 200).get("items")) {
            fills.add(fill.get("tradeId").asText());
        }
        List<String> trades = new ArrayList<>();
        for (Object trade : new JsonArray(engine().myTrades(API_KEY, Map.of("symbol", SYMBOL, "limit", "1000"))
                .body())) {
            trades.add(String.valueOf(((JsonObject) trade).getLong("id")));
        }
        assertThat(fills).as("each venue trade one fill, none twice").containsExactlyInAnyOrderElementsOf(trades)
                .doesNotHaveDuplicates();
        Instant before = Instant.now();
        binance.closeStreams();
        JsonNode fresh = await("a reconciliation after the stream's return", () -> app.call("GET",
                "/api/bots/" + bot + "/reconciliation", token, null, 200), r -> r.get("reconciled").asBoolean()
                && r.hasNonNull("at") && Instant.parse(r.get("at").asText()).isAfter(before));
        assertThat(fresh.get("drifts")).as("the account agrees with the venue: %s", fresh).isEmpty();
        JsonNode balances = app.call("GET", "/api/bots/" + bot + "/portfolio", token, null, 200).get("balances");
        for (String asset : List.of("USDT", BASE)) {
            BigDecimal[] venue = engine().balance(API_KEY, asset);
            BigDecimal ledger = balances.hasNonNull(asset) ? new BigDecimal(balances.get(asset).asText())
                    : BigDecimal.ZERO;
            assertThat(ledger).as("%s: ledger %s, venue free %s locked %s", asset, balances, venue[0], venue[1])
                    .isEqualByComparingTo(venue[0].add(venue[1]));
        }
    }

    /** A live account on the fake's key, a manual live bot on it with the venue's whole USDT as its budget. */
    private void startLiveBot() throws Exception {
        startLiveBot("manual", Map.of());
    }

    /** A live account on the fake's key, a live bot of {@code strategy} on it with the venue's whole USDT. */
    private void startLiveBot(String strategy, Map<String, String> parameters) throws Exception {
        app.call("POST", "/api/marketdata/instruments", token, Map.of("venue", "BINANCE", "base", BASE,
                "quote", "USDT", "tickSize", "0.01", "stepSize", "0.001"), 201);
        account = app.call("POST", "/api/accounts/connections", token, Map.of("name", "binance crash",
                "venue", "BINANCE", "apiKey", API_KEY, "secret", SECRET), 201).get("id").asText();
        Map<String, Object> request = new HashMap<>();
        request.put("name", "live crash");
        request.put("strategy", strategy);
        request.put("parameters", parameters);
        request.put("instrument", INSTRUMENT);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("limits", Map.of("maxOrderNotional", "200", "maxDailyLoss", "100"));
        request.put("budget", "1000.00");
        request.put("confirmLive", true);
        bot = app.call("POST", "/api/bots", token, request, 201).get("id").asText();
        app.call("POST", "/api/bots/" + bot + "/start", token, null, 200);
        awaitReady();
    }

    /** The bot running, on a closed candle, and its account reconciled with the venue. */
    private void awaitReady() throws Exception {
        await("the bot running on a closed candle", () -> app.call("GET", "/api/bots/" + bot, token, null, 200),
                b -> {
                    assertThat(b.get("status").asText()).as("bot %s", b).isNotIn("failed", "stopped");
                    return b.get("status").asText().equals("running") && b.hasNonNull("lastStep");
                });
        await("the account reconciled", () -> app.call("GET", "/api/bots/" + bot + "/reconciliation", token, null,
                200), r -> r.get("reconciled").asBoolean());
    }

    /**
     * Candles on the wall clock: ten closed ones before this minute, then each minute's candle closed (its close the
     * venue's last price) when the minute ends, whether the application is up or not.
     */
    private void candlesOnTheClock() {
        long now = System.currentTimeMillis();
        long first = Timeframe.M1.floor(now) - 10 * MINUTE;
        List<VenueCandle> walk = CandleSeries.walk(Timeframe.M1, first, 10 + 60, 20_261_213);
        CandleSeries series = binance.klines(SYMBOL, Timeframe.M1);
        series.history(walk.subList(0, 10));
        series.open(walk.get(10));
        engine().lastPrice(SYMBOL, walk.get(9).close().toPlainString());
        int[] next = {10};
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleWithFixedDelay(() -> {
            while (next[0] < walk.size() && walk.get(next[0]).openTime() + MINUTE <= System.currentTimeMillis()) {
                Runnable before = beforeNextClose.getAndSet(null);
                if (before != null) {
                    before.run();
                }
                VenueCandle candle = walk.get(next[0]++);
                engine().lastPrice(SYMBOL, candle.close().toPlainString());
                series.close(candle);
                if (next[0] < walk.size()) {
                    series.open(walk.get(next[0]));
                }
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The bot's orders, oldest first. */
    private JsonNode botOrders() throws Exception {
        return app.call("GET", "/api/orders?bot=" + bot + "&limit=500", token, null, 200).get("items");
    }

    /** The bot's order under {@code clientOrderId}, or a missing node. */
    private JsonNode orderByClientId(String clientOrderId) throws Exception {
        for (JsonNode o : botOrders()) {
            if (o.get("clientOrderId").asText().equals(clientOrderId)) {
                return o;
            }
        }
        return PackagedApp.JSON.missingNode();
    }

    /** Until none of the bot's orders waits for the venue's answer. */
    private void awaitSettled() throws Exception {
        await("every order of the bot answered", this::botOrders, orders -> {
            for (JsonNode o : orders) {
                if (List.of("initialized", "submitted", "pending_cancel").contains(o.get("status").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The client order ids of the placements the venue has read, in order (REST or WebSocket API). */
    private List<String> sentOrders() {
        return binance.placements().stream().map(r -> r.param("newClientOrderId")).toList();
    }

    /**
     * Stops the embedded PostgreSQL (SIGSTOP to the postmaster, then to every process under it): whatever the
     * application asks of the database waits, and nothing it has not committed yet can commit.
     */
    private void freeze() {
        try {
            java.nio.file.Path pid = app.dataDir.resolve("pgdata").resolve("postmaster.pid");
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(java.nio.file.Files.readAllLines(pid)
                    .getFirst().trim())).orElseThrow();
            List<ProcessHandle> all = new ArrayList<>(List.of(postmaster));
            signal("STOP", all);
            List<ProcessHandle> children = postmaster.descendants().toList();
            signal("STOP", children);
            all.addAll(children);
            frozen = all;
        } catch (Exception e) {
            throw new IllegalStateException("the database could not be stopped", e);
        }
    }

    /** Continues the processes {@link #freeze} stopped. */
    private void thaw() throws Exception {
        List<ProcessHandle> stopped = frozen;
        frozen = List.of();
        signal("CONT", stopped);
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private String place(String clientOrderId, String quantity, String limitPrice) throws Exception {
        return place(clientOrderId, "buy", quantity, limitPrice);
    }

    /** A hand order that passes the session's checks: a limit GTC order, or a market order without a price. */
    private String place(String clientOrderId, String side, String quantity, String limitPrice) throws Exception {
        JsonNode placed = order(clientOrderId, side, quantity, limitPrice);
        assertThat(placed.get("status").asText()).as("%s", placed).isNotIn("denied", "rejected");
        return placed.get("id").asText();
    }

    /** A hand order as the API answers it (201, whatever its status). */
    private JsonNode order(String clientOrderId, String side, String quantity, String limitPrice) throws Exception {
        Map<String, Object> order = new HashMap<>();
        order.put("accountId", account);
        order.put("clientOrderId", clientOrderId);
        order.put("instrument", INSTRUMENT);
        order.put("side", side);
        order.put("type", limitPrice == null ? "market" : "limit");
        order.put("quantity", quantity);
        if (limitPrice != null) {
            order.put("limitPrice", limitPrice);
            order.put("timeInForce", "gtc");
        }
        return app.call("POST", "/api/orders", token, order, 201);
    }

    private String status(String order) throws Exception {
        return app.call("GET", "/api/orders/" + order, token, null, 200).get("order").get("status").asText();
    }

    private JsonNode awaitStatus(String order, String status) throws Exception {
        return await("order " + order + " " + status, () -> app.call("GET", "/api/orders/" + order, token, null,
                200), o -> o.get("order").get("status").asText().equals(status));
    }

    private JsonNode venueOrder(String clientOrderId) throws Exception {
        FakeSpotEngine.Reply reply = engine().query(API_KEY, Map.of("symbol", SYMBOL,
                "origClientOrderId", clientOrderId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return PackagedApp.JSON.readTree(reply.body());
    }

    /** The venue's order, or a status "ABSENT" while the venue does not know it yet (-2013). */
    private JsonNode venueOrderOnceThere(String clientOrderId) throws Exception {
        FakeSpotEngine.Reply reply = engine().query(API_KEY, Map.of("symbol", SYMBOL,
                "origClientOrderId", clientOrderId));
        if (reply.status() == 400 && reply.body().contains("-2013")) {
            return PackagedApp.JSON.readTree("{\"status\":\"ABSENT\"}");
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return PackagedApp.JSON.readTree(reply.body());
    }

    private String tradeIdOf(String clientOrderId) throws Exception {
        long orderId = venueOrder(clientOrderId).get("orderId").asLong();
        JsonArray trades = new JsonArray(engine().myTrades(API_KEY, Map.of("symbol", SYMBOL,
                "orderId", Long.toString(orderId))).body());
        assertThat(trades).hasSize(1);
        return String.valueOf(trades.getJsonObject(0).getLong("id"));
    }

    private List<String> events(String kind) throws Exception {
        List<String> reasons = new ArrayList<>();
        for (JsonNode e : app.call("GET", "/api/bots/" + bot + "/events?limit=10000", token, null, 200)
                .get("items")) {
            if (e.get("kind").asText().equals(kind)) {
                reasons.add(e.get("reason").asText());
            }
        }
        return reasons;
    }

    private FakeSpotEngine engine() {
        return binance.engine();
    }

    /**
     * The fake Binance both tests trade on: the symbol, a trading key with 1,000 USDT, quote fees, pings every 200 ms,
     * and candles closing on the clock.
     */
    private void fakeVenue() throws Exception {
        binance = FakeBinance.start();
        binance.pings(Duration.ofMillis(200), Duration.ofMinutes(1));
        binance.symbol(BASE, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
        binance.key(new FakeBinance.Key(API_KEY, SECRET, true, false, true, false,
                Map.of("USDT", new BigDecimal[] {new BigDecimal("1000.00000000"), BigDecimal.ZERO})));
        engine().fees(API_KEY, FakeSpotEngine.FeeAsset.QUOTE, "0.001");
        candlesOnTheClock();
    }

    /**
     * The fake venue and the application {@code name} on it, started and logged in, with placements and cancels
     * awaited 2 minutes (a held answer is still awaited at a kill) and a silent connection noticed after 1.5 s.
     */
    private void startHoldingAnswers(String name) throws Exception {
        fakeVenue();
        app = appOn(name)
                .env("CRYPTOBOT_VENUES_BINANCE_TRADING_ORDER_TIMEOUT", "PT2M")
                .env("CRYPTOBOT_VENUES_BINANCE_TRADING_IDLE_TIMEOUT", "PT1.5S");
        app.start();
        token = app.login();
    }

    /**
     * The packaged application {@code name} (its data directory) pointed at the fake venue's REST, market and trading
     * WebSocket URLs, reconnecting its streams within half a second and noticing a silent one after 1.5 s.
     */
    private PackagedApp appOn(String name) throws Exception {
        return new PackagedApp(name)
                .env("CRYPTOBOT_VENUES_BINANCE_REST_URL", binance.restUrl().toString())
                .env("CRYPTOBOT_VENUES_BINANCE_WS_URL", binance.wsUrl().toString())
                .env("CRYPTOBOT_VENUES_BINANCE_TRADING_WS_API_URL", binance.wsApiUrl().toString())
                .env("CRYPTOBOT_VENUES_BINANCE_STREAM_RECONNECT_MIN", "PT0.05S")
                .env("CRYPTOBOT_VENUES_BINANCE_STREAM_RECONNECT_MAX", "PT0.5S")
                .env("CRYPTOBOT_VENUES_BINANCE_STREAM_IDLE_TIMEOUT", "PT1.5S");
    }

    private void restart() throws Exception {
        restart("running");
    }

    /** Starts the application again and waits for the bot in {@code status}, its session launched (ready). */
    private void restart(String status) throws Exception {
        app.start();
        token = app.login();
        await("the bot " + status + " again", () -> app.call("GET", "/api/bots/" + bot, token, null, 200), b -> {
            assertThat(b.get("status").asText()).as("bot %s", b).isNotIn("failed", "stopped");
            return b.get("status").asText().equals(status);
        });
    }

    private static JsonNode await(String what, io.cryptobot.app.support.TradingScenario.Poll poll,
                                  Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode value = poll.get();
        while (!until.test(value)) {
            assertThat(System.nanoTime()).as("waiting for %s; last seen %s", what, value).isLessThan(deadline);
            Thread.sleep(200);
            value = poll.get();
        }
        return value;
    }
}
