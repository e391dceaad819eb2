package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as a real process: started on a fresh data directory (embedded PostgreSQL), a paper
 * bot and a long backtest started, the process killed with SIGKILL while both are running, started again on the
 * same data directory (which also proves the orphaned database server is recovered); the run is found
 * interrupted, resumed and completed, and the bot resumes by itself from its checkpoint and ends with exactly the
 * trades and orders a backtest of the same strategy over the same candles has: nothing lost, nothing placed twice.
 */
class ProcessRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT_FROM = "2020-01-01T00:00:00Z";
    private static final String BOT_TO = "2020-01-03T00:00:00Z";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;
    private Path dataDir;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
        if (dataDir != null && !Boolean.getBoolean("keep.it.data")) {
            // the application stops its embedded server on a normal shutdown; the directory can go
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void work_running_when_the_process_is_killed_survives_the_restart()
            throws Exception {
        dataDir = Files.createTempDirectory("cryptobot-restart-it-");
        port = freePort();
        app = start();
        String token = login();

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

        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        app = start();
        String again = login();
        JsonNode interrupted = call("GET", "/api/backtests/" + id, again, null, 200);
        assertThat(interrupted.get("status").asText()).isEqualTo("interrupted");
        call("POST", "/api/backtests/" + id + "/resume", again, null, 202);
        JsonNode done = await(() -> call("GET", "/api/backtests/" + id, again, null, 200),
                j -> !j.get("status").asText().equals("queued") && !j.get("status").asText().equals("running"),
                Duration.ofMinutes(3));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("attempt").asInt()).isEqualTo(2);
        JsonNode report = call("GET", "/api/backtests/" + id + "/report", again, null, 200);
        assertThat(report.get("candles").asLong()).isEqualTo(1_500_000);

        JsonNode finished = await(() -> call("GET", "/api/bots/" + botId, again, null, 200),
                j -> !j.get("status").asText().equals("running"), Duration.ofMinutes(3));
        assertThat(finished.get("status").asText()).isEqualTo("completed");
        JsonNode events = call("GET", "/api/bots/" + botId + "/events", again, null, 200);
        assertThat(events.findValuesAsText("kind")).containsSubsequence("started", "reconciled", "completed");
        String check = call("POST", "/api/backtests", again, Map.of("strategy", "sma_crossover",
                "parameters", Map.of("fast", 5, "slow", 20), "instruments", java.util.List.of(instrument),
                "timeframe", "1m", "from", BOT_FROM, "to", BOT_TO, "takerFee", "0.001"), 202).get("id").asText();
        await(() -> call("GET", "/api/backtests/" + check, again, null, 200),
                j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(2));
        JsonNode expected = call("GET", "/api/backtests/" + check + "/trades?limit=10000", again, null, 200).get("items");
        JsonNode actual = call("GET", "/api/bots/" + botId + "/trades", again, null, 200);
        assertThat(expected.size()).isGreaterThan(5);
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            assertThat(java.time.Instant.parse(a.get("entryTime").asText()).toEpochMilli())
                    .isEqualTo(e.get("entryTime").asLong());
            assertThat(java.time.Instant.parse(a.get("exitTime").asText()).toEpochMilli())
                    .isEqualTo(e.get("exitTime").asLong());
            for (String field : java.util.List.of("quantity", "entryPrice", "exitPrice", "grossPnl", "fees", "netPnl")) {
                assertThat(new java.math.BigDecimal(a.get(field).asText()))
                        .as("trade %d %s", i + 1, field).isEqualByComparingTo(new java.math.BigDecimal(e.get(field).asText()));
            }
        }
        long orders = call("GET", "/api/orders?bot=" + botId + "&limit=1", again, null, 200).get("total").asLong();
        JsonNode checkReport = call("GET", "/api/backtests/" + check + "/report", again, null, 200);
        assertThat(orders).isEqualTo(checkReport.get("orders").asLong());
    }

    private Process start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-jar", System.getProperty("app.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        builder.environment().put("CRYPTOBOT_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("CRYPTOBOT_DB_URL");
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("the application exited; see %s", dataDir.resolve("app.log")).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("start-up took too long").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private String login() throws Exception {
        return call("POST", "/api/auth/login", null, Map.of("email", "demo@cryptobot.local",
                "password", "demo-password-123"), 200).get("accessToken").asText();
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    @FunctionalInterface
    private interface Poll {
        JsonNode get() throws Exception;
    }

    private static JsonNode await(Poll poll, Predicate<JsonNode> until, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode value = poll.get();
            if (until.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as("still %s", value).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
