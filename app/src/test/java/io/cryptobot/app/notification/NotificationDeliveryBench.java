package io.cryptobot.app.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.notification.application.port.in.RecordNotificationUseCase;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.app.notification.domain.Notification;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delivery rate (-Pbench; docs/benchmarks.md): N notifications queued through the outbox for E endpoints of one
 * user on a local receiver answering 200; measures queuing on the publisher's thread and the time until every
 * delivery arrived (live: sending while queuing), then the same again with the worker stopped while queuing and
 * started after (backlog: the sending alone, as after a restart). -Dbench.notifications=N, -Dbench.endpoints=E.
 */
@QuarkusTest
class NotificationDeliveryBench {
    @Inject
    RecordNotificationUseCase notifications;
    @Inject
    io.cryptobot.app.notification.adapter.in.worker.DeliveryWorker worker;

    @Test
    void delivery_rate() throws Exception {
        int count = Integer.getInteger("bench.notifications", 2_000);
        int endpoints = Integer.getInteger("bench.endpoints", 4);
        TestUser user = TestUsers.create("trader");
        try (LocalReceiver receiver = new LocalReceiver()) {
            for (int e = 0; e < endpoints; e++) {
                given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                        .body(Map.of("name", "bench " + e, "format", "generic", "url", receiver.url("/b" + e),
                                "events", List.of("order.filled")))
                        .post("/api/notifications/endpoints").then().statusCode(201);
            }
            UserId owner = new UserId(user.id());
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                notifications.record(new Notification(owner, EventKind.ORDER_FILLED, "bench:" + i, Instant.now(),
                        "Filled: buy 0.01 SIM:BTC/USDT at 42000", "fee 0.42 USDT", Map.of("i", Integer.toString(i))));
            }
            long queued = System.nanoTime();
            long expected = (long) count * endpoints;
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (receiver.delivered.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long done = System.nanoTime();
            assertThat(receiver.delivered).hasSize((int) expected);
            for (int e = 0; e < endpoints; e++) {
                List<String> ids = receiver.deliveredTo("/b" + e).stream().map(r -> r.body()).toList();
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(ids.get(i)).contains("\"i\":\"" + i + "\"");
                }
            }
            System.out.printf("BENCH notifications: %d notifications x %d endpoints: queued in %.0f ms (%.0f/s, "
                            + "%.2f ms each on the publisher's thread), all %d delivered in %.0f ms (%.0f deliveries/s)%n",
                    count, endpoints, (queued - start) / 1e6, count / ((queued - start) / 1e9),
                    (queued - start) / 1e6 / count, expected, (done - start) / 1e6, expected / ((done - start) / 1e9));

            // the backlog: queued while the worker is stopped, then sent
            worker.stop();
            try {
                for (int i = 0; i < count; i++) {
                    notifications.record(new Notification(owner, EventKind.ORDER_FILLED, "backlog:" + i,
                            Instant.now(), "Filled: buy 0.01 SIM:BTC/USDT at 42000", "fee 0.42 USDT",
                            Map.of("i", Integer.toString(i))));
                }
            } finally {
                worker.start();
            }
            long drainStart = System.nanoTime();
            long all = 2 * expected;
            deadline = System.nanoTime() + 300_000_000_000L;
            while (receiver.delivered.size() < all && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long drained = System.nanoTime();
            assertThat(receiver.delivered).hasSize((int) all);
            for (int e = 0; e < endpoints; e++) {
                List<String> bodies = receiver.deliveredTo("/b" + e).stream().map(r -> r.body()).toList();
                for (int i = 0; i < count; i++) {
                    assertThat(bodies.get(count + i)).contains("\"i\":\"" + i + "\"");
                }
            }
            System.out.printf("BENCH notifications backlog: %d deliveries (%d endpoints) sent in %.0f ms "
                    + "(%.0f deliveries/s)%n", expected, endpoints, (drained - drainStart) / 1e6,
                    expected / ((drained - drainStart) / 1e9));
        }
    }
}
