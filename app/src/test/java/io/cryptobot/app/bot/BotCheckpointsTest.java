package io.cryptobot.app.bot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The checkpoints of many bots stored at once (the store writes concurrent ones together): each bot gets its own
 * progress and equity samples, and a bot no longer live is told so while the others in the same batch are stored.
 */
@QuarkusTest
class BotCheckpointsTest {
    private static final String FROM = "2024-01-01T00:00:00Z";
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    BotStorePort store;

    @Test
    void concurrent_checkpoints_each_store_their_bot_and_a_stopped_bot_is_told_it_is_no_longer_live()
            throws Exception {
        checkpointsOfManyBots(false);
    }

    @Test
    void checkpoints_handed_over_from_one_thread_are_answered_later_each_for_its_own_bot() throws Exception {
        checkpointsOfManyBots(true);
    }

    /** {@code later}: every checkpoint handed over from the test's thread ({@code checkpointLater}), then awaited. */
    private void checkpointsOfManyBots(boolean later) throws Exception {
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 120);
        List<BotId> paused = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String bot = startedBot(instrument);
            // paused: live, but no step of its own changes what the test stores
            post("/api/bots/" + bot + "/pause", Map.of("reason", "checkpoint test"));
            paused.add(new BotId(UUID.fromString(bot)));
        }
        String stoppedId = startedBot(instrument);
        post("/api/bots/" + stoppedId + "/stop", null);
        BotId stopped = new BotId(UUID.fromString(stoppedId));
        List<BotId> all = new ArrayList<>(paused);
        all.add(stopped);

        ExecutorService threads = Executors.newFixedThreadPool(all.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<Boolean>> handedOver = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Bot bot = store.load(new io.cryptobot.kernel.domain.UserId(trader.id()), all.get(i)).get();
            long steps = 1_000 + i;
            EquitySeries equity = new EquitySeries();
            for (int s = 0; s < 3; s++) {
                equity.append(1_700_000_000_000L + s * 60_000L, 10_000 + i + s, s % 2 == 0);
            }
            Bot next = bot.checkpoint(1_700_000_120_000L, steps, new Price(4_200_000 + i, 2), Instant.now());
            if (later) {
                handedOver.add(store.checkpointLater(next, equity));
            } else {
                answers.add(threads.submit(() -> {
                    go.await();
                    return store.checkpoint(next, equity);
                }));
            }
        }
        go.countDown();
        List<Boolean> live = new ArrayList<>();
        for (Future<Boolean> answer : later ? handedOver : answers) {
            live.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(live).containsExactly(true, true, true, true, true, true, false);
        for (int i = 0; i < paused.size(); i++) {
            Bot stored = store.load(new io.cryptobot.kernel.domain.UserId(trader.id()), paused.get(i)).get();
            assertThat(stored.steps()).isEqualTo(1_000 + i);
            assertThat(stored.lastStep().get()).isEqualTo(1_700_000_120_000L);
            assertThat(stored.lastClose().get().toBigDecimal()).isEqualByComparingTo(
                    new java.math.BigDecimal(4_200_000 + i).movePointLeft(2));
            EquitySeries samples = store.equity(paused.get(i));
            assertThat(samples.size()).isEqualTo(3);
            assertThat(samples.equity(2)).isEqualTo(10_002 + i);
            assertThat(samples.exposed(1)).isFalse();
        }
        assertThat(store.load(new io.cryptobot.kernel.domain.UserId(trader.id()), stopped).get().steps()).isLessThan(1_000);
    }

    private String startedBot(String instrument) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "checkpoint " + UUID.randomUUID());
        request.put("strategy", "manual");
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", TradingFixtures.paperAccount(trader, "10000"));
        request.put("feed", Map.of("from", FROM, "to", "2024-01-01T02:00:00Z", "speed", "1"));
        String bot = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(request)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        post("/api/bots/" + bot + "/start", null);
        return bot;
    }

    private void post(String path, Object body) {
        var request = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON);
        (body == null ? request : request.body(body)).post(path).then().statusCode(200);
    }
}
