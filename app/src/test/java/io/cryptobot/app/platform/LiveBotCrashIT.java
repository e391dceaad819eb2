package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.app.support.TradingScenario;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paper bots on live prices under SIGKILL: the packaged application with the simulated venue {@code SIM} running 60
 * times faster (a 1m candle a second) and anchored by configuration, so its clock goes on while the process is down
 * and the candles that closed meanwhile must be caught up, as with a real venue. A {@code sma_crossover} bot on a live
 * feed trades alone on its account; two manual live bots carry hand orders and cancels on theirs. The process is
 * killed while orders and cancels are in flight, and once right after a kill-switch change. After each restart: the
 * bots are running again and their events say which candles they decided on late (from the recovery to the first
 * on-time candle), nothing acknowledged is lost, placed twice or reuses an id, a halt holds; in the end the sma bot's
 * trades are exactly those of a backtest over the candles stored meanwhile.
 */
class LiveBotCrashIT {
    private static final String BTC = "SIM:BTC/USDT";
    private static final long MINUTE = 60_000;
    private PackagedApp app;
    private String token;
    private TradingScenario orders;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void live_paper_bots_resume_catch_up_late_and_lose_nothing_whatever_is_in_flight_at_a_kill() throws Exception {
        app = new PackagedApp("live-crash-it")
                .env("CRYPTOBOT_VENUES_SIM_SPEED", "60")
                .env("CRYPTOBOT_VENUES_SIM_ANCHOR", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        app.start();
        token = app.login();
        String smaAccount = app.call("POST", "/api/accounts/paper", token, Map.of("name", "live sma",
                "balances", Map.of("USDT", "10000")), 201).get("id").asText();
        String sma = startSmaBot(smaAccount);
        orders = new TradingScenario("SIM").setUpLive(app.as(() -> token), List.of("live a", "live b"));
        List<String> accounts = orders.accounts;
        List<String> bots = new ArrayList<>(orders.bots);
        bots.add(sma);
        awaitBot(sma, b -> candlesTraded(b) >= 25, Duration.ofSeconds(90));
        // a closed trade before the kills, so the comparison with the backtest below is never a vacuous one (the
        // SIM walk starts where the clock is: some walks take a while to cross back)
        PackagedApp.await(() -> app.call("GET", "/api/bots/" + sma + "/trades?limit=1", token, null, 200),
                page -> !page.get("items").isEmpty(), Duration.ofSeconds(300));

        // hand orders and cancels on both manual bots' accounts, killed at two points
        int restarts = 0;
        for (long killAfter : new long[] {700, 1_900}) {
            Map<String, Instant> before = lastSteps(bots);
            List<OrderStorm.Sent> unanswered =
                    OrderStorm.placeUntilKilled(app, token, orders, "l", accounts, killAfter);
            restart();
            restarts++;
            for (OrderStorm.Sent lost : unanswered) {
                HttpResponse<String> again = app.send("POST", "/api/orders", token, lost.body());
                assertThat(again.statusCode()).as("re-sent %s: %s", lost.body(), again.body()).isIn(200, 201);
                orders.ack(lost.body(), PackagedApp.JSON.readTree(again.body()).get("id").asText());
            }
            for (String bot : bots) {
                caughtUp(bot, before.get(bot), restarts);
            }
            orders.check(app.as(() -> token));
        }

        // the sma bot, alone on its account, against a backtest over the candles stored meanwhile
        app.call("POST", "/api/bots/" + sma + "/stop", token, null, 200);
        JsonNode done = app.call("GET", "/api/bots/" + sma, token, null, 200);
        Instant from = Instant.parse(done.get("feed").get("from").asText());
        Instant last = Instant.parse(done.get("lastStep").asText());
        assertThat(kinds(sma)).containsSubsequence("warmed_up", "recovered", "late_candles", "caught_up", "recovered",
                "late_candles", "caught_up").doesNotContain("candles_missed", "incident", "failed");
        assertThat(done.get("steps").asLong()).as("no candle missed or played twice")
                .isEqualTo(20 + Duration.between(from, last).toMinutes() + 1);
        awaitStored(from.minus(Duration.ofMinutes(20)), last);
        List<Map<String, Object>> expected = trades("/api/backtests/" + backtest(from, last.plusSeconds(60))
                + "/trades?limit=10000");
        assertThat(expected).as("trades of the backtest (at least the one awaited before the kills)")
                .isNotEmpty();
        assertThat(trades("/api/bots/" + sma + "/trades?limit=10000")).isEqualTo(expected);

        // halt, then SIGKILL at once: the halt holds (orders denied, open orders canceled, bots paused)
        String open = place(accounts.get(0), "halt-open", "limit", "1000.00");
        app.call("POST", "/api/risk/halt", token, Map.of("reason", "live crash test"), 200);
        orders.halted();
        app.kill();
        restart();
        assertThat(app.call("GET", "/api/risk/state", token, null, 200).get("state").asText()).isEqualTo("halted");
        assertThat(app.call("GET", "/api/orders/" + open, token, null, 200).get("order").get("status").asText())
                .isEqualTo("canceled");
        for (String account : accounts) {
            Map<String, Object> market = orders.body(account, "halted-" + account.substring(0, 8), "market", null);
            JsonNode denied = app.call("POST", "/api/orders", token, market, 201);
            assertThat(denied.get("status").asText()).isEqualTo("denied");
        }
        for (String bot : orders.bots) {
            assertThat(app.call("GET", "/api/bots/" + bot, token, null, 200).get("status").asText())
                    .as("bot %s after the halt and the restart", bot).isEqualTo("paused");
        }
        app.call("POST", "/api/risk/resume", token, Map.of("reason", "live crash test over"), 200);
        for (String bot : orders.bots) {
            Instant paused = Instant.parse(app.call("GET", "/api/bots/" + bot, token, null, 200).get("lastStep")
                    .asText());
            app.call("POST", "/api/bots/" + bot + "/resume", token, null, 200);
            awaitBot(bot, b -> Instant.parse(b.get("lastStep").asText()).isAfter(paused.plusSeconds(120)),
                    Duration.ofSeconds(60));
        }
        String market = place(accounts.get(1), "after-halt", "market", null);
        orders.check(app.as(() -> token));
        assertThat(app.call("GET", "/api/orders/" + market, token, null, 200).get("order").get("status").asText())
                .isEqualTo("filled");
    }

    /**
     * After a restart, {@code bot} runs again and goes on past where it was; the candles it missed were caught up
     * late and its events say so: this restart's {@code recovered}, then a run of late candles from right after its
     * last step before the kill, closed by {@code caught_up} at an on-time candle.
     */
    private void caughtUp(String bot, Instant before, int restarts) throws Exception {
        JsonNode events = PackagedApp.await(() -> app.call("GET", "/api/bots/" + bot + "/events?limit=10000", token,
                null, 200).get("items"), items -> count(items, "caught_up") >= restarts, Duration.ofSeconds(90));
        JsonNode status = app.call("GET", "/api/bots/" + bot, token, null, 200);
        assertThat(status.get("status").asText()).as("bot %s: %s", bot, status).isEqualTo("running");
        assertThat(Instant.parse(status.get("lastStep").asText())).isAfter(before);
        assertThat(count(events, "recovered")).as("bot %s", bot).isEqualTo(restarts);
        JsonNode opened = last(events, "late_candles");
        JsonNode closed = last(events, "caught_up");
        assertThat(opened.get("reason").asText()).as("bot %s", bot).startsWith("deciding on late candles from");
        Instant firstLate = Instant.parse(opened.get("reason").asText().split(" ")[5]);
        assertThat(firstLate).as("bot %s: the late run starts after its last step before the kill (%s)", bot, before)
                .isAfter(before.minusMillis(MINUTE * 2)).isBeforeOrEqualTo(before.plusMillis(MINUTE * 3));
        assertThat(closed.get("reason").asText()).as("bot %s", bot).startsWith("caught up ")
                .contains("the decisions on them were made late");
        assertThat(kinds(bot)).doesNotContain("candles_missed", "incident", "failed");
    }

    private static long count(JsonNode events, String kind) {
        long n = 0;
        for (JsonNode event : events) {
            if (event.get("kind").asText().equals(kind)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode last(JsonNode events, String kind) {
        JsonNode found = null;
        for (JsonNode event : events) {
            if (event.get("kind").asText().equals(kind)) {
                found = event;
            }
        }
        assertThat(found).as("a %s event in %s", kind, events).isNotNull();
        return found;
    }

    private Map<String, Instant> lastSteps(List<String> bots) throws Exception {
        Map<String, Instant> steps = new HashMap<>();
        for (String bot : bots) {
            steps.put(bot, Instant.parse(app.call("GET", "/api/bots/" + bot, token, null, 200).get("lastStep")
                    .asText()));
        }
        return steps;
    }

    private String startSmaBot(String account) throws Exception {
        Map<String, Object> bot = new HashMap<>();
        bot.put("name", "live sma");
        bot.put("strategy", "sma_crossover");
        bot.put("parameters", Map.of("fast", "2", "slow", "20"));
        bot.put("instrument", BTC);
        bot.put("timeframe", "1m");
        bot.put("accountId", account);
        bot.put("feed", Map.of("kind", "live"));
        bot.put("takerFee", "0.001");
        bot.put("slippageBps", "2");
        String id = app.call("POST", "/api/bots", token, bot, 201).get("id").asText();
        app.call("POST", "/api/bots/" + id + "/start", token, null, 200);
        return id;
    }

    private static long candlesTraded(JsonNode bot) {
        JsonNode from = bot.get("feed").get("from");
        JsonNode last = bot.get("lastStep");
        return from == null || from.isNull() || last == null || last.isNull() ? 0
                : Duration.between(Instant.parse(from.asText()), Instant.parse(last.asText())).toMinutes() + 1;
    }

    private JsonNode awaitBot(String bot, java.util.function.Predicate<JsonNode> until, Duration limit)
            throws Exception {
        return PackagedApp.await(() -> {
            JsonNode b = app.call("GET", "/api/bots/" + bot, token, null, 200);
            assertThat(b.get("status").asText()).as("bot %s: %s", bot, b).isNotEqualTo("failed");
            return b;
        }, until, limit);
    }

    private List<String> kinds(String bot) throws Exception {
        return app.call("GET", "/api/bots/" + bot + "/events?limit=10000", token, null, 200).get("items")
                .findValuesAsText("kind");
    }

    /** Waits until every 1m candle of [from, last] is stored (the feed stores asynchronously). */
    private void awaitStored(Instant from, Instant last) throws Exception {
        long count = Duration.between(from, last).toMinutes() + 1;
        String path = "/api/marketdata/candles/SIM/BTC/USDT?timeframe=1m&from=" + from + "&to="
                + last.plusSeconds(60) + "&limit=10000";
        PackagedApp.await(() -> app.call("GET", path, token, null, 200),
                page -> page.get("candles").size() == count, Duration.ofSeconds(60));
    }

    /** A completed backtest of the sma bot's strategy and costs over [from, to), 10,000 USDT. */
    private String backtest(Instant from, Instant to) throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", "2", "slow", "20"));
        request.put("instruments", List.of(BTC));
        request.put("timeframe", "1m");
        request.put("from", from.toString());
        request.put("to", to.toString());
        request.put("startingCash", "10000");
        request.put("takerFee", "0.001");
        request.put("slippageBps", "2");
        String id = app.call("POST", "/api/backtests", token, request, 202).get("id").asText();
        PackagedApp.await(() -> app.call("GET", "/api/backtests/" + id, token, null, 200),
                j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(2));
        return id;
    }

    /** A page of trades, times as instants and decimals by value, so a bot's and a backtest's compare. */
    private List<Map<String, Object>> trades(String path) throws Exception {
        List<Map<String, Object>> trades = new ArrayList<>();
        for (JsonNode t : app.call("GET", path, token, null, 200).get("items")) {
            Map<String, Object> trade = new HashMap<>();
            trade.put("entryTime", Instant.parse(t.get("entryTime").asText()));
            trade.put("exitTime", Instant.parse(t.get("exitTime").asText()));
            trade.put("instrument", t.get("instrument").asText());
            for (String field : List.of("quantity", "entryPrice", "exitPrice", "grossPnl", "fees", "netPnl")) {
                trade.put(field, new BigDecimal(t.get(field).asText()).stripTrailingZeros());
            }
            trades.add(trade);
        }
        return trades;
    }

    private String place(String account, String clientOrderId, String type, String limitPrice) throws Exception {
        Map<String, Object> body = orders.body(account, clientOrderId, type, limitPrice);
        String id = app.call("POST", "/api/orders", token, body, 201).get("id").asText();
        orders.ack(body, id);
        return id;
    }

    private void restart() throws Exception {
        app.start();
        token = app.login();
    }
}
