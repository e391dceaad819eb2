package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TradingScenario;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hand orders and cancels sent to a packaged app from two threads an account until it is killed: what the crash
 * tests send while {@code kill -9} lands. Every answered order is acknowledged to the scenario; the ones the kill
 * left unanswered are returned, to be sent again after the restart.
 */
final class OrderStorm {
    /** One order sent: its body, the answer's status (-1 when the kill cut it) and the order id answered. */
    record Sent(Map<String, Object> body, int status, String id) {
    }

    private OrderStorm() {
    }

    /** Places and cancels orders on every account from several threads until the process is killed. */
    static List<Sent> placeUntilKilled(PackagedApp app, String token, TradingScenario orders, String prefix,
                                       List<String> accounts, long killAfterMillis) throws Exception {
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
                        String clientOrderId = prefix + round + "-" + account.substring(0, 8) + "-" + thread + "-" + n;
                        Map<String, Object> body = orders.body(account, clientOrderId, limit ? "limit" : "market",
                                limit ? "1000.00" : null);
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
                orders.ack(s.body(), s.id());
            } else if (s.status() == -1) {
                unanswered.add(s);
            } else {
                throw new AssertionError("answered " + s.status() + " to " + s.body());
            }
        }
        orders.canceled(cancels);
        assertThat(orders.acknowledged()).as("orders acknowledged before the kill at %d ms", killAfterMillis)
                .isPositive();
        return unanswered;
    }
}
