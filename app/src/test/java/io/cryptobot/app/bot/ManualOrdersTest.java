package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders by hand on a paper account whose market is a live session (a bot running the {@code manual} strategy on
 * a replay): placed idempotently by client order id, worked by the simulated venue on the next candles, canceled,
 * refused by risk as denied orders with block events, rebuilt after losing the session, and every rule of access.
 */
@QuarkusTest
class ManualOrdersTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-02T00:00:00Z";
    private final TestUser trader = TestUsers.create("trader");
    private String instrument;
    private String account;
    private String bot;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @Inject
    io.cryptobot.risk.application.port.out.RiskStorePort riskStore;

    @BeforeEach
    void liveManualSession() {
        instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 1_440);
        account = TradingFixtures.paperAccount(trader, "10000");
        startBot();
    }

    /** A new bot running the manual strategy on {@link #account}, stepped once. */
    private void startBot() {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "hand " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("from", FROM, "to", TO, "speed", "120"));   // a candle every 0.5 s
        bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + bot + "/start", null).then().statusCode(200);
        await(() -> get(trader, "/api/bots/" + bot).then().extract().jsonPath().getLong("steps") >= 1, "a first candle");
    }

    @Test
    void a_market_order_is_placed_once_per_client_order_id_and_fills_on_the_next_candle() {
        // the list page read (and kept) before the order must not hide it afterwards
        assertThat(total("/api/orders?account=" + account)).isZero();
        assertThat(total("/api/orders")).isZero();
        Response first = place(order("c-1", "buy", "market", "0.01", null));
        first.then().statusCode(201).body("status", equalTo("submitted")).body("clientOrderId", equalTo("c-1"))
                .body("tag", equalTo("manual")).body("botId", equalTo(bot));
        assertThat(first.header("Location")).endsWith("/api/orders/" + first.path("id"));
        place(order("c-1", "buy", "market", "0.01", null)).then().statusCode(200)
                .body("id", equalTo(first.path("id")));
        assertThat(total("/api/orders?account=" + account)).isEqualTo(1);
        assertThat(total("/api/orders")).isEqualTo(1);

        String id = first.path("id");
        await(() -> "filled".equals(get(trader, "/api/orders?limit=1").then().extract().path("items[0].status")),
                "the listed order's fill");
        await(() -> "filled".equals(get(trader, "/api/orders/" + id).then().extract().path("order.status")), "the fill");
        JsonPath details = get(trader, "/api/orders/" + id).then().extract().jsonPath();
        assertThat(details.getList("events.type", String.class))
                .containsExactly("initialized", "submitted", "accepted", "filled");
        assertThat(new BigDecimal(details.getString("fills[0].fee"))).isPositive();
        JsonPath portfolio = get(trader, "/api/bots/" + bot + "/portfolio").then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(portfolio.getString("positions[0].quantity"))).isEqualByComparingTo("0.01");
        assertThat(new BigDecimal(portfolio.getString("balances.USDT"))).isLessThan(new BigDecimal("10000"));
    }

    @Test
    void order_updates_and_fills_are_pushed_to_the_owner_as_server_sent_events() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI stream = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                + "/api/orders/stream");
        java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<java.util.stream.Stream<String>>> mine =
                http.sendAsync(java.net.http.HttpRequest.newBuilder(stream).header("Authorization", trader.bearer())
                        .header("Accept", "text/event-stream").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());
        TestUser stranger = TestUsers.create("trader");
        java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<java.util.stream.Stream<String>>> theirs =
                http.sendAsync(java.net.http.HttpRequest.newBuilder(stream).header("Authorization", stranger.bearer())
                        .header("Accept", "text/event-stream").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());
        java.util.List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<String> strangerSaw = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                mine.get().body().filter(line -> line.startsWith("data:")).forEach(seen::add);
            } catch (Exception ignored) {
                // the stream is closed when the test ends
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                theirs.get().body().filter(line -> line.startsWith("data:")).forEach(strangerSaw::add);
            } catch (Exception ignored) {
                // closed at the end
            }
        });
        assertThat(mine.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(mine.get().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        String id = place(order("s-1", "buy", "market", "0.01", null)).then().statusCode(201).extract().path("id");
        await(() -> seen.stream().anyMatch(line -> line.contains("\"kind\":\"fill\"")), "a pushed fill");
        java.util.List<String> statuses = seen.stream().filter(line -> line.contains("\"kind\":\"order\""))
                .map(line -> io.restassured.path.json.JsonPath.from(line.substring(5)).getString("order.status"))
                .toList();
        assertThat(statuses).containsSubsequence("submitted", "filled");
        assertThat(seen).allMatch(line -> line.contains(id));
        assertThat(strangerSaw).isEmpty();
        given().get("/api/orders/stream").then().statusCode(401);
        reader.interrupt();
        mine.get().body().close();
        theirs.get().body().close();
    }

    @Test
    void the_audit_trail_follows_an_api_call_from_the_risk_check_to_the_position() {
        String correlation = UUID.randomUUID().toString();
        String id = given().header("Authorization", trader.bearer()).header("X-Correlation-Id", correlation)
                .contentType(ContentType.JSON).body(order("t-1", "buy", "market", "0.01", null)).post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await(() -> "filled".equals(get(trader, "/api/orders/" + id).then().extract().path("order.status")), "the fill");
        JsonPath chain = get(trader, "/api/audit/" + correlation).then().statusCode(200).extract().jsonPath();
        assertThat(chain.getString("origin.kind")).isEqualTo("api");
        assertThat(chain.getString("origin.botId")).isEqualTo(bot);
        assertThat(chain.getList("riskChecks.outcome", String.class)).containsExactly("passed");
        assertThat(chain.getString("orders[0].id")).isEqualTo(id);
        assertThat(chain.getList("orders[0].events.type", String.class))
                .containsExactly("initialized", "submitted", "accepted", "filled");
        assertThat(new BigDecimal(chain.getString("positionChanges[0].positionAfter"))).isEqualByComparingTo("0.01");
        get(TestUsers.create("trader"), "/api/audit/" + correlation).then().statusCode(404)
                .contentType("application/problem+json");
        get(trader, "/api/audit/" + UUID.randomUUID()).then().statusCode(404);
        JsonPath events = get(trader, "/api/audit/events?type=filled&bot=" + bot).then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("items.type", String.class)).isNotEmpty().allMatch("filled"::equals);
        assertThat(events.getList("items.correlationId", String.class)).contains(correlation);
        // each event row says whose order it is: account, bot, instrument, side of the order placed above
        int mine = events.getList("items.orderId", String.class).indexOf(id);
        assertThat(mine).isNotNegative();
        assertThat(events.getString("items[" + mine + "].accountId")).isEqualTo(account);
        assertThat(events.getString("items[" + mine + "].botId")).isEqualTo(bot);
        assertThat(events.getString("items[" + mine + "].instrument")).isEqualTo(instrument);
        assertThat(events.getString("items[" + mine + "].side")).isEqualTo("buy");
        get(trader, "/api/audit/events?type=exploded&from=now").then().statusCode(400)
                .body("errors.field", hasItems("type", "from"));
    }

    @Test
    void a_resting_limit_order_can_be_canceled_once() {
        String id = place(order("low-1", "buy", "limit", "0.01", "1000.00")).then().statusCode(201).extract().path("id");
        await(() -> "accepted".equals(get(trader, "/api/orders/" + id).then().extract().path("order.status")),
                "the venue's acceptance");
        post(trader, "/api/orders/" + id + "/cancel", null).then().statusCode(200).body("status", equalTo("canceled"));
        post(trader, "/api/orders/" + id + "/cancel", null).then().statusCode(409)
                .body("code", equalTo("order.not_open"));
        TestUser stranger = TestUsers.create("trader");
        post(stranger, "/api/orders/" + id + "/cancel", null).then().statusCode(404);
    }

    @Test
    void an_order_the_limits_refuse_is_created_denied_with_a_block_event_under_the_callers_correlation_id() {
        // limits apply to sessions started after they are set: a second account and session under the new limits
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currency", "USDT", "maxOrderNotional", "100")).put("/api/risk/limits").then().statusCode(200);
        stopAndStartNewSession();
        String correlation = UUID.randomUUID().toString();
        JsonPath denied = given().header("Authorization", trader.bearer()).header("X-Correlation-Id", correlation)
                .contentType(ContentType.JSON).body(order("big-1", "buy", "market", "0.01", null))
                .post("/api/orders").then().statusCode(201).body("status", equalTo("denied"))
                .body("correlationId", equalTo(correlation)).extract().jsonPath();
        JsonPath blocks = get(trader, "/api/risk/blocks?bot=" + bot).then().statusCode(200).extract().jsonPath();
        assertThat(blocks.getString("items[0].orderId")).isEqualTo(denied.getString("id"));
        assertThat(blocks.getString("items[0].correlationId")).isEqualTo(correlation);
        assertThat(blocks.getString("items[0].rule")).isEqualTo("max_order_notional");
    }

    @Test
    void a_client_order_id_names_one_order_another_body_under_it_is_refused_naming_the_fields() throws Exception {
        Map<String, Object> limit = order("same-1", "buy", "limit", "0.01", "1000.00");
        // 50 concurrent duplicates: one 201, 49 times 200 with the same order
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> place(limit)));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var answer : answers) {
            Response r = answer.get();
            statuses.add(r.statusCode());
            ids.add(r.path("id"));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(code -> code == 201).count()).isEqualTo(1);
        assertThat(ids).hasSize(1);
        // the same id with another body: 409 naming what differs, sequentially and concurrently; nothing placed
        Map<String, Object> sell = order("same-1", "sell", "market", "0.01", null);
        place(sell).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("order.client_order_id_reused"))
                .body("detail", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("side"),
                        org.hamcrest.Matchers.containsString("type"), org.hamcrest.Matchers.containsString("limitPrice")));
        Map<String, Object> bigger = order("same-2", "buy", "limit", "0.01", "1000.00");
        Map<String, Object> other = order("same-2", "buy", "limit", "0.02", "1000.00");
        pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        List<java.util.concurrent.Future<Response>> mixed = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> body = i % 2 == 0 ? bigger : other;
            mixed.add(pool.submit(() -> place(body)));
        }
        java.util.Map<String, String> quantityById = new java.util.HashMap<>();
        int conflicts = 0;
        for (var answer : mixed) {
            Response r = answer.get();
            if (r.statusCode() == 409) {
                conflicts++;
            } else {
                assertThat(r.statusCode()).isIn(200, 201);
                quantityById.merge(r.path("id"), r.path("quantity"), (a, b) -> {
                    assertThat(a).isEqualTo(b);
                    return a;
                });
            }
        }
        pool.shutdown();
        assertThat(quantityById).hasSize(1);
        assertThat(conflicts).isEqualTo(25);
        assertThat(total("/api/orders?account=" + account)).isEqualTo(2);
    }

    @Test
    void a_client_order_id_taken_by_an_earlier_bot_on_the_account_names_that_order() {
        String first = place(order("e-1", "buy", "limit", "0.01", "1000.00")).then().statusCode(201).extract().path("id");
        post(trader, "/api/bots/" + bot + "/stop", null).then().statusCode(200);
        // no live session on the account any more: the order placed under the id is still the answer
        place(order("e-1", "buy", "limit", "0.01", "1000.00")).then().statusCode(200).body("id", equalTo(first));
        // a second bot on the same account: its session never held the first bot's orders
        startBot();
        place(order("e-1", "buy", "limit", "0.01", "1000.00")).then().statusCode(200).body("id", equalTo(first));
        place(order("e-1", "sell", "limit", "0.01", "1000.00")).then().statusCode(409)
                .body("code", equalTo("order.client_order_id_reused"));
        place(order("e-2", "buy", "limit", "0.01", "1000.00")).then().statusCode(201).body("botId", equalTo(bot));
        place(order("e-2", "buy", "limit", "0.01", "1000.00")).then().statusCode(200);
        assertThat(total("/api/orders?account=" + account)).isEqualTo(2);
    }

    @Test
    void a_halt_the_session_missed_is_applied_when_it_is_rebuilt() {
        String resting = place(order("h-1", "buy", "limit", "0.01", "1000.00")).then().statusCode(201)
                .extract().path("id");
        BotId id = new BotId(UUID.fromString(bot));
        runner.release(id);
        // as a crash right after the kill switch was stored, before any bot followed it: stored, not published
        io.cryptobot.kernel.domain.UserId owner = new io.cryptobot.kernel.domain.UserId(trader.id());
        assertThat(riskStore.changeState(owner, io.cryptobot.risk.domain.TradingState.ACTIVE.halt("missed",
                new io.cryptobot.kernel.domain.EventMeta(UUID.randomUUID(), java.time.Instant.now())).get(), false)).isTrue();
        resume.resumeLiveBots();
        assertThat(runner.isRunningHere(id)).isTrue();
        assertThat(get(trader, "/api/orders/" + resting).then().extract().<String>path("order.status"))
                .isEqualTo("canceled");
        place(order("h-2", "buy", "market", "0.01", null)).then().statusCode(201).body("status", equalTo("denied"));
        assertThat(get(trader, "/api/bots/" + bot).then().extract().<String>path("status")).isEqualTo("paused");
        List<String> reasons = get(trader, "/api/bots/" + bot + "/events").then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'trading_halted' }.reason", String.class);
        assertThat(reasons).anyMatch(r -> r.contains("kill switch at recovery: missed"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "over")).post("/api/risk/resume").then().statusCode(200);
    }

    @Test
    void orders_placed_by_hand_are_placed_again_identically_when_the_session_is_rebuilt() {
        String filled = place(order("r-1", "buy", "market", "0.02", null)).then().statusCode(201).extract().path("id");
        await(() -> "filled".equals(get(trader, "/api/orders/" + filled).then().extract().path("order.status")), "the fill");
        String resting = place(order("r-2", "buy", "limit", "0.01", "1000.00")).then().statusCode(201)
                .extract().path("id");
        await(() -> "accepted".equals(get(trader, "/api/orders/" + resting).then().extract().path("order.status")),
                "the venue's acceptance");
        BotId id = new BotId(UUID.fromString(bot));
        runner.release(id);
        resume.resumeLiveBots();
        assertThat(runner.isRunningHere(id)).isTrue();
        List<String> reasons = get(trader, "/api/bots/" + bot + "/events").then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'recovered' }.reason", String.class);
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0)).contains(", 2 orders (1 open), ").contains("all equal to the order journal");
        // the rebuilt session still works the resting order: it can be canceled, and new orders are taken
        post(trader, "/api/orders/" + resting + "/cancel", null).then().statusCode(200).body("status", equalTo("canceled"));
        place(order("r-3", "sell", "market", "0.02", null)).then().statusCode(201);
        place(order("r-1", "buy", "market", "0.02", null)).then().statusCode(200).body("id", equalTo(filled));
    }

    @Test
    void hand_orders_of_several_sessions_and_owners_placed_at_once_are_each_stored_once_under_their_owner()
            throws Exception {
        // three live sessions: two accounts of the trader, one of another user; their batches meet in groups
        String secondAccount = TradingFixtures.paperAccount(trader, "10000");
        startBotOn(trader, instrument, secondAccount);
        TestUser other = TestUsers.create("trader");
        String otherInstrument = TradingFixtures.newInstrumentWithCandles(other, FROM, 1_440);
        String otherAccount = TradingFixtures.paperAccount(other, "10000");
        startBotOn(other, otherInstrument, otherAccount);
        record Placement(TestUser user, Map<String, Object> body) {
        }
        List<Placement> placements = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String on : List.of(account, secondAccount)) {
                Map<String, Object> body = order("g-" + i, "buy", "limit", "0.01", "1000.00");
                body.put("accountId", on);
                placements.add(new Placement(trader, body));
            }
            Map<String, Object> body = order("g-" + i, "buy", "limit", "0.01", "1000.00");
            body.put("accountId", otherAccount);
            body.put("instrument", otherInstrument);
            placements.add(new Placement(other, body));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
        for (Placement placement : placements) {
            answers.add(pool.submit(() -> given().header("Authorization", placement.user().bearer())
                    .contentType(ContentType.JSON).body(placement.body()).post("/api/orders")));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i).get();
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
            assertThat(answer.<String>path("accountId")).isEqualTo(placements.get(i).body().get("accountId"));
            ids.add(answer.path("id"));
        }
        pool.shutdown();
        assertThat(ids).as("one order an answer").hasSize(60);
        // each owner's total (kept per owner in the journal's transaction) and lists hold their own orders only
        assertThat(total("/api/orders")).isEqualTo(40);
        assertThat(total("/api/orders?account=" + account)).isEqualTo(20);
        assertThat(total("/api/orders?account=" + secondAccount)).isEqualTo(20);
        assertThat(get(other, "/api/orders").then().statusCode(200).extract().jsonPath().getLong("total"))
                .isEqualTo(20);
        List<String> othersOrders = get(other, "/api/orders?limit=50").then().extract().jsonPath()
                .getList("items.accountId", String.class);
        assertThat(othersOrders).hasSize(20).containsOnly(otherAccount);
        // and each session holds its orders: re-sent, a client order id names the order it created
        Map<String, Object> again = order("g-7", "buy", "limit", "0.01", "1000.00");
        again.put("accountId", secondAccount);
        String first = place(again).then().statusCode(200).extract().path("id");
        assertThat(ids).contains(first);
    }

    /** A bot running the manual strategy on {@code on} of {@code user}, stepped once. */
    private static void startBotOn(TestUser user, String instrument, String on) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "hand " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", on);
        request.put("feed", Map.of("from", FROM, "to", TO, "speed", "120"));
        String id = given().header("Authorization", user.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        post(user, "/api/bots/" + id + "/start", null).then().statusCode(200);
        await(() -> get(user, "/api/bots/" + id).then().extract().jsonPath().getLong("steps") >= 1, "a first candle");
    }

    @Test
    void invalid_orders_list_every_problem_and_place_nothing() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("accountId", "nope");
        bad.put("instrument", "X");
        bad.put("side", "hold");
        bad.put("type", "iceberg");
        bad.put("timeInForce", "forever");
        place(bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("accountId", "instrument", "side", "type", "timeInForce"));
        place(order("q-1", "buy", "limit", "0.001234567", "42000.005")).then().statusCode(400)
                .body("errors.field", hasItems("quantity", "limitPrice"));
        place(order("q-2", "buy", "market", "0.01", "42000.00")).then().statusCode(400);
        Map<String, Object> otherAccount = order("q-3", "buy", "market", "0.01", null);
        otherAccount.put("accountId", TradingFixtures.paperAccount(TestUsers.create("trader"), "100"));
        place(otherAccount).then().statusCode(400).body("errors.field", hasItems("accountId"));
        Map<String, Object> idle = order("q-4", "buy", "market", "0.01", null);
        idle.put("accountId", TradingFixtures.paperAccount(trader, "100"));
        place(idle).then().statusCode(409).body("code", equalTo("order.no_live_session"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body("[1,")
                .post("/api/orders").then().statusCode(400).contentType("application/problem+json");
        assertThat(total("/api/orders?account=" + account)).isZero();
    }

    @Test
    void placing_needs_a_token_and_a_trader() {
        given().contentType(ContentType.JSON).body(order("a-1", "buy", "market", "0.01", null)).post("/api/orders")
                .then().statusCode(401).contentType("application/problem+json");
        TestUser viewer = TestUsers.create("viewer");
        given().header("Authorization", viewer.bearer()).contentType(ContentType.JSON)
                .body(order("a-2", "buy", "market", "0.01", null)).post("/api/orders").then().statusCode(403);
        given().post("/api/orders/" + UUID.randomUUID() + "/cancel").then().statusCode(401);
        given().get("/api/audit/events").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/audit/" + UUID.randomUUID()).then().statusCode(401);
        given().get("/api/risk/blocks/counts").then().statusCode(401);
        post(viewer, "/api/orders/" + UUID.randomUUID() + "/cancel", null).then().statusCode(403);
        assertThat(total("/api/orders?account=" + account)).isZero();
    }

    private void stopAndStartNewSession() {
        post(trader, "/api/bots/" + bot + "/stop", null).then().statusCode(200);
        liveManualSession();
    }

    private Map<String, Object> order(String clientId, String side, String type, String quantity, String limit) {
        Map<String, Object> order = new HashMap<>();
        order.put("accountId", account);
        order.put("clientOrderId", clientId);
        order.put("instrument", instrument);
        order.put("side", side);
        order.put("type", type);
        order.put("quantity", quantity);
        if (limit != null) {
            order.put("limitPrice", limit);
        }
        return order;
    }

    private Response place(Map<String, Object> order) {
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(order)
                .post("/api/orders");
    }

    private long total(String path) {
        return get(trader, path).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static Response get(TestUser user, String path) {
        return given().header("Authorization", user.bearer()).get(path);
    }

    private static Response post(TestUser user, String path, Object body) {
        var request = given().header("Authorization", user.bearer());
        return body == null ? request.post(path) : request.contentType(ContentType.JSON).body(body).post(path);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
