package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.FakeVenuesTestResource;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.exchange.fakevenue.CandleSeries;
import io.cryptobot.exchange.fakevenue.Eventually;
import io.cryptobot.exchange.fakevenue.FakeBinance;
import io.cryptobot.exchange.fakevenue.FakeSpotEngine;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueMarketData;
import io.cryptobot.marketdata.application.port.in.LiveFeedStatusQuery;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A live bot inside the application against the fake Binance (its matching engine, REST API, kline stream and
 * user-data stream), through the real adapters: a live account, a bot with {@code confirmLive} on the fake's live
 * candles, and orders by hand on it. Placement reaches the fake's book under the platform's client order id; fills
 * (fee in the quote and in BNB) come back through the user-data stream into orders, fills and the bot's portfolio; a
 * cancel; a venue's filter refusal (also the percent-price band, judged before sending); the live account's own
 * limits; the kill switch cancels on the venue; an order placed on the venue directly is reported as drift and left
 * alone; and base-asset fees whose dust leaves the strategy flat.
 *
 * <p>The venue's clock is ours (signed requests are stamped by our clock, so a skewed venue refuses them); the
 * stream closes the candles the test closes, ahead of the clock.
 */
@QuarkusTest
class LiveBinanceBotTest {
    static final long MINUTE = 60_000;
    private final TestUser trader = TestUsers.create("trader");
    private final FakeBinance binance = FakeVenuesTestResource.binance();

    @Inject
    LiveFeedStatusQuery feeds;

    @Inject
    SyncVenueInstrumentsUseCase sync;

    @Inject
    @Any
    Instance<VenueMarketData> venues;

    /** A fresh symbol on the fake, defined in the catalog, with its candles, an account key and a live bot on it. */
    final class Market {
        final String base = "L" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
                .toUpperCase().substring(0, 10);
        final String symbol = base + "USDT";
        final InstrumentId instrument = InstrumentId.parse("BINANCE:" + base + "/USDT").get();
        final String apiKey = random64();
        final String secret = random64();
        final CandleSeries series = binance.klines(symbol, Timeframe.M1);
        final List<VenueCandle> walk;
        int next = 10;
        String account;
        String bot;

        Market(long firstOpen, long seed, int candles) {
            walk = CandleSeries.walk(Timeframe.M1, firstOpen - 10 * MINUTE, 10 + candles, seed);
            binance.symbol(base, "USDT", "TRADING", "0.01000000", "0.00100000", "5.00000000");
            binance.key(new FakeBinance.Key(apiKey, secret, true, false, true, false, Map.of(
                    "USDT", new BigDecimal[] {new BigDecimal("1000.00000000"), BigDecimal.ZERO},
                    "BNB", new BigDecimal[] {new BigDecimal("1.00000000"), BigDecimal.ZERO})));
            given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("venue", "BINANCE", "base", base, "quote", "USDT", "tickSize", "0.01",
                            "stepSize", "0.001"))
                    .post("/api/marketdata/instruments").then().statusCode(201);
            series.history(walk.subList(0, 10));
            series.open(walk.get(10));
            engine().lastPrice(symbol, walk.get(9).close().toPlainString());
        }

        /** A live account with this key, and a bot on it (not started). */
        String liveBot(String strategy, Map<String, String> parameters) {
            return liveBot(strategy, parameters, Map.of("maxOrderNotional", "200", "maxDailyLoss", "100"));
        }

