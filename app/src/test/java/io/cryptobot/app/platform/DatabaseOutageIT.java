package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.cryptobot.app.support.TradingScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL is killed with SIGKILL while two bots run and hand orders are placed, as a disk or
 * memory fault would kill it. While it is down every request is answered (503 problem+json with Retry-After,
 * never 500), readiness says why, the outage is logged once when it starts and once when it ends (no stack trace
 * per request); the server is restarted by the application; the bots resume by themselves from their journals;
 * nothing acknowledged is lost or duplicated (every invariant of {@link TradingScenario#check}).
 */
class DatabaseOutageIT {
    private PackagedApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_api_answers_503_while_the_database_is_down_and_bots_resume_when_it_is_back() throws Exception {
        app = new PackagedApp("db-outage").start();
        String token = app.login();
        TradingScenario orders = new TradingScenario("OUTAGE").setUp(app.as(() -> token),
                List.of("outage a", "outage b"), "1200");
        for (int i = 0; i < 6; i++) {
            place(orders, token, orders.accounts.get(i % 2), "before-" + i, i % 3 == 2);
        }
        Map<String, Long> stepsBefore = new HashMap<>();
        for (String bot : orders.bots) {
            stepsBefore.put(bot, app.call("GET", "/api/bots/" + bot, token, null, 200).get("steps").asLong());
        }

        for (int round = 0; round < 2; round++) {
            ProcessHandle postmaster = postmaster();
            postmaster.destroyForcibly();
            postmaster.onExit().get();
            List<Integer> statuses = new ArrayList<>();
            boolean readinessSaidWhy = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int n = 0;
            while (true) {
                String account = orders.accounts.get(n % 2);
                Map<String, Object> body = orders.body(account, "during-" + round + "-" + n, "market", null);
                HttpResponse<String> placed = app.send("POST", "/api/orders", token, body);
                statuses.add(placed.statusCode());
                if (placed.statusCode() == 503) {
                    assertThat(placed.headers().firstValue("Retry-After")).isPresent();
                    assertThat(placed.headers().firstValue("Content-Type").orElse(""))
                            .startsWith("application/problem+json");
                    assertThat(PackagedApp.JSON.readTree(placed.body()).get("code").asText())
                            .isIn("server.unavailable", "bot.recovering");
                } else if (placed.statusCode() == 201) {
                    orders.ack(body, PackagedApp.JSON.readTree(placed.body()).get("id").asText());
                } else {
                    assertThat(placed.statusCode()).as("%s", placed.body()).isIn(201, 503);
                }
                HttpResponse<String> read = app.send("GET", "/api/bots/" + orders.bots.get(n % 2), token, null);
                statuses.add(read.statusCode());
                assertThat(read.statusCode()).as("%s", read.body()).isIn(200, 503);
                // a read that always asks the database (orders of a running bot are refused by the paused bot
                // itself, and kept pages may answer reads): the API sees the outage, and says so in one line
                HttpResponse<String> accounts = app.send("GET", "/api/accounts", token, null);
                statuses.add(accounts.statusCode());
                assertThat(accounts.statusCode()).as("%s", accounts.body()).isIn(200, 503);
                HttpResponse<String> ready = app.send("GET", "/q/health/ready", null, null);
                if (ready.statusCode() == 503) {
                    readinessSaidWhy |= ready.body().contains("\"database\"") && ready.body().contains("DOWN");
                } else if (statuses.contains(503) && placed.statusCode() == 201 && read.statusCode() == 200) {
                    break;
                }
                assertThat(System.nanoTime()).as("the database did not come back: %s", statuses)
                        .isLessThan(deadline);
                n++;
                Thread.sleep(20);
            }
            assertThat(statuses).as("answers while the database was down").contains(503).doesNotContain(500);
            assertThat(readinessSaidWhy).as("readiness named the database while it was down").isTrue();
        }

        // the bots resume by themselves, their steps go on, and nothing acknowledged was lost or duplicated
        for (String bot : orders.bots) {
            PackagedApp.await(() -> app.call("GET", "/api/bots/" + bot, token, null, 200),
                    j -> j.get("status").asText().equals("running") && j.get("steps").asLong() > stepsBefore.get(bot)
                            + 50, Duration.ofSeconds(60));
        }
        for (int i = 0; i < 4; i++) {
            place(orders, token, orders.accounts.get(i % 2), "after-" + i, false);
        }
        orders.check(app.as(() -> token));

        String log = Files.readString(app.dataDir.resolve("app.log"));
        // one line per outage the API saw (a round may be seen only as bots rebuilding), one when it ended
        assertThat(log.lines().filter(l -> l.contains("Database unreachable (")).count())
                .as("outage start lines").isBetween(1L, 2L);
        assertThat(log.lines().filter(l -> l.contains("Database reachable again")).count())
                .as("outage end lines").isEqualTo(log.lines().filter(l -> l.contains("Database unreachable ("))
                        .count());
        assertThat(log.lines().filter(l -> l.contains("Embedded PostgreSQL restarted")).count()).isEqualTo(2);
        assertThat(log).doesNotContain("Unexpected error").doesNotContain("Could not stop postmaster");
    }

    private void place(TradingScenario orders, String token, String account, String clientOrderId, boolean limit)
            throws Exception {
        Map<String, Object> body = orders.body(account, clientOrderId, limit ? "limit" : "market",
                limit ? "1000.00" : null);
        JsonNode placed = app.call("POST", "/api/orders", token, body, 201);
        orders.ack(body, placed.get("id").asText());
    }

    private ProcessHandle postmaster() throws Exception {
        Path pid = app.dataDir.resolve("pgdata").resolve("postmaster.pid");
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().trim())).orElseThrow();
    }
}
