package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.market.VenueCandle;
import io.cryptobot.kernel.domain.market.VenueSymbol;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.marketdata.application.port.in.LiveFeedStatusQuery;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SyncVenueInstrumentsUseCase;
import io.cryptobot.marketdata.domain.TimeRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Paper bots on a venue's live candles, against the test venue {@code SCRIPTLIVE} whose candles and clock a test
 * drives ({@link ScriptedLiveVenue}): one step per closed candle on the same session as a replay; hand orders, the
 * kill switch and limits as on replays; a stale feed or a halted instrument blocks openings (journaled, reducing
 * still allowed); and after a restart (its feed's last candles not stored) the bot rebuilds from the store and the
 * feed, catches up on every candle it missed, says so, and still trades exactly as a backtest of the same candles.
 */
@QuarkusTest
class LiveFeedBotTest {
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    ScriptedLiveVenue venue;

    @Inject
    LiveFeedStatusQuery feeds;

    @Inject
    LoadCandlesQuery candles;

    @Inject
    SyncVenueInstrumentsUseCase sync;

    @Inject
    BotRunner runner;

    @Inject
    SubscribeLiveCandlesUseCase live;

    @Inject
    ResumeLiveBotsUseCase resume;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void a_live_bot_steps_once_per_closed_candle_and_an_order_by_hand_fills_on_the_next_one() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), null);
        get("/api/bots/" + bot).then().statusCode(200).body("feed.kind", equalTo("live"))
                .body("feed.from", nullValue()).body("feed.to", nullValue()).body("feed.speed", nullValue());

        VenueCandle first = venue.publish(instrument, 1).getFirst();
        JsonPath stepped = awaitBot(bot, b -> at(b, "lastStep") == first.openTime());
        assertThat(at(stepped, "feed.from")).as("it trades from the first candle that closed").isEqualTo(first.openTime());
        assertThat(new BigDecimal(stepped.getString("lastClose"))).isEqualByComparingTo(first.close());
        Response placed = placeOrder(account, instrument, "buy", "0.01", null);
        placed.then().statusCode(201).body("status", equalTo("submitted"));

        VenueCandle second = venue.publish(instrument, 1).getFirst();
        awaitBot(bot, b -> at(b, "lastStep") == second.openTime());
        JsonPath order = get("/api/orders/" + placed.path("id")).then().statusCode(200).extract().jsonPath();
        assertThat(order.getString("order.status")).isEqualTo("filled");
        // at the next candle's open, 2 bps of slippage against the buyer, on the tick
        assertThat(new BigDecimal(order.getString("fills[0].price"))).isEqualByComparingTo(second.open()
                .multiply(new BigDecimal("1.0002")).setScale(2, java.math.RoundingMode.CEILING));
        assertThat(get("/api/bots/" + bot).then().extract().jsonPath().getLong("steps")).isEqualTo(2);
        assertThat(kinds(bot)).containsSubsequence("created", "started", "warmed_up");
    }

    @Test
    void a_stale_feed_blocks_openings_but_not_reducing_and_the_next_candle_allows_them_again() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), null);
        long first = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == first);
        placeOrder(account, instrument, "buy", "0.02", null).then().statusCode(201);
        long second = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == second);

        venue.advance(Duration.ofMinutes(3));   // no candle for three intervals by the venue's clock
        await(() -> kinds(bot).contains("opening_blocked"), "openings blocked on the stale feed");
        assertThat(event(bot, "opening_blocked").getString("reason")).contains("is stale");

        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201)
                .body("status", equalTo("denied"));
        placeOrder(account, instrument, "sell", "0.01", null).then().statusCode(201)
                .body("status", equalTo("submitted"));
        JsonPath blocks = get("/api/risk/blocks?bot=" + bot).then().statusCode(200).extract().jsonPath();
        assertThat(blocks.getList("items.rule", String.class)).containsExactly("opening_blocked");
        assertThat(blocks.getString("items[0].refusals[0].reason")).contains("would add to the position");

        long third = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == third);
        assertThat(kinds(bot)).containsSubsequence("opening_blocked", "opening_allowed", "late_candles");
        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201)
                .body("status", equalTo("submitted"));
        JsonPath portfolio = get("/api/bots/" + bot + "/portfolio").then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(portfolio.getString("positions[0].quantity"))).as("0.02 bought, 0.01 sold")
                .isEqualByComparingTo("0.01");
    }

    @Test
    void an_instrument_its_venue_halts_blocks_openings_until_it_trades_again() {
        InstrumentId instrument = listed();
        sync.syncAll();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), null);
        long first = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == first);

        venue.status(instrument, VenueSymbol.Status.HALTED);
        sync.syncAll();
        await(() -> kinds(bot).contains("opening_blocked"), "openings blocked on the halted instrument");
        assertThat(event(bot, "opening_blocked").getString("reason")).contains("halted");
        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201)
                .body("status", equalTo("denied"));

        venue.status(instrument, VenueSymbol.Status.TRADING);
        sync.syncAll();
        await(() -> kinds(bot).contains("opening_allowed"), "openings allowed once it trades");
        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201)
                .body("status", equalTo("submitted"));
    }

    @Test
    void the_kill_switch_halts_a_live_bot_as_it_halts_a_replay() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), null);
        long first = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == first);
        String resting = placeOrder(account, instrument, "buy", "0.01", "1000.00").then().statusCode(201)
                .extract().path("id");

        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "venue outage")).post("/api/risk/halt").then().statusCode(200);

        get("/api/bots/" + bot).then().body("status", equalTo("paused"));
        get("/api/orders/" + resting).then().body("order.status", equalTo("canceled"));
        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201).body("status", equalTo("denied"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "all clear")).post("/api/risk/resume").then().statusCode(200);
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/resume").then().statusCode(200);
        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201)
                .body("status", equalTo("submitted"));
        assertThat(kinds(bot)).containsSubsequence("trading_halted", "paused", "trading_resumed", "resumed");
    }

    @Test
    void a_live_bots_own_limits_refuse_an_order_as_on_a_replay() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), Map.of("maxOrderNotional", "100"));
        long first = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == first);

        placeOrder(account, instrument, "buy", "0.01", null).then().statusCode(201).body("status", equalTo("denied"));
        placeOrder(account, instrument, "buy", "0.001", null).then().statusCode(201)
                .body("status", equalTo("submitted"));
        JsonPath blocks = get("/api/risk/blocks?bot=" + bot).then().statusCode(200).extract().jsonPath();
        assertThat(blocks.getList("items.rule", String.class)).containsExactly("max_order_notional");
    }

    @Test
    void after_a_restart_a_live_bot_catches_up_every_missed_candle_once_says_so_and_trades_as_a_backtest() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "sma_crossover", Map.of("fast", "2", "slow", "5"), null);
        List<VenueCandle> before = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            before.addAll(venue.publish(instrument, 10));
            long last = before.getLast().openTime();
            awaitBot(bot, b -> at(b, "lastStep") == last);
        }

        long stepped = before.getLast().openTime();
        await(() -> stored(instrument, before.getFirst().openTime(), stepped) == before.size(), "60 candles stored");
        runner.release(new BotId(UUID.fromString(bot)));   // as a crash would: nothing stored changes
        await(() -> feeds.status(instrument, Timeframe.M1).isEmpty(), "the feed stopped with its last subscriber");
        // and as if the feed had not yet stored its last 8 candles when the process died: the rebuild takes them
        // from the new feed, which fetches them from the venue again
        pool.preparedQuery("DELETE FROM marketdata.candles WHERE instrument_id = (SELECT id FROM "
                        + "marketdata.instruments WHERE venue = $1 AND base = $2) AND open_time > $3")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(instrument.venue().code(),
                        instrument.base().code(), before.get(before.size() - 9).openTime()));
        assertThat(stored(instrument, before.getFirst().openTime(), stepped)).isEqualTo(before.size() - 8);
        List<VenueCandle> missed = venue.publish(instrument, 15);
        resume.resumeLiveBots();
        long caughtUpTo = missed.getLast().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == caughtUpTo);
        List<VenueCandle> after = venue.publish(instrument, 5);
        long end = after.getLast().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == end);
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);

        JsonPath done = get("/api/bots/" + bot).then().extract().jsonPath();
        long start = before.getFirst().openTime();
        assertThat(at(done, "feed.from")).isEqualTo(start);
        assertThat(done.getLong("steps")).as("every candle once, none twice or missed (no stored warm-up)")
                .isEqualTo(before.size() + missed.size() + after.size());
        List<String> kinds = kinds(bot);
        assertThat(kinds).containsSubsequence("started", "warm_up_short", "recovered", "late_candles", "caught_up",
                "stopped");
        assertThat(kinds).doesNotContain("candles_missed", "incident");
        assertThat(event(bot, "recovered").getString("reason")).contains("60 steps up to "
                + Instant.ofEpochMilli(stepped) + " (8 of their candles from the live feed, not yet stored)");
        assertThat(event(bot, "caught_up").getString("reason")).startsWith("caught up 15 candles from "
                + Instant.ofEpochMilli(missed.getFirst().openTime()) + " to " + Instant.ofEpochMilli(caughtUpTo));

        await(() -> stored(instrument, start, end) == before.size() + missed.size() + after.size(),
                "the feed's candles stored");
        String backtest = LiveSimBots.backtest(trader, "sma_crossover", instrument.toString(),
                Map.of("fast", "2", "slow", "5"), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end + 60_000));
        List<Map<String, Object>> expected = LiveSimBots.backtestTrades(trader, backtest);
        assertThat(expected).isNotEmpty();
        assertThat(LiveSimBots.botTrades(trader, bot)).isEqualTo(expected);
    }

    @Test
    void a_live_bot_warms_up_on_exactly_the_window_a_backtest_from_its_first_candle_warms_up_on() {
        InstrumentId instrument = listed();
        // the feed on and 8 candles stored before the bot starts
        LiveSubscription watcher = live.subscribe(LiveCandleRequest.fromNow(instrument, Timeframe.M1),
                (LiveCandle candle) -> { }).get();
        await(() -> feeds.status(instrument, Timeframe.M1).exists(s -> s.subscribers() == 1 && s.connected()),
                "the feed on its venue");
        List<VenueCandle> history = venue.publish(instrument, 8);
        await(() -> stored(instrument, history.getFirst().openTime(), history.getLast().openTime()) == 8,
                "the history stored");
        String account = TradingFixtures.paperAccount(trader, "10000");
        Map<String, String> sma = Map.of("fast", "2", "slow", "5");
        String bot = startedLiveBot(instrument, account, "sma_crossover", sma, null, 2);
        // the venue has no candle for the next minute: the bot's first candle to trade on does not follow the last
        // one it was handed to warm up on (h7); a backtest from that candle warms up on the 5 minutes before it
        // (h4 to h7, and the minute without a candle), so the bot must too, not on the 5 candles h3 to h7
        venue.skip(instrument);
        List<VenueCandle> traded = venue.publish(instrument, 40);
        long end = traded.getLast().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == end);
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);
        watcher.close();

        JsonPath done = get("/api/bots/" + bot).then().extract().jsonPath();
        long start = traded.getFirst().openTime();
        assertThat(at(done, "feed.from")).isEqualTo(start);
        assertThat(done.getLong("steps")).as("4 warm-up candles, then every candle traded")
                .isEqualTo(4 + traded.size());
        assertThat(kinds(bot)).contains("warm_up_short").doesNotContain("warmed_up", "candles_missed", "incident");
        assertThat(event(bot, "warm_up_short").getString("reason")).contains("4 candles from "
                + Instant.ofEpochMilli(history.get(4).openTime()) + " to "
                + Instant.ofEpochMilli(history.getLast().openTime()) + " of the 5 the strategy needs");
        String backtest = LiveSimBots.backtest(trader, "sma_crossover", instrument.toString(), sma,
                Instant.ofEpochMilli(start), Instant.ofEpochMilli(end + 60_000));
        assertThat(LiveSimBots.fills(trader, "/api/fills?bot=" + bot + "&limit=10000", "executedAt"))
                .isEqualTo(LiveSimBots.fills(trader, "/api/backtests/" + backtest + "/fills?limit=10000",
                        "time"));
    }

    @Test
    void a_live_bot_is_rebuilt_from_the_candles_its_feed_served_not_from_its_owners_private_dataset() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), null);
        List<VenueCandle> first = venue.publish(instrument, 3);
        awaitBot(bot, b -> at(b, "lastStep") == first.getLast().openTime());
        Response placed = placeOrder(account, instrument, "buy", "0.01", null);
        placed.then().statusCode(201);
        List<VenueCandle> more = venue.publish(instrument, 3);
        awaitBot(bot, b -> at(b, "lastStep") == more.getLast().openTime());
        await(() -> stored(instrument, first.getFirst().openTime(), more.getLast().openTime()) == 6,
                "the feed's candles stored");
        // the owner's own private candles over the same minutes, at other prices: the owner's reads (and backtests)
        // see them, the venue's feed never served them
        TradingFixtures.generateCandles(trader, instrument.toString(),
                Instant.ofEpochMilli(first.getFirst().openTime()).toString(), 6);

        runner.release(new BotId(UUID.fromString(bot)));   // as a crash would: nothing stored changes
        await(() -> feeds.status(instrument, Timeframe.M1).isEmpty(), "the feed stopped with its last subscriber");
        resume.resumeLiveBots();
        await(() -> kinds(bot).stream().anyMatch(k -> k.equals("recovered") || k.equals("incident")),
                "the bot rebuilt");
        assertThat(kinds(bot)).contains("recovered").doesNotContain("incident");
        JsonPath order = get("/api/orders/" + placed.path("id")).then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(order.getString("fills[0].price"))).isEqualByComparingTo(more.getFirst().open()
                .multiply(new BigDecimal("1.0002")).setScale(2, java.math.RoundingMode.CEILING));
        List<VenueCandle> after = venue.publish(instrument, 1);
        awaitBot(bot, b -> at(b, "lastStep") == after.getLast().openTime());
        assertThat(get("/api/bots/" + bot).then().extract().jsonPath().getString("status")).isEqualTo("running");
    }

    @Test
    void a_minute_the_venue_skips_and_a_candle_that_comes_after_the_next_one_are_said_and_never_traded_twice() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        String bot = startedLiveBot(instrument, account, "manual", Map.of(), null);
        long first = venue.publish(instrument, 2).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == first + 60_000);

        // a minute without trades: the venue has no candle for it, the bot steps on the next one and says so
        venue.skip(instrument);
        long afterSkip = venue.publish(instrument, 1).getFirst().openTime();
        awaitBot(bot, b -> at(b, "lastStep") == afterSkip);
        assertThat(event(bot, "candles_missed").getString("reason")).startsWith("1 candle from "
                + Instant.ofEpochMilli(afterSkip - 60_000) + " to " + Instant.ofEpochMilli(afterSkip - 60_000)
                + " never came");

        // a candle that comes after the next one: the next one is traded (the venue had nothing before it when
        // asked); the late one is stored and said, never traded
        Runnable late = venue.publishSecondFirst(instrument);
        long second = afterSkip + 2 * 60_000;
        awaitBot(bot, b -> at(b, "lastStep") == second);
        late.run();
        long straggler = second - 60_000;
        await(() -> kinds(bot).contains("candle_out_of_order"), "the late candle said");
        assertThat(event(bot, "candle_out_of_order").getString("reason")).startsWith("the 1m candle at "
                + Instant.ofEpochMilli(straggler) + " came ").contains("no decision was made on it (the bot is at "
                + Instant.ofEpochMilli(second) + ")");
        long next = venue.publish(instrument, 1).getFirst().openTime();
        JsonPath done = awaitBot(bot, b -> at(b, "lastStep") == next);
        assertThat(done.getLong("steps")).as("each candle traded once; the skipped and the late one never")
                .isEqualTo(5);
        assertThat(kinds(bot).stream().filter("candles_missed"::equals)).hasSize(2);
        assertThat(kinds(bot).stream().filter("candle_out_of_order"::equals)).hasSize(1);
        await(() -> stored(instrument, first, next) == 6, "the late candle stored with the others");
    }

    @Test
    void a_live_feed_takes_no_replay_fields_and_needs_a_venue_with_live_candles() {
        InstrumentId instrument = listed();
        String account = TradingFixtures.paperAccount(trader, "10000");
        Map<String, Object> request = liveBot(instrument, account, "manual", Map.of(), null);
        request.put("feed", Map.of("kind", "live", "from", "2024-01-01T00:00:00Z", "speed", "60"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("bot.invalid_input"))
                .body("errors.field", org.hamcrest.Matchers.contains("from", "speed"));
        request.put("feed", Map.of("kind", "websocket"));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("feed.kind"));
        Map<String, Object> historyOnly = liveBot(InstrumentId.parse(TradingFixtures.newInstrumentWithCandles(trader,
                "2024-01-01T00:00:00Z", 5)).get(), account, "manual", Map.of(), null);
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(historyOnly)
                .post("/api/bots").then().statusCode(400)
                .body("errors[0].field", equalTo("instrument"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("no live market data"));
    }

    // ---- helpers ----

    /** How many candles of the instrument opening in [from, last] are stored. */
    private long stored(InstrumentId instrument, long from, long last) {
        return candles.load(new io.cryptobot.kernel.domain.UserId(java.util.UUID.randomUUID()), instrument, Timeframe.M1, new TimeRange(from, last + 60_000), 10_000).get().candles()
                .size();
    }

    /** A fresh pair listed on the scripted venue and defined in the catalog. */
    private InstrumentId listed() {
        String base = "LV" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        base = base.substring(0, Math.min(base.length(), 12));
        given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("venue", ScriptedLiveVenue.VENUE.code(), "base", base, "quote", "USDT",
                        "tickSize", "0.01", "stepSize", "0.00001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        return venue.list(base);
    }

    private Map<String, Object> liveBot(InstrumentId instrument, String account, String strategy,
                                        Map<String, String> parameters, Map<String, String> limits) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "live " + UUID.randomUUID());
        request.put("strategy", strategy);
        request.put("parameters", parameters);
        request.put("instrument", instrument.toString());
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        if (limits != null) {
            request.put("limits", limits);
        }
        return request;
    }

    /** Creates and starts a live bot, then waits until it is on its feed (so the next candle published is its). */
    private String startedLiveBot(InstrumentId instrument, String account, String strategy,
                                  Map<String, String> parameters, Map<String, String> limits) {
        return startedLiveBot(instrument, account, strategy, parameters, limits, 1);
    }

    /** Creates and starts a live bot, then waits until the feed has {@code subscribers}, the bot one of them. */
    private String startedLiveBot(InstrumentId instrument, String account, String strategy,
                                  Map<String, String> parameters, Map<String, String> limits, int subscribers) {
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON)
                .body(liveBot(instrument, account, strategy, parameters, limits)).post("/api/bots").then()
                .statusCode(201).body("feed.kind", equalTo("live")).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200)
                .body("status", equalTo("running"));
        await(() -> feeds.status(instrument, Timeframe.M1).exists(s -> s.subscribers() == subscribers),
                "the bot on its feed");
        return bot;
    }

    private Response placeOrder(String account, InstrumentId instrument, String side, String quantity,
                                String limitPrice) {
        Map<String, Object> order = new HashMap<>();
        order.put("accountId", account);
        order.put("instrument", instrument.toString());
        order.put("side", side);
        order.put("type", limitPrice == null ? "market" : "limit");
        order.put("quantity", quantity);
        if (limitPrice != null) {
            order.put("limitPrice", limitPrice);
            order.put("timeInForce", "gtc");
        }
        return given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(order)
                .post("/api/orders");
    }

    private List<String> kinds(String bot) {
        return get("/api/bots/" + bot + "/events?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.kind", String.class);
    }

    /** The bot's last event of this kind. */
    private JsonPath event(String bot, String kind) {
        List<Map<String, Object>> items = get("/api/bots/" + bot + "/events?limit=100").then().extract().jsonPath()
                .getList("items");
        Map<String, Object> found = items.stream().filter(i -> kind.equals(i.get("kind"))).reduce((a, b) -> b)
                .orElseThrow();
        return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found).toString());
    }

    private static long at(JsonPath bot, String path) {
        String time = bot.getString(path);
        return time == null ? Long.MIN_VALUE : Instant.parse(time).toEpochMilli();
    }

    private JsonPath awaitBot(String id, java.util.function.Predicate<JsonPath> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath bot = get("/api/bots/" + id).then().statusCode(200).extract().jsonPath();
            if (until.test(bot)) {
                return bot;
            }
            assertThat(bot.getString("status")).as("bot %s: %s", id, bot.getString("statusReason"))
                    .isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("bot %s at %s", id, bot.getString("lastStep")).isLessThan(deadline);
            sleep();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            sleep();
        }
    }

    private Response get(String path) {
        return given().header("Authorization", trader.bearer()).get(path);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
