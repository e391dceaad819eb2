package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.cryptobot.marketdata.domain.TimeRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parity of a paper bot on the live candles of {@code SIM} (600 times faster in tests) with a backtest over the
 * candles it recorded, across strategies of the catalog and parameters whose signals flip often (a 2-candle average
 * against a 20-candle one changes sign on a one-tick move). Every bot runs at once, each for its own user on its own
 * account; each is compared with the backtest of exactly the range its events name: its warm-up from the first
 * candle it warmed up on, its trading from its feed's start to its last step. Fills are compared field by field:
 * side, candle time, price, quantity, fee.
 */
@QuarkusTest
class LiveBacktestParityTest {
    private static final String BTC = "SIM:BTC/USDT";
    /** Candles each bot trades on before it is stopped (10 s of SIM in tests). */
    private static final int TRADED = 100;

    record Case(String strategy, Map<String, String> parameters) {
        @Override
        public String toString() {
            return strategy + " " + parameters;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("sma_crossover", Map.of("fast", "2", "slow", "20")),
            new Case("sma_crossover", Map.of("fast", "3", "slow", "10")),
            new Case("sma_crossover", Map.of("fast", "5", "slow", "20")),
            new Case("sma_crossover", Map.of("fast", "2", "slow", "5")),
            new Case("ema_crossover", Map.of("fast", "2", "slow", "20")),
            new Case("rsi_mean_reversion", Map.of("period", "5", "oversold", "40", "overbought", "60")),
            new Case("bollinger_breakout", Map.of("period", "10", "k", "1")),
            new Case("macd", Map.of("fast", "3", "slow", "10", "signal", "4")));

    @Inject
    SeedSyntheticDataUseCase seed;

    @Inject
    LoadCandlesQuery candles;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @Test
    void live_bots_trade_exactly_as_backtests_over_the_range_they_report() {
        seed.seed();
        List<Running> bots = new ArrayList<>();
        for (Case c : CASES) {
            TestUser trader = TestUsers.create("trader");
            bots.add(new Running(c, trader, startLiveBot(trader, c)));
        }
        for (Running bot : bots) {
            awaitTraded(bot, TRADED / 2);
        }
        // every session lost at once, as in a crash (nothing stored changes), rebuilt from the journal and caught up
        for (Running bot : bots) {
            runner.release(new BotId(UUID.fromString(bot.id)));
        }
        sleepMillis(1_000);
        resume.resumeLiveBots();
        for (Running bot : bots) {
            awaitTraded(bot, TRADED);
        }
        for (Running bot : bots) {
            given().header("Authorization", bot.trader.bearer()).post("/api/bots/" + bot.id + "/stop").then()
                    .statusCode(200);
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Running bot : bots) {
            JsonPath done = get(bot, "/api/bots/" + bot.id).then().statusCode(200).extract().jsonPath();
            Instant from = Instant.parse(done.getString("feed.from"));
            Instant last = Instant.parse(done.getString("lastStep"));
            JsonPath events = get(bot, "/api/bots/" + bot.id + "/events?limit=100").then().statusCode(200)
                    .extract().jsonPath();
            List<String> kinds = events.getList("items.kind", String.class);
            String warmedUp = events.getList("items.reason", String.class).get(kinds.indexOf("warmed_up"));
            java.util.regex.Matcher needs = java.util.regex.Pattern.compile("the strategy needs (\\d+)")
                    .matcher(warmedUp);
            assertThat(needs.find()).as(warmedUp).isTrue();
            long warmUp = Long.parseLong(needs.group(1));
            assertThat(kinds).as("%s", bot.c).containsSubsequence("warmed_up", "recovered")
                    .doesNotContain("warm_up_short", "candles_missed", "incident");
            assertThat(done.getLong("steps")).as("%s: every candle stepped once", bot.c)
                    .isEqualTo(warmUp + Duration.between(from, last).toMinutes() + 1);
            awaitStored(from.minus(Duration.ofMinutes(warmUp)), last);
            String backtest = backtest(bot, from, last.plusSeconds(60));
            List<Map<String, Object>> expected = fills(bot.trader, "/api/backtests/" + backtest
                    + "/fills?limit=10000", "time");
            List<Map<String, Object>> actual = fills(bot.trader, "/api/fills?bot=" + bot.id + "&limit=10000",
                    "executedAt");
            compared += expected.size();
            System.out.printf("parity %s from %s to %s: %d fills by the bot, %d by the backtest%n", bot.c, from,
                    last, actual.size(), expected.size());
            if (!actual.equals(expected)) {
                failures.add(bot.c + " from " + from + " to " + last + ":\n  bot      " + actual
                        + "\n  backtest " + expected);
            }
        }
        assertThat(failures).as("bots whose fills differ from their backtest's").isEmpty();
        assertThat(compared).as("fills compared over every case").isGreaterThan(CASES.size());
    }