        String liveBot(String strategy, Map<String, String> parameters, Map<String, String> limits) {
            account = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("name", "binance " + UUID.randomUUID(), "venue", "BINANCE", "apiKey", apiKey,
                            "secret", secret))
                    .post("/api/accounts/connections").then().statusCode(201).extract().path("id");
            Map<String, Object> request = new HashMap<>();
            request.put("name", "live " + UUID.randomUUID());
            request.put("strategy", strategy);
            request.put("parameters", parameters);
            request.put("instrument", instrument.toString());
            request.put("timeframe", "1m");
            request.put("accountId", account);
            request.put("feed", Map.of("kind", "live"));
            request.put("limits", limits);
            request.put("budget", "500.00");
            request.put("confirmLive", true);
            bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                    .post("/api/bots").then().statusCode(201).extract().path("id");
            return bot;
        }

        void start() {
            start(bot);
        }

        /** A live manual bot on this market started, one candle stepped, the account reconciled: that candle. */
        VenueCandle manualBotTradingLive() {
            liveBot("manual", Map.of());
            start();
            VenueCandle candle = close();
            awaitBot(bot, b -> b.getString("lastStep") != null
                    && Instant.parse(b.getString("lastStep")).toEpochMilli() == candle.openTime());
            Eventually.until(Duration.ofSeconds(20), "the account reconciled",
                    () -> reconciliation().getBoolean("reconciled"));
            return candle;
        }

        void start(String bot) {
            given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then()
                    .statusCode(200).body("status", equalTo("running"));
            Eventually.until(Duration.ofSeconds(30), "the bot on its feed",
                    () -> feeds.status(instrument, Timeframe.M1).exists(s -> s.subscribers() >= 1 && s.connected())
                            && series.watchers() >= 1);
        }

        /** Closes the next candle on the venue (the engine's last price its close) and opens the one after. */
        VenueCandle close() {
            VenueCandle candle = walk.get(next++);
            engine().lastPrice(symbol, candle.close().toPlainString());
            series.close(candle);
            if (next < walk.size()) {
                series.open(walk.get(next));
            }
            return candle;
        }

        FakeSpotEngine engine() {
            return binance.engine();
        }

        /** The orders open on the venue for this key and symbol. */
        JsonArray venueOpenOrders() {
            return new JsonArray(engine().openOrders(apiKey, Map.of("symbol", symbol)).body());
        }

        JsonObject venueOrder(String clientOrderId) {
            FakeSpotEngine.Reply reply = engine().query(apiKey, Map.of("symbol", symbol,
                    "origClientOrderId", clientOrderId));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return new JsonObject(reply.body());
        }

        Response order(String side, String type, String quantity, String limitPrice) {
            Map<String, Object> order = new HashMap<>();
            order.put("accountId", account);
            order.put("instrument", instrument.toString());
            order.put("side", side);
            order.put("type", type);
            order.put("quantity", quantity);
            if (limitPrice != null) {
                order.put("limitPrice", limitPrice);
                order.put("timeInForce", "gtc");
            }
            return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(order)
                    .post("/api/orders");
        }

        JsonPath awaitOrder(String id, String status) {
            JsonPath[] last = new JsonPath[1];
            Eventually.until(Duration.ofSeconds(20), "order " + id + " " + status, () -> {
                last[0] = get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
                return status.equals(last[0].getString("order.status"));
            });
            return last[0];
        }

        JsonPath reconciliation() {
            return get("/api/bots/" + bot + "/reconciliation").then().statusCode(200).extract().jsonPath();
        }
    }

    @Test
    void hand_orders_on_a_live_bot_reach_the_fake_binance_and_its_reports_come_back() {
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        venueClockAt(System.currentTimeMillis());
        Market m = new Market(first, 7, 20);
        try {
            // an order placed on the venue directly, before the bot: the platform must report it and leave it alone
            FakeSpotEngine.Reply foreign = m.engine().place(m.apiKey, Map.of("symbol", m.symbol, "side", "BUY",
                    "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.100", "price", "50.00",
                    "newClientOrderId", "placed-on-the-venue"));
            assertThat(foreign.status()).as(foreign.body()).isEqualTo(200);
            // the owner wants to hear of differences with the venue (a receiver that is down: the log shows it)
            String endpoint = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("name", "drift", "format", "generic", "url", "http://127.0.0.1:9/drift",
                            "events", List.of("bot.venue_drift")))
                    .post("/api/notifications/endpoints").then().statusCode(201).extract().path("endpoint.id");
            VenueCandle candle = m.manualBotTradingLive();
            JsonPath reconciliation = m.reconciliation();
            assertThat(reconciliation.getList("drifts.code", String.class)).contains("unknown_venue_order");
            assertThat(reconciliation.getList("drifts.clientOrderId", String.class)).contains("placed-on-the-venue");
            Eventually.until(Duration.ofSeconds(10), "the drift queued for the owner's endpoint",
                    () -> given().header("Authorization", trader.bearer())
                            .get("/api/notifications/endpoints/" + endpoint + "/deliveries").then().statusCode(200)
                            .extract().jsonPath().getList("items.kind", String.class).contains("bot.venue_drift"));

            // placement: on the venue's book under the platform's client order id, then filled in two prints
            m.engine().fees(m.apiKey, FakeSpotEngine.FeeAsset.QUOTE, "0.001");
            BigDecimal below = candle.close().subtract(new BigDecimal("5.00"));
            Response placed = m.order("buy", "limit", "1.000", below.toPlainString());
            placed.then().statusCode(201);
            String buyId = placed.path("id");
            String buyCid = placed.path("clientOrderId");
            m.awaitOrder(buyId, "accepted");
            assertThat(m.venueOrder(buyCid).getString("status")).isEqualTo("NEW");
            assertThat(m.engine().placed(m.apiKey, buyCid)).isEqualTo(1);
            assertThat(binance.placements().stream().filter(r -> buyCid.equals(r.param("newClientOrderId")))
                    .map(r -> r.method() + " " + r.path())).as("on the report stream's WebSocket API connection")
                    .containsExactly("WS order.place");
            m.engine().trade(m.symbol, below.toPlainString(), "0.400");
            m.awaitOrder(buyId, "partially_filled");
            m.engine().trade(m.symbol, below.toPlainString(), "0.600");
            JsonPath filled = m.awaitOrder(buyId, "filled");
            assertThat(filled.getList("fills.feeAsset", String.class)).containsExactly("USDT", "USDT");
            assertThat(filled.getList("fills.quantity", String.class).stream().map(BigDecimal::new).toList())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.4"), new BigDecimal("0.6"));
            BigDecimal quoteFee = filled.getList("fills.fee", String.class).stream().map(BigDecimal::new)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(quoteFee).isEqualByComparingTo(below.multiply(new BigDecimal("0.001")));

            // a market sell with its fee in BNB (a third asset, booked as such)
            m.engine().fees(m.apiKey, FakeSpotEngine.FeeAsset.BNB, "0.001");
            m.engine().bnbPrice("USDT", "500");
            Response sold = m.order("sell", "market", "0.300", null);
            sold.then().statusCode(201);
            JsonPath sell = m.awaitOrder((String) sold.path("id"), "filled");
            assertThat(sell.getList("fills.feeAsset", String.class)).containsExactly("BNB");

            JsonPath fills = get("/api/fills?bot=" + m.bot).then().statusCode(200).extract().jsonPath();
            assertThat(fills.getList("items.feeAsset", String.class)).containsExactlyInAnyOrder("USDT", "USDT", "BNB");
            JsonPath orders = get("/api/orders?bot=" + m.bot).then().statusCode(200).extract().jsonPath();
            assertThat(orders.getList("items.id", String.class)).contains(buyId, (String) sold.path("id"));
            JsonPath portfolio = get("/api/bots/" + m.bot + "/portfolio").then().statusCode(200).extract().jsonPath();
            assertThat(portfolio.prettify()).contains("BNB");
            assertThat(new BigDecimal(portfolio.getString("positions[0].quantity")))
                    .isEqualByComparingTo(new BigDecimal("0.7"));

            // cancel: gone from the venue's book, canceled here
            Response resting = m.order("buy", "limit", "0.500", below.subtract(BigDecimal.TEN).toPlainString());
            String restingId = resting.path("id");
            m.awaitOrder(restingId, "accepted");
            given().header("Authorization", trader.bearer()).post("/api/orders/" + restingId + "/cancel").then()
                    .statusCode(200);
            m.awaitOrder(restingId, "canceled");
            assertThat(m.venueOrder((String) resting.path("clientOrderId")).getString("status")).isEqualTo("CANCELED");

            // a filter failure: refused with the reason, nothing left open on the venue
            Response tiny = m.order("buy", "limit", "0.001", below.toPlainString());
            tiny.then().statusCode(201);
            JsonPath refused = awaitFinal(m, (String) tiny.path("id"));
            assertThat(refused.getString("order.status")).isIn("rejected", "denied");
            assertThat(refused.prettify().toLowerCase()).contains("notional");

            // the kill switch: the bot's open order canceled on the venue, the foreign one untouched
            Response working = m.order("buy", "limit", "0.500", below.subtract(BigDecimal.ONE).toPlainString());
            String workingId = working.path("id");
            m.awaitOrder(workingId, "accepted");
            given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "test halt")).post("/api/risk/halt").then().statusCode(200);
            m.awaitOrder(workingId, "canceled");
            assertThat(m.venueOrder((String) working.path("clientOrderId")).getString("status")).isEqualTo("CANCELED");
            assertThat(m.venueOpenOrders().stream().map(o -> ((JsonObject) o).getString("clientOrderId")).toList())
                    .containsExactly("placed-on-the-venue");
            assertThat(m.engine().placed(m.apiKey, buyCid)).as("nothing sent twice").isEqualTo(1);
        } finally {
            given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "test over")).post("/api/risk/resume");
            if (m.bot != null) {
                given().header("Authorization", trader.bearer()).post("/api/bots/" + m.bot + "/stop");
            }
            binance.clockOffset(Duration.ZERO);
            binanceAdapter().serverTime();
        }
    }

    /**
     * GET /api/accounts/{id}/reconciliation after a live bot traded: its ledger (the budget less the buy and its fee,
     * plus the bought base) is what it claims of the venue account; the rest of the account (the key's other 500
     * USDT, its BNB) is unallocated, and nothing drifts. Once the bot is stopped it claims nothing.
     */
    @Test
    void the_accounts_wallet_counts_what_a_live_bots_trades_left_in_its_ledger_and_nothing_once_it_stopped() {
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        venueClockAt(System.currentTimeMillis());
        Market m = new Market(first, 13, 10);
        try {
            m.manualBotTradingLive();
            m.engine().fees(m.apiKey, FakeSpotEngine.FeeAsset.QUOTE, "0.001");
            Response bought = m.order("buy", "market", "1.000", null);
            bought.then().statusCode(201);
            m.awaitOrder((String) bought.path("id"), "filled");

            JsonPath wallet = get("/api/accounts/" + m.account + "/reconciliation").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(wallet.getBoolean("reconciled")).as(wallet.prettify()).isTrue();
            assertThat(wallet.getList("bots")).containsExactly(m.bot);
            assertThat(wallet.getMap("assets.find { it.asset == '" + m.base + "' }")).as(wallet.prettify())
                    .containsEntry("venueTotal", "1").containsEntry("ledgers", "1").containsEntry("unallocated", "0")
                    .containsEntry("drift", false);
            Map<String, Object> usdt = wallet.getMap("assets.find { it.asset == 'USDT' }");
            assertThat(new BigDecimal((String) usdt.get("ledgers"))).as(wallet.prettify())
                    .isLessThan(new BigDecimal("500"));
            assertThat(usdt).containsEntry("unallocated", "500").containsEntry("drift", false);
            assertThat(wallet.getMap("assets.find { it.asset == 'BNB' }")).containsEntry("ledgers", "0")
                    .containsEntry("unallocated", "1");

            given().header("Authorization", trader.bearer()).post("/api/bots/" + m.bot + "/stop").then()
                    .statusCode(200);
            Eventually.until(Duration.ofSeconds(15), "the stopped bot no longer counted",
                    () -> get("/api/accounts/" + m.account + "/reconciliation").then().statusCode(200).extract()
                            .jsonPath().getList("bots").isEmpty());
            JsonPath alone = get("/api/accounts/" + m.account + "/reconciliation").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(alone.getMap("assets.find { it.asset == '" + m.base + "' }"))
                    .containsEntry("ledgers", "0").containsEntry("unallocated", "1");
        } finally {
            if (m.bot != null) {
                given().header("Authorization", trader.bearer()).post("/api/bots/" + m.bot + "/stop");
            }
            binance.clockOffset(Duration.ZERO);
            binanceAdapter().serverTime();
        }
    }

    @Test
    void a_limit_price_outside_the_venues_percent_price_band_is_refused_before_it_reaches_the_venue() {
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        venueClockAt(System.currentTimeMillis());
        Market m = new Market(first, 11, 10);
        try {
            // buys and sells within [0.95, 1.05] of the venue's average price 100: [95, 105]
            binance.percentPriceBySide(m.symbol, "1.05", "0.95", "1.05", "0.95", 5);
            m.engine().averagePrice(m.symbol, "100.00");
            sync.syncAll();
            m.manualBotTradingLive();
            long placedBefore = m.engine().orderCount(m.apiKey);

            Response outside = m.order("buy", "limit", "0.100", "105.01");
            outside.then().statusCode(201);
            JsonPath refused = awaitFinal(m, (String) outside.path("id"));
            assertThat(refused.getString("order.status")).isEqualTo("rejected");
            assertThat(refused.prettify()).contains("venue_filter")
                    .contains("buy price 105.01 is above 105 (the venue's average price 100 x 1.05");
            assertThat(m.engine().orderCount(m.apiKey)).as("nothing reached the venue").isEqualTo(placedBefore);
            assertThat(m.engine().placed(m.apiKey, (String) outside.path("clientOrderId"))).isZero();
            Eventually.until(Duration.ofSeconds(10), "the refusal in the bot's events",
                    () -> get("/api/bots/" + m.bot + "/events?limit=100").then().statusCode(200).extract()
                            .asString().contains("blocked (venue_filter)"));

            Response edge = m.order("buy", "limit", "0.100", "95.00");
            edge.then().statusCode(201);
            m.awaitOrder((String) edge.path("id"), "accepted");
            assertThat(m.engine().placed(m.apiKey, (String) edge.path("clientOrderId"))).isEqualTo(1);
        } finally {
            if (m.bot != null) {
                given().header("Authorization", trader.bearer()).post("/api/bots/" + m.bot + "/stop");
            }
            binance.clockOffset(Duration.ZERO);
            binanceAdapter().serverTime();
        }
    }

    @Test
    void a_strategy_buy_worth_less_than_the_venues_minimum_notional_is_not_sent_and_the_minimum_is_journaled() {
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        venueClockAt(System.currentTimeMillis());
        Market m = new Market(first, 13, 10);
        try {
            // the listing's NOTIONAL filter: 5 USDT; a dca buy of 3 USDT on every candle
            sync.syncAll();
            m.liveBot("dca", Map.of("interval", "1", "amount", "3", "take_profit", "10", "max_buys", "1000"));
            m.start();
            Eventually.until(Duration.ofSeconds(20), "the account reconciled",
                    () -> m.reconciliation().getBoolean("reconciled"));
            for (int i = 0; i < 3; i++) {
                VenueCandle candle = m.close();
                awaitBot(m.bot, b -> b.getString("lastStep") != null
                        && Instant.parse(b.getString("lastStep")).toEpochMilli() == candle.openTime());
            }
            String events = get("/api/bots/" + m.bot + "/events?limit=100").then().statusCode(200).extract()
                    .asString();
            assertThat(events).as("the minimum the session sizes against, journaled")
                    .contains("venue_min_notional").contains("the venue's minimum order notional is 5 ");
            // ignored before an order exists: no order refused at every candle, none sent
            assertThat(orders(m.bot)).isEmpty();
            assertThat(m.engine().orderCount(m.apiKey)).isZero();
        } finally {
            if (m.bot != null) {
                given().header("Authorization", trader.bearer()).post("/api/bots/" + m.bot + "/stop");
            }
            binance.clockOffset(Duration.ZERO);
            binanceAdapter().serverTime();
        }
    }

    @Test
    void the_live_accounts_own_limits_refuse_a_hand_order_before_it_reaches_the_venue_the_tightest_winning() {
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        venueClockAt(System.currentTimeMillis());
        Market m = new Market(first, 13, 10);
        try {
            // the bot allows 200 an order; the account, set after the bot started, 20: the tighter one wins
            VenueCandle candle = m.manualBotTradingLive();
            given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("currency", "USDT", "maxOrderNotional", "20", "maxDailyLoss", "10"))
                    .put("/api/accounts/" + m.account + "/limits").then().statusCode(200);
            long placedBefore = m.engine().orderCount(m.apiKey);
            BigDecimal price = candle.close().subtract(new BigDecimal("1.00"));
            // 0.300 x price (about 100) is about 30 > 20
            Response large = m.order("buy", "limit", "0.300", price.toPlainString());
            large.then().statusCode(201);
            JsonPath refused = awaitFinal(m, (String) large.path("id"));
            assertThat(refused.getString("order.status")).isEqualTo("rejected");
            assertThat(refused.prettify()).contains("account_max_order_notional")
                    .contains("exceeds the live account's max order notional of 20 USDT");
            assertThat(m.engine().orderCount(m.apiKey)).as("nothing reached the venue").isEqualTo(placedBefore);
            Eventually.until(Duration.ofSeconds(10), "the refusal in the bot's events",
                    () -> get("/api/bots/" + m.bot + "/events?limit=100").then().statusCode(200).extract()
                            .asString().contains("blocked (account_max_order_notional)"));

            Response small = m.order("buy", "limit", "0.100", price.toPlainString());
            small.then().statusCode(201);
            m.awaitOrder((String) small.path("id"), "accepted");
            assertThat(m.engine().placed(m.apiKey, (String) small.path("clientOrderId"))).isEqualTo(1);
        } finally {
            if (m.bot != null) {
                given().header("Authorization", trader.bearer()).post("/api/bots/" + m.bot + "/stop");
            }
            binance.clockOffset(Duration.ZERO);
            binanceAdapter().serverTime();
        }
    }

    @Test
    void a_live_bot_on_the_fake_binance_and_a_paper_bot_on_the_same_candles_decide_the_same_at_the_same_candles() {
        // fees in the quote here; the test below takes them from the bought base (dust after each sell)
        liveAndPaperTwins(FakeSpotEngine.FeeAsset.QUOTE, (m, live) -> { });
    }

    @Test
    void with_the_fee_taken_from_the_bought_base_the_dust_left_after_a_sell_is_flat_and_the_strategy_enters_again() {
        // fees in the received asset, as Binance takes them: a buy of q credits q less 0.1 % of the base, the
        // closing sell sells that rounded down to the step 0.001, and less than a step stays: dust, flat for the
        // strategy, which enters again
        liveAndPaperTwins(FakeSpotEngine.FeeAsset.RECEIVED, (m, live) -> {
            int firstSell = live.indexOf(live.stream().filter(x -> x.endsWith("sell")).findFirst().orElseThrow());
            assertThat(live.subList(firstSell, live.size())).as("an entry after the first round trip: %s", live)
                    .anyMatch(x -> x.endsWith("buy"));
            JsonPath portfolio = get("/api/bots/" + m.bot + "/portfolio").then().statusCode(200).extract().jsonPath();
            assertThat(portfolio.prettify()).as("the dust is still held").contains(m.base);
            // the position is shown whole, marked dust after a closing sell (less than a step stays), a position
            // after an entry
            boolean endedOnSell = live.get(live.size() - 1).endsWith("sell");
            assertThat(portfolio.getList("positions")).as(portfolio.prettify()).hasSize(1);
            assertThat(new BigDecimal(portfolio.getString("positions[0].quantity"))).isPositive();
            assertThat(portfolio.getString("positions[0].dust")).as(portfolio.prettify())
                    .isEqualTo(Boolean.toString(endedOnSell));
            if (endedOnSell) {
                assertThat(new BigDecimal(portfolio.getString("positions[0].quantity")))
                        .isLessThan(new BigDecimal("0.001"));
            }
            // the summary marks the bot's dust as its portfolio does, and shows what the dust is worth in exposure
            JsonPath summary = get("/api/portfolio/summary").then().statusCode(200).extract().jsonPath();
            summary.setRootPath("currencies.find { it.currency == 'USDT' }");
            List<Map<String, Object>> shares = summary.getList("bots");
            assertThat(shares).as(summary.prettify()).filteredOn(b -> m.bot.equals(b.get("botId"))).singleElement()
                    .satisfies(b -> assertThat(b.get("dust")).isEqualTo(endedOnSell));
            if (endedOnSell) {
                Map<String, String> dust = summary.getMap("dustExposure");
                assertThat(dust).as(summary.prettify()).containsKey(m.base);
                assertThat(new BigDecimal(dust.get(m.base))).isPositive().isLessThanOrEqualTo(
                        new BigDecimal(summary.getMap("exposure").get(m.base).toString()));
            }
        });
    }

    /**
     * A live bot (sma_crossover 2/5) on the fake Binance, with fees in {@code fees}, and a paper twin on the same live
     * candles: the same sides at the same candles, every live order filled; then {@code after} with the live
     * decisions ("openTime:side").
     */
    private void liveAndPaperTwins(FakeSpotEngine.FeeAsset fees,
                                   java.util.function.BiConsumer<Market, List<String>> after) {
        long first = Timeframe.M1.floor(System.currentTimeMillis());
        venueClockAt(System.currentTimeMillis());
        int candles = 40;
        Market m = new Market(first, 20_261_212, candles);
        Map<String, String> sma = Map.of("fast", "2", "slow", "5");
        Map<String, String> limits = Map.of("maxOrderNotional", "1000", "maxDailyLoss", "500");
        String paper = null;
        try {
            m.engine().fees(m.apiKey, fees, "0.001");
            m.liveBot("sma_crossover", sma, limits);
            String paperAccount = io.cryptobot.app.support.TradingFixtures.paperAccount(trader, "500");
            Map<String, Object> request = new HashMap<>();
            request.put("name", "paper twin " + UUID.randomUUID());
            request.put("strategy", "sma_crossover");
            request.put("parameters", sma);
            request.put("instrument", m.instrument.toString());
            request.put("timeframe", "1m");
            request.put("accountId", paperAccount);
            request.put("feed", Map.of("kind", "live"));
            request.put("limits", limits);
            paper = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                    .post("/api/bots").then().statusCode(201).extract().path("id");
            m.start(m.bot);
            m.start(paper);
            Eventually.until(Duration.ofSeconds(20), "the live account reconciled",
                    () -> m.reconciliation().getBoolean("reconciled"));
            Eventually.until(Duration.ofSeconds(20), "both bots on the feed",
                    () -> feeds.status(m.instrument, Timeframe.M1).exists(s -> s.subscribers() >= 2));
            List<String> live = new java.util.ArrayList<>();
            List<String> simulated = new java.util.ArrayList<>();
            int liveSeen = 0;
            int paperSeen = 0;
            for (int i = 0; i < candles; i++) {
                VenueCandle candle = m.close();
                String bot = m.bot;
                String twin = paper;
                awaitBot(bot, b -> stepped(b, candle));
                awaitBot(twin, b -> stepped(b, candle));
                // the live bot's market orders end on the venue before the next candle closes
                Eventually.until(Duration.ofSeconds(20), "live orders ended", () -> openOrders(bot).isEmpty());
                List<Map<String, Object>> liveOrders = orders(bot);
                List<Map<String, Object>> paperOrders = orders(twin);
                for (Map<String, Object> o : liveOrders.subList(liveSeen, liveOrders.size())) {
                    live.add(candle.openTime() + ":" + o.get("side"));
                }
                for (Map<String, Object> o : paperOrders.subList(paperSeen, paperOrders.size())) {
                    simulated.add(candle.openTime() + ":" + o.get("side"));
                }
                liveSeen = liveOrders.size();
                paperSeen = paperOrders.size();
            }
            assertThat(live).as("the strategy traded on these candles").anyMatch(s -> s.endsWith("buy"))
                    .anyMatch(s -> s.endsWith("sell"));
            assertThat(live).as("live orders %s; live bot events %s", orders(m.bot),
                    get("/api/bots/" + m.bot + "/events?limit=100").asString()).isEqualTo(simulated);
            assertThat(orders(m.bot)).extracting(o -> o.get("status")).containsOnly("filled");
            after.accept(m, live);
        } finally {
            for (String bot : java.util.Arrays.asList(m.bot, paper)) {
                if (bot != null) {
                    given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop");
                }
            }
        }
    }


    private static boolean stepped(JsonPath bot, VenueCandle candle) {
        return bot.getString("lastStep") != null
                && Instant.parse(bot.getString("lastStep")).toEpochMilli() >= candle.openTime();
    }

    /** The bot's orders, oldest first. */
    private List<Map<String, Object>> orders(String bot) {
        List<Map<String, Object>> items = get("/api/orders?bot=" + bot + "&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<Map<String, Object>> sorted = new java.util.ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparing(o -> String.valueOf(o.get("id"))));
        return sorted;
    }

    private List<Map<String, Object>> openOrders(String bot) {
        return orders(bot).stream().filter(o -> !List.of("filled", "canceled", "rejected", "denied", "expired")
                .contains(o.get("status"))).toList();
    }

    private JsonPath awaitFinal(Market m, String id) {
        JsonPath[] last = new JsonPath[1];
        Eventually.until(Duration.ofSeconds(20), "order " + id + " final", () -> {
            last[0] = get("/api/orders/" + id).then().statusCode(200).extract().jsonPath();
            return List.of("rejected", "denied").contains(last[0].getString("order.status"));
        });
        return last[0];
    }

    private JsonPath awaitBot(String id, java.util.function.Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        Eventually.until(Duration.ofSeconds(30), "bot " + id, () -> {
            last[0] = get("/api/bots/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(last[0].getString("status")).as(last[0].prettify()).isNotEqualTo("failed");
            return until.test(last[0]);
        });
        return last[0];
    }

    private void venueClockAt(long epochMillis) {
        binance.clockOffset(Duration.ofMillis(epochMillis - System.currentTimeMillis()));
        assertThat(binanceAdapter().serverTime().isRight()).isTrue();
    }

    private VenueMarketData binanceAdapter() {
        return venues.stream().filter(v -> v.venue().code().equals("BINANCE")).findFirst().orElseThrow();
    }

    private Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private static String random64() {
        StringBuilder s = new StringBuilder();
        while (s.length() < 64) {
            s.append(Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36));
        }
        return s.substring(0, 64);
    }
}
