package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The durable execution core under SIGKILL: the packaged application is killed while every kind of input is in
 * flight (hand orders on two accounts, cancels, a kill-switch change, a burst of one client order id) and
 * started again on the same data directory. After each restart: every acknowledged order exists with its body
 * and keeps its id, no id names two orders, every acknowledged market order executes exactly once, every
 * acknowledged cancel holds, every fill is on its own order with a trade id of its own, balances equal the
 * fills, a halt holds, and requests re-sent after the restart get the order the first one made.
 */
class ExecutionCrashIT {
    private static final String INSTRUMENT = "CRASH:BTC/USDT";
    private static final BigDecimal START = new BigDecimal("100000");
    private PackagedApp app;
    private String token;
    /** Every order acknowledged (201 or 200), by id: its client order id and body. */
    private final Map<String, Acked> acked = new HashMap<>();
    private final Set<String> ackedCancels = new HashSet<>();

    private record Acked(String clientOrderId, Map<String, Object> body) {
    }

    private record Sent(Map<String, Object> body, int status, String id) {
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void nothing_acknowledged_is_lost_or_reused_whatever_is_in_flight_at_a_kill() throws Exception {
        app = new PackagedApp("crash-it").start();
        token = app.login();
        app.call("POST", "/api/marketdata/instruments", token, Map.of("venue", "CRASH", "base", "BTC", "quote",
                "USDT", "tickSize", "0.01", "stepSize", "0.00001"), 201);
        JsonNode job = app.call("POST", "/api/marketdata/synthetic", token, Map.of("instrument", INSTRUMENT,
                "timeframe", "1m", "from", "2020-01-01T00:00:00Z", "count", 100_000, "seed", 9,
                "startPrice", "30000.00", "volatility", 0.001), 202);
        PackagedApp.await(() -> app.call("GET", "/api/marketdata/imports/" + job.get("id").asText(), token, null,
                200), j -> j.get("status").asText().equals("completed"), Duration.ofMinutes(2));
        List<String> accounts = new ArrayList<>();
        List<String> bots = new ArrayList<>();
        for (String name : List.of("crash a", "crash b")) {
            String account = app.call("POST", "/api/accounts/paper", token, Map.of("name", name,
                    "balances", Map.of("USDT", START.toPlainString())), 201).get("id").asText();
            Map<String, Object> bot = new HashMap<>();
            bot.put("name", name);
            bot.put("strategy", "manual");
            bot.put("instrument", INSTRUMENT);
            bot.put("timeframe", "1m");
            bot.put("accountId", account);
            bot.put("feed", Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-03-01T00:00:00Z", "speed", "1200"));
            bot.put("takerFee", "0.001");
            String id = app.call("POST", "/api/bots", token, bot, 201).get("id").asText();
            app.call("POST", "/api/bots/" + id + "/start", token, null, 200);
            accounts.add(account);
            bots.add(id);
        }
        for (String bot : bots) {
            PackagedApp.await(() -> app.call("GET", "/api/bots/" + bot, token, null, 200),
                    j -> j.get("steps").asLong() > 5, Duration.ofSeconds(30));
        }

        // hand orders and cancels on both accounts, killed at three points
        for (long killAfter : new long[] {600, 1_400, 2_600}) {
            List<Sent> unanswered = placeUntilKilled(accounts, killAfter);
            restart();
            for (Sent lost : unanswered) {
                // the same request again after the restart: the order the first one made, or a new one, never 409
                HttpResponse<String> again = app.send("POST", "/api/orders", token, lost.body());
                assertThat(again.statusCode()).as("re-sent %s: %s", lost.body(), again.body()).isIn(200, 201);
                ack(lost.body(), PackagedApp.JSON.readTree(again.body()).get("id").asText());
            }
            checkEverything(accounts, bots);
        }

        // halt, then SIGKILL at once: the halt holds (orders denied, open orders canceled)
        String open = place(accounts.get(0), "halt-open", "limit", "1000.00");
        app.call("POST", "/api/risk/halt", token, Map.of("reason", "crash test"), 200);
        app.kill();
        restart();
        assertThat(app.call("GET", "/api/risk/state", token, null, 200).get("state").asText()).isEqualTo("halted");
        assertThat(app.call("GET", "/api/orders/" + open, token, null, 200).get("order").get("status").asText())
                .isEqualTo("canceled");
        for (String account : accounts) {
            JsonNode denied = app.call("POST", "/api/orders", token, body(account, "halted-" + account.substring(0, 8), "market",
                    null), 201);
            assertThat(denied.get("status").asText()).isEqualTo("denied");
        }
        app.call("POST", "/api/risk/resume", token, Map.of("reason", "crash test over"), 200);
        for (String bot : bots) {
            app.call("POST", "/api/bots/" + bot + "/resume", token, null, 200);
        }

        // SIGKILL during a cancel: an acknowledged cancel holds, an unanswered one is either done or not at all
        for (long killAfter : new long[] {2, 15}) {
            String target = place(accounts.get(1), "cancel-" + killAfter, "limit", "1000.00");
            AtomicBoolean answered = new AtomicBoolean();
            Thread cancel = new Thread(() -> {
                try {
                    answered.set(app.send("POST", "/api/orders/" + target + "/cancel", token, null)
                            .statusCode() == 200);
                } catch (Exception killed) {
                    // the process died first
                }
            });
            cancel.start();
            Thread.sleep(killAfter);
            app.kill();
            cancel.join();
            restart();
            String status = app.call("GET", "/api/orders/" + target, token, null, 200).get("order").get("status")
                    .asText();
            if (answered.get()) {
                assertThat(status).isEqualTo("canceled");
            }
            assertThat(status).isIn("accepted", "canceled");
            app.call("POST", "/api/orders/" + target + "/cancel", token, null, status.equals("canceled") ? 409 : 200);
            acked.remove(target);
        }

        // SIGKILL during a burst of one client order id; re-sent after the restart: one order, one id
        Map<String, Object> burst = body(accounts.get(0), "burst-1", "market", null);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            pool.execute(() -> {
                try {
                    go.await();
                    HttpResponse<String> r = app.send("POST", "/api/orders", token, burst);
                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                        ids.add(PackagedApp.JSON.readTree(r.body()).get("id").asText());
                    }
                } catch (Exception killed) {
                    // the process died first
                }
            });
        }
        go.countDown();
        Thread.sleep(20);
        app.kill();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        restart();
        HttpResponse<String> again = app.send("POST", "/api/orders", token, burst);
        assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
        String id = PackagedApp.JSON.readTree(again.body()).get("id").asText();
        assertThat(ids).allMatch(id::equals);
        app.call("POST", "/api/orders", token, burst, 200);
        ack(burst, id);
        Map<String, Object> other = body(accounts.get(0), "burst-1", "limit", "1000.00");
        JsonNode refused = app.call("POST", "/api/orders", token, other, 409);
        assertThat(refused.get("detail").asText()).contains("type").contains("limitPrice");
        checkEverything(accounts, bots);
    }