    private record Running(Case c, TestUser trader, String id) {
    }

    private String startLiveBot(TestUser trader, Case c) {
        String account = TradingFixtures.paperAccount(trader, "10000");
        Map<String, Object> request = new HashMap<>();
        request.put("name", "parity " + UUID.randomUUID());
        request.put("strategy", c.strategy());
        request.put("parameters", c.parameters());
        request.put("instrument", BTC);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "live"));
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/start").then().statusCode(200)
                .body("status", equalTo("running"));
        return bot;
    }

    private String backtest(Running bot, Instant from, Instant to) {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", bot.c.strategy());
        request.put("parameters", bot.c.parameters());
        request.put("instruments", List.of(BTC));
        request.put("timeframe", "1m");
        request.put("from", from.toString());
        request.put("to", to.toString());
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String id = given().header("Authorization", bot.trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/backtests").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String status = get(bot, "/api/backtests/" + id).then().statusCode(200).extract().path("status");
            if ("completed".equals(status)) {
                return id;
            }
            assertThat(status).isIn("queued", "running", "storing");
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleep();
        }
    }

    /** Fills as side, candle time, price, quantity and fee (decimals by value), in time order. */
    static List<Map<String, Object>> fills(TestUser trader, String path, String timeField) {
        List<Map<String, Object>> fills = new ArrayList<>();
        for (Map<String, Object> f : given().header("Authorization", trader.bearer()).get(path).then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            Map<String, Object> fill = new HashMap<>();
            fill.put("side", f.get("side").toString().toLowerCase(java.util.Locale.ROOT));
            fill.put("time", Instant.parse((String) f.get(timeField)));
            for (String field : List.of("price", "quantity", "fee")) {
                fill.put(field, new BigDecimal(String.valueOf(f.get(field))).stripTrailingZeros());
            }
            fills.add(fill);
        }
        fills.sort(Comparator.comparing((Map<String, Object> f) -> (Instant) f.get("time"))
                .thenComparing(f -> (String) f.get("side")));
        return fills;
    }

    private void awaitTraded(Running bot, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonPath b = get(bot, "/api/bots/" + bot.id).then().statusCode(200).extract().jsonPath();
            String from = b.getString("feed.from");
            String last = b.getString("lastStep");
            if (from != null && last != null
                    && Duration.between(Instant.parse(from), Instant.parse(last)).toMinutes() + 1 >= count) {
                return;
            }
            assertThat(b.getString("status")).as("%s: %s", bot.c, b.getString("statusReason"))
                    .isNotEqualTo("failed");
            assertThat(System.nanoTime()).as("%s at %s", bot.c, last).isLessThan(deadline);
            sleep();
        }
    }

    /** Waits until every 1m candle of [from, last] is stored (the feed stores asynchronously). */
    private void awaitStored(Instant from, Instant last) {
        InstrumentId btc = InstrumentId.parse(BTC).get();
        long count = Duration.between(from, last).toMinutes() + 1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (candles.load(new UserId(UUID.randomUUID()), btc, Timeframe.M1,
                new TimeRange(from.toEpochMilli(), last.toEpochMilli() + 60_000), 10_000).get().candles().size()
                != count) {
            assertThat(System.nanoTime()).as("candles up to %s stored", last).isLessThan(deadline);
            sleep();
        }
    }

    private static io.restassured.response.Response get(Running bot, String path) {
        return given().header("Authorization", bot.trader.bearer()).get(path);
    }

    private static void sleep() {
        sleepMillis(100);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
