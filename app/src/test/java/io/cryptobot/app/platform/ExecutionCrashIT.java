package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.cryptobot.app.support.TradingScenario;
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
    void nothing_acknowledged_is_lost_or_reused_whatever_is_in_flight_at_a_kill() throws Exception {
        app = new PackagedApp("crash-it").start();
        token = app.login();
        orders = new TradingScenario("CRASH").setUp(app.as(() -> token), List.of("crash a", "crash b"),
                "1200");
        List<String> accounts = orders.accounts;

        // hand orders and cancels on both accounts, killed at three points
        for (long killAfter : new long[] {600, 1_400, 2_600}) {
            List<OrderStorm.Sent> unanswered =
                    OrderStorm.placeUntilKilled(app, token, orders, "r", accounts, killAfter);
            restart();
            for (OrderStorm.Sent lost : unanswered) {
                // the same request again after the restart: the order the first one made, or a new one, never 409
                HttpResponse<String> again = app.send("POST", "/api/orders", token, lost.body());
                assertThat(again.statusCode()).as("re-sent %s: %s", lost.body(), again.body()).isIn(200, 201);
                orders.ack(lost.body(), PackagedApp.JSON.readTree(again.body()).get("id").asText());
            }
            orders.check(app.as(() -> token));
        }

        // halt, then SIGKILL at once: the halt holds (orders denied, open orders canceled)
        String open = place(accounts.get(0), "halt-open", "limit", "1000.00");
        app.call("POST", "/api/risk/halt", token, Map.of("reason", "crash test"), 200);
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
        app.call("POST", "/api/risk/resume", token, Map.of("reason", "crash test over"), 200);
        for (String bot : orders.bots) {
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
            orders.forget(target);
        }

        // SIGKILL during a burst of one client order id; re-sent after the restart: one order, one id
        Map<String, Object> burst = orders.body(accounts.get(0), "burst-1", "market", null);
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
        orders.ack(burst, id);
        Map<String, Object> other = orders.body(accounts.get(0), "burst-1", "limit", "1000.00");
        JsonNode refused = app.call("POST", "/api/orders", token, other, 409);
        assertThat(refused.get("detail").asText()).contains("type").contains("limitPrice");
        orders.check(app.as(() -> token));
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