    /** Places and cancels orders on every account from several threads until the process is killed. */
    private List<Sent> placeUntilKilled(List<String> accounts, long killAfterMillis) throws Exception {
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> cancels = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> openLimits = new ConcurrentLinkedQueue<>();
        AtomicBoolean dead = new AtomicBoolean();
        String round = Long.toString(killAfterMillis);
        List<Thread> threads = new ArrayList<>();
        for (String account : accounts) {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int n = 0; !dead.get(); n++) {
                        boolean limit = n % 3 == 2;
                        Map<String, Object> body = body(account, "r" + round + "-" + account.substring(0, 8) + "-"
                                + thread + "-" + n, limit ? "limit" : "market", limit ? "1000.00" : null);
                        try {
                            HttpResponse<String> r = app.send("POST", "/api/orders", token, body);
                            String id = r.statusCode() == 201 || r.statusCode() == 200
                                    ? PackagedApp.JSON.readTree(r.body()).get("id").asText() : null;
                            sent.add(new Sent(body, r.statusCode(), id));
                            if (limit && id != null) {
                                openLimits.add(id);
                            }
                            String cancel = n % 4 == 3 ? openLimits.poll() : null;
                            if (cancel != null && app.send("POST", "/api/orders/" + cancel + "/cancel", token, null)
                                    .statusCode() == 200) {
                                cancels.add(cancel);
                            }
                        } catch (IOException | InterruptedException killed) {
                            sent.add(new Sent(body, -1, null));
                            dead.set(true);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
        }
        threads.forEach(Thread::start);
        Thread.sleep(killAfterMillis);
        app.kill();
        dead.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        List<Sent> unanswered = new ArrayList<>();
        for (Sent s : sent) {
            if (s.id() != null) {
                ack(s.body(), s.id());
            } else if (s.status() == -1) {
                unanswered.add(s);
            } else {
                throw new AssertionError("answered " + s.status() + " to " + s.body());
            }
        }
        ackedCancels.addAll(cancels);
        assertThat(acked).as("orders acknowledged before the kill at %d ms", killAfterMillis).isNotEmpty();
        return unanswered;
    }

    private void ack(Map<String, Object> body, String id) {
        Acked before = acked.putIfAbsent(id, new Acked((String) body.get("clientOrderId"), body));
        assertThat(before == null || before.clientOrderId().equals(body.get("clientOrderId")))
                .as("id %s acknowledged for %s and for %s", id, before, body.get("clientOrderId")).isTrue();
    }

    private String place(String account, String clientOrderId, String type, String limitPrice) throws Exception {
        Map<String, Object> body = body(account, clientOrderId, type, limitPrice);
        String id = app.call("POST", "/api/orders", token, body, 201).get("id").asText();
        ack(body, id);
        return id;
    }

    private static Map<String, Object> body(String account, String clientOrderId, String type, String limitPrice) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", account);
        body.put("clientOrderId", clientOrderId);
        body.put("instrument", INSTRUMENT);
        body.put("side", "buy");
        body.put("type", type);
        body.put("quantity", "0.00100");
        if (limitPrice != null) {
            body.put("limitPrice", limitPrice);
        }
        return body;
    }

