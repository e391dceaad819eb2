package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobot.app.support.TradingScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as a real process: started on a fresh data directory (embedded PostgreSQL), a paper
 * bot and a long backtest started, the process killed with SIGKILL while both are running, started again on the
 * same data directory (which also proves the orphaned database server is recovered); the run is found
 * interrupted, resumed and completed, and the bot is rebuilt by itself from its journal and ends with exactly the
 * trades and orders a backtest of the same strategy over the same candles has: nothing lost, nothing placed twice.
 */
class ProcessRestartIT {
    private static final String BOT_FROM = "2020-01-01T00:00:00Z";
    private static final String BOT_TO = "2020-01-03T00:00:00Z";
    private PackagedApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void work_running_when_the_process_is_killed_survives_the_restart()
            throws Exception {
        app = new PackagedApp("restart-it").start();
        String token = app.login();

        // a long history, so the run is still going when the process dies
        String instrument = "RESTART:BTC/USDT";
        call("POST", "/api/marketdata/instruments", token, Map.of("venue", "RESTART", "base", "BTC", "quote", "USDT",
                "tickSize", "0.01", "stepSize", "0.00001"), 201);
        JsonNode job = call("POST", "/api/marketdata/synthetic", token, Map.of("instrument", instrument,
                "timeframe", "1m", "from", "2020-01-01T00:00:00Z", "count", 1_500_000, "seed", 5,
                "startPrice", "30000.00", "volatility", 0.001), 202);
        await(() -> call("GET", "/api/marketdata/imports/" + job.get("id").asText(), token, null, 200),
                j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(3));
        // a paper bot replaying two days at 50 candles a second: still running when the process dies
        JsonNode account = call("POST", "/api/accounts/paper", token, Map.of("name", "restart paper",
                "balances", Map.of("USDT", "10000")), 201);
        Map<String, Object> bot = new java.util.HashMap<>();
        bot.put("name", "restart bot");
        bot.put("strategy", "sma_crossover");
        bot.put("parameters", Map.of("fast", "5", "slow", "20"));
        bot.put("instrument", instrument);
        bot.put("timeframe", "1m");
        bot.put("accountId", account.get("id").asText());
        bot.put("feed", Map.of("from", BOT_FROM, "to", BOT_TO, "speed", "3000"));
        bot.put("takerFee", "0.001");
        String botId = call("POST", "/api/bots", token, bot, 201).get("id").asText();
        call("POST", "/api/bots/" + botId + "/start", token, null, 200);
        await(() -> call("GET", "/api/bots/" + botId, token, null, 200), j -> j.get("steps").asLong() > 300,
                Duration.ofSeconds(60));

        JsonNode run = call("POST", "/api/backtests", token, Map.of("strategy", "sma_crossover",
                "instruments", java.util.List.of(instrument), "timeframe", "1m", "from", "2020-01-01T00:00:00Z",
                "to", "2023-01-01T00:00:00Z"), 202);
        String id = run.get("id").asText();
        await(() -> call("GET", "/api/backtests/" + id, token, null, 200),
                j -> j.get("status").asText().equals("running"), Duration.ofSeconds(60));

        app.kill();
        app.start();
        String again = app.login();
        JsonNode interrupted = call("GET", "/api/backtests/" + id, again, null, 200);
        assertThat(interrupted.get("status").asText()).isEqualTo("interrupted");
        call("POST", "/api/backtests/" + id + "/resume", again, null, 202);
        JsonNode done = await(() -> call("GET", "/api/backtests/" + id, again, null, 200),
                j -> !List.of("queued", "running", "storing").contains(j.get("status").asText()),
                Duration.ofMinutes(3));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("attempt").asInt()).isEqualTo(2);
        JsonNode report = call("GET", "/api/backtests/" + id + "/report", again, null, 200);
        assertThat(report.get("candles").asLong()).isEqualTo(1_500_000);

        JsonNode finished = await(() -> call("GET", "/api/bots/" + botId, again, null, 200),
                j -> !j.get("status").asText().equals("running"), Duration.ofMinutes(3));
        assertThat(finished.get("status").asText()).isEqualTo("completed");
        JsonNode events = call("GET", "/api/bots/" + botId + "/events?limit=10000", again, null, 200).get("items");
        assertThat(events.findValuesAsText("kind")).containsSubsequence("started", "recovered", "completed");
        String check = call("POST", "/api/backtests", again, Map.of("strategy", "sma_crossover",
                "parameters", Map.of("fast", 5, "slow", 20), "instruments", java.util.List.of(instrument),
                "timeframe", "1m", "from", BOT_FROM, "to", BOT_TO, "takerFee", "0.001"), 202).get("id").asText();
        await(() -> call("GET", "/api/backtests/" + check, again, null, 200),
                j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(2));
        JsonNode expected = call("GET", "/api/backtests/" + check + "/trades?limit=10000", again, null, 200).get("items");
        JsonNode actual = call("GET", "/api/bots/" + botId + "/trades?limit=10000", again, null, 200).get("items");
        assertThat(expected.size()).isGreaterThan(5);
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            assertThat(java.time.Instant.parse(a.get("entryTime").asText()))
                    .isEqualTo(java.time.Instant.parse(e.get("entryTime").asText()));
            assertThat(java.time.Instant.parse(a.get("exitTime").asText()))
                    .isEqualTo(java.time.Instant.parse(e.get("exitTime").asText()));
            for (String field : java.util.List.of("quantity", "entryPrice", "exitPrice", "grossPnl", "fees", "netPnl")) {
                assertThat(new java.math.BigDecimal(a.get(field).asText()))
                        .as("trade %d %s", i + 1, field).isEqualByComparingTo(new java.math.BigDecimal(e.get(field).asText()));
            }
        }
        long orders = call("GET", "/api/orders?bot=" + botId + "&limit=1", again, null, 200).get("total").asLong();
        JsonNode checkReport = call("GET", "/api/backtests/" + check + "/report", again, null, 200);
        assertThat(orders).isEqualTo(checkReport.get("orders").asLong());
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        return app.call(method, path, token, body, expected);
    }

    private static JsonNode await(TradingScenario.Poll poll, java.util.function.Predicate<JsonNode> until,
                                  Duration limit) throws Exception {
        return PackagedApp.await(poll, until, limit);
    }
}