    private void restart() throws Exception {
        app.start();
        token = app.login();
    }

    /** Every invariant of the journal, read back over the API once the acknowledged market orders have filled. */
    private void checkEverything(List<String> accounts, List<String> bots) throws Exception {
        Map<String, JsonNode> orders = new HashMap<>();
        for (Map.Entry<String, Acked> entry : acked.entrySet()) {
            String id = entry.getKey();
            Acked a = entry.getValue();
            JsonNode order = PackagedApp.await(() -> app.call("GET", "/api/orders/" + id, token, null, 200),
                    j -> !a.body().get("type").equals("market") || j.get("order").get("status").asText()
                            .equals("filled") || j.get("order").get("status").asText().equals("denied"),
                    Duration.ofSeconds(60)).get("order");
            assertThat(order.get("clientOrderId").asText()).as("order %s", id).isEqualTo(a.clientOrderId());
            assertThat(order.get("type").asText()).as("order %s", id).isEqualTo(a.body().get("type"));
            assertThat(order.get("side").asText()).as("order %s", id).isEqualTo("buy");
            assertThat(new BigDecimal(order.get("quantity").asText())).isEqualByComparingTo("0.001");
            orders.put(id, order);
        }
        for (String canceled : ackedCancels) {
            assertThat(orders.get(canceled).get("status").asText()).as("canceled order %s", canceled)
                    .isEqualTo("canceled");
        }
        for (int b = 0; b < bots.size(); b++) {
            String bot = bots.get(b);
            JsonNode status = app.call("GET", "/api/bots/" + bot, token, null, 200);
            assertThat(status.get("status").asText()).as("bot %s: %s", bot, status).isIn("running", "paused");
            List<String> kinds = app.call("GET", "/api/bots/" + bot + "/events", token, null, 200)
                    .findValuesAsText("kind");
            assertThat(kinds).contains("recovered").doesNotContain("incident", "failed");
            JsonNode fills = app.call("GET", "/api/fills?bot=" + bot + "&limit=10000", token, null, 200)
                    .get("items");
            Set<String> tradeIds = new HashSet<>();
            Map<String, BigDecimal> filled = new HashMap<>();
            BigDecimal cash = START;
            BigDecimal base = BigDecimal.ZERO;
            for (JsonNode fill : fills) {
                assertThat(tradeIds.add(fill.get("tradeId").asText())).as("trade id %s twice", fill.get("tradeId"))
                        .isTrue();
                String order = fill.get("orderId").asText();
                assertThat(acked).as("fill on an order nobody acknowledged: %s", fill).containsKey(order);
                BigDecimal qty = new BigDecimal(fill.get("quantity").asText());
                filled.merge(order, qty, BigDecimal::add);
                cash = cash.subtract(qty.multiply(new BigDecimal(fill.get("price").asText())));
                BigDecimal fee = new BigDecimal(fill.get("fee").asText());
                if (fill.get("feeAsset").asText().equals("USDT")) {
                    cash = cash.subtract(fee);
                    base = base.add(qty);
                } else {
                    base = base.add(qty).subtract(fee);
                }
            }
            filled.forEach((order, qty) -> {
                JsonNode o = orders.get(order);
                assertThat(new BigDecimal(o.get("filledQuantity").asText())).as("order %s", order)
                        .isEqualByComparingTo(qty);
                assertThat(qty).isLessThanOrEqualTo(new BigDecimal(o.get("quantity").asText()));
            });
            JsonNode portfolio = app.call("GET", "/api/bots/" + bot + "/portfolio", token, null, 200);
            assertThat(new BigDecimal(portfolio.get("balances").get("USDT").asText())).as("bot %s cash", bot)
                    .isEqualByComparingTo(cash);
            assertThat(new BigDecimal(portfolio.get("balances").get("BTC").asText())).as("bot %s BTC", bot)
                    .isEqualByComparingTo(base);
        }
        for (JsonNode order : orders.values()) {
            if (order.get("type").asText().equals("market") && order.get("status").asText().equals("filled")) {
                assertThat(filledOf(order)).isEqualByComparingTo(new BigDecimal(order.get("quantity").asText()));
            }
        }
    }

    private static BigDecimal filledOf(JsonNode order) {
        return new BigDecimal(order.get("filledQuantity").asText());
    }
}
