package io.cryptobot.app.notification;

import static io.cryptobot.app.notification.TraderWithReceiver.FROM;
import static io.cryptobot.app.notification.TraderWithReceiver.TO;
import static io.cryptobot.app.notification.TraderWithReceiver.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.notification.application.port.in.CatchUpNotificationsUseCase;
import io.cryptobot.backtest.application.port.out.BacktestStorePort;
import io.cryptobot.backtest.domain.BacktestConfig;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.backtest.domain.BacktestStatus;
import io.cryptobot.bot.application.port.out.BotStorePort;
import io.cryptobot.bot.application.port.out.PublishBotAlarmPort;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.event.BotAlarmRaised;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.out.RiskStorePort;
import io.cryptobot.risk.domain.TradingState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost across a crash between a source's commit and the outbox's: the order journal commits a bot's fills
 * and denied orders while every attempt to queue their notifications dies ({@link DyingOutbox}), or the kill
 * switch's store commits changes that are never published, backtests and sweeps end while queuing dies, bots'
 * entries that raise alarms are stored and never published; the start-up's catch-up then queues each once per
 * endpoint, and further catch-ups and checkpoints queue nothing twice.
 */
@QuarkusTest
class NotificationCatchUpTest {
    private TraderWithReceiver user;
    private LocalReceiver receiver;

    @Inject
    CatchUpNotificationsUseCase catchUp;
    @Inject
    RiskStorePort riskStore;
    @Inject
    BotStorePort botStore;
    @Inject
    BacktestStorePort backtestStore;
    @Inject
    PublishBotAlarmPort alarms;

    @BeforeEach
    void receiver() throws Exception {
        user = new TraderWithReceiver();
        receiver = user.receiver;
    }

    @AfterEach
    void close() {
        DyingOutbox.dying = false;
        user.close();
    }

    @Test
    void events_committed_before_a_crash_and_never_queued_are_delivered_after_the_restart_once_per_endpoint()
            throws Exception {
        String instrument = user.instrument();
        for (String path : List.of("/a", "/b")) {
            user.endpoint(path, List.of("order.filled", "order.denied"));
        }
        DyingOutbox.dying = true;
        TraderWithReceiver.TwoBots bots = user.fillingAndDeniedBots(instrument);
        long fills = bots.fills();
        long refused = bots.refused();
        Thread.sleep(1000);
        assertThat(receiver.attempts).as("the live path died before the outbox: nothing was queued").isEmpty();

        // the restart: the process lives again and catches up from the cursors it stored
        DyingOutbox.dying = false;
        // (at least: other test classes of this JVM may have events in the window for endpoints made after them)
        assertThat(catchUp.recover()).isGreaterThanOrEqualTo(2 * (int) (fills + refused));
        for (String path : List.of("/a", "/b")) {
            await(() -> receiver.deliveredTo(path).size() == fills + refused);
        }
        // again, and the checkpoints that follow: each event is in the outbox once per endpoint already
        catchUp.recover();
        catchUp.checkpoint();
        catchUp.checkpoint();
        Thread.sleep(1000);
        for (String path : List.of("/a", "/b")) {
            List<LocalReceiver.Received> got = receiver.deliveredTo(path);
            assertThat(got).hasSize((int) (fills + refused));
            Set<String> ids = new HashSet<>();
            got.forEach(r -> ids.add(r.header("X-Cryptobot-Delivery")));
            assertThat(ids).hasSize((int) (fills + refused));
            assertThat(got.stream().filter(r -> r.body().contains("\"order.filled\""))).hasSize((int) fills);
            assertThat(got.stream().filter(r -> r.body().contains("\"order.denied\""))).hasSize((int) refused);
            assertThat(got).allSatisfy(r -> assertThat(r.body()).contains(instrument));
        }
    }

    @Test
    void a_checkpoint_queues_what_the_live_path_failed_to_queue_and_moves_its_cursor_past_it() throws Exception {
        String instrument = user.instrument();
        user.endpoint("/c", List.of("order.filled"));
        catchUp.checkpoint(); // the head before the fills is now the one seen last
        DyingOutbox.dying = true;
        user.runToTheEnd(List.of(user.bot(instrument, Map.of())));
        DyingOutbox.dying = false;
        // the first checkpoint only covers what was there one interval ago (nothing of this bot): the live path
        // could still be queuing the rest
        catchUp.checkpoint();
        Thread.sleep(1000);
        assertThat(receiver.attempts).isEmpty();
        assertThat(catchUp.checkpoint()).isGreaterThanOrEqualTo(3);
        await(() -> receiver.deliveredTo("/c").size() == 3);
        catchUp.checkpoint();
        catchUp.recover();
        Thread.sleep(1000);
        assertThat(receiver.deliveredTo("/c")).hasSize(3);
    }

    @Test
    void kill_switch_changes_stored_and_never_published_are_delivered_after_the_restart() throws Exception {
        user.endpoint("/ks", List.of("risk.kill_switch", "risk.daily_loss_halt"));
        // as a crash right after the store committed, before the change was published: stored, never queued
        UserId owner = new UserId(user.trader.id());
        assertThat(riskStore.changeState(owner, TradingState.ACTIVE.reduceOnly("tidy up",
                new EventMeta(UUID.randomUUID(), Instant.parse("2026-12-06T10:00:00Z"))).get(), false)).isTrue();
        assertThat(riskStore.changeState(owner, TradingState.REDUCING.halt("daily loss 6.1 % beyond 5 %",
                new EventMeta(UUID.randomUUID(), Instant.parse("2026-12-06T10:01:00Z"))).get(), true)).isTrue();
        Thread.sleep(500);
        assertThat(receiver.attempts).isEmpty();
        assertThat(catchUp.recover()).isGreaterThanOrEqualTo(2);
        await(() -> receiver.deliveredTo("/ks").size() == 2);
        catchUp.recover();
        Thread.sleep(1000);
        List<LocalReceiver.Received> got = receiver.deliveredTo("/ks");
        assertThat(got).hasSize(2);
        assertThat(got.get(0).header("X-Cryptobot-Event")).isEqualTo("risk.kill_switch");
        assertThat(got.get(0).body()).contains("\"state\":\"reduce-only\"").contains("tidy up");
        assertThat(got.get(1).header("X-Cryptobot-Event")).isEqualTo("risk.daily_loss_halt");
        assertThat(got.get(1).body()).contains("\"state\":\"halted\"").contains("daily loss 6.1 % beyond 5 %");
    }

    @Test
    void backtests_and_sweeps_that_ended_while_the_outbox_died_are_delivered_after_the_restart_once_per_endpoint()
            throws Exception {
        String instrument = user.instrument();
        for (String path : List.of("/runs-a", "/runs-b")) {
            user.endpoint(path, List.of("backtest.finished", "sweep.finished"));
        }
        DyingOutbox.dying = true;
        String completed = user.backtest(instrument);
        // a run that failed, as its worker stores it (and died before publishing)
        BacktestConfig config = BacktestConfig.checked(new BacktestConfig.Raw("sma_crossover", Map.of(),
                List.of(instrument), "1m", FROM, TO, "10000", null, "0.001", null, null, null, null, null, null)).get();
        BacktestRun queued = BacktestRun.queue(BacktestId.random(), new UserId(user.trader.id()), config, Instant.now());
        backtestStore.insert(queued);
        assertThat(backtestStore.update(queued.start(0, Instant.now()).fail("internal error, incident 9",
                Instant.now()), BacktestStatus.QUEUED)).isTrue();
        String failed = queued.id().value().toString();
        String sweep = sweep(instrument);
        await(() -> "completed".equals(user.get("/api/backtests/" + completed).path("status")));
        await(() -> "failed".equals(user.get("/api/backtests/" + failed).path("status")));
        await(() -> "completed".equals(user.get("/api/backtests/sweeps/" + sweep).path("status")));
        Thread.sleep(1000);
        assertThat(receiver.attempts).as("the live path died before the outbox: nothing was queued").isEmpty();

        DyingOutbox.dying = false;
        assertThat(catchUp.recover()).isGreaterThanOrEqualTo(2 * 3);
        // one more run, queued by the live path: the catch-ups that follow do not queue it again
        String live = user.backtest(instrument);
        for (String path : List.of("/runs-a", "/runs-b")) {
            await(() -> receiver.deliveredTo(path).size() == 4);
        }
        catchUp.recover();
        catchUp.checkpoint();
        catchUp.checkpoint();
        Thread.sleep(1000);
        for (String path : List.of("/runs-a", "/runs-b")) {
            List<LocalReceiver.Received> got = receiver.deliveredTo(path);
            assertThat(got).hasSize(4);
            assertThat(got.stream().map(r -> r.header("X-Cryptobot-Delivery")).distinct()).hasSize(4);
            assertThat(got).filteredOn(r -> r.body().contains("\"backtestId\":\"" + completed + "\""))
                    .singleElement().satisfies(r -> assertThat(r.body()).contains("\"outcome\":\"completed\"")
                            .contains("\"kind\":\"backtest.finished\"").contains("sma_crossover on [" + instrument
                                    + "]: "));
            assertThat(got).filteredOn(r -> r.body().contains("\"backtestId\":\"" + failed + "\""))
                    .singleElement().satisfies(r -> assertThat(r.body()).contains("\"outcome\":\"failed\"")
                            .contains("\"summary\":\"internal error, incident 9\""));
            assertThat(got).filteredOn(r -> r.body().contains("\"sweepId\":\"" + sweep + "\""))
                    .singleElement().satisfies(r -> assertThat(r.body()).contains("\"kind\":\"sweep.finished\"")
                            .contains("sweep of sma_crossover done: 2 backtests"));
            assertThat(got).filteredOn(r -> r.body().contains("\"backtestId\":\"" + live + "\"")).hasSize(1);
        }
    }

    @Test
    void bot_alarms_stored_in_the_bots_entries_and_never_queued_are_delivered_after_the_restart() throws Exception {
        String instrument = user.instrument();
        user.endpoint("/alarms", List.of("bot.failed", "bot.feed_stale", "bot.venue_drift"));
        BotId bot = new BotId(UUID.fromString(user.bot(instrument, Map.of())));
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        String reconciled = "reconciled (stream): 0 open order(s) on the venue, 2" + BotAlarmRaised.FOUND;
        String drift = "1 difference(s): unknown_order: order X on the venue";
        // as a crash after each entry committed, before its alarm was published: stored, never queued
        for (BotControl entry : List.of(
                new BotControl(BotControl.Kind.OPENING_BLOCKED, 0, BotAlarmRaised.STALE_FEED
                        + instrument + " 1m is stale (no closed candle for two intervals)", t),
                new BotControl(BotControl.Kind.OPENING_BLOCKED, 0, "the venue halted " + instrument, t.plusSeconds(1)),
                new BotControl(BotControl.Kind.VENUE_RECONCILED, 0, reconciled + drift, t.plusSeconds(2)),
                // the same differences again: no new alarm
                new BotControl(BotControl.Kind.VENUE_RECONCILED, 0, reconciled + drift, t.plusSeconds(3)),
                new BotControl(BotControl.Kind.VENUE_RECONCILED, 0, reconciled + BotAlarmRaised.AGREES,
                        t.plusSeconds(4)),
                // after an agreement the same differences are new again
                new BotControl(BotControl.Kind.VENUE_RECONCILED, 0, reconciled + drift, t.plusSeconds(5)),
                new BotControl(BotControl.Kind.FAILED, 0, "internal error, incident 7", t.plusSeconds(6)))) {
            botStore.addControl(bot, entry);
        }
        // and one alarm the live path queued, as the bot's services raise it: from its entry as stored
        BotControl incident = new BotControl(BotControl.Kind.INCIDENT, 0, "recovery incident 8", t.plusSeconds(7));
        botStore.addControl(bot, incident);
        BotAlarmRaised.of(new UserId(user.trader.id()), bot.value(), "live one", incident, "").forEach(alarms::publish);
        await(() -> receiver.deliveredTo("/alarms").size() == 1);

        assertThat(catchUp.recover()).isGreaterThanOrEqualTo(4);
        await(() -> receiver.deliveredTo("/alarms").size() == 5);
        catchUp.recover();
        catchUp.checkpoint();
        catchUp.checkpoint();
        Thread.sleep(1000);
        List<LocalReceiver.Received> got = receiver.deliveredTo("/alarms");
        assertThat(got).extracting(r -> r.header("X-Cryptobot-Event")).containsExactly("bot.failed",
                "bot.feed_stale", "bot.venue_drift", "bot.venue_drift", "bot.failed");
        assertThat(got.get(0).body()).contains("recovery incident 8");
        assertThat(got.get(1).body()).contains("is stale").contains(bot.value().toString());
        assertThat(got.get(2).body()).contains("\"reason\":\"" + drift + "\"");
        assertThat(got.get(4).body()).contains("internal error, incident 7");
        assertThat(got.stream().map(r -> r.header("X-Cryptobot-Delivery")).distinct()).hasSize(5);
    }

    private String sweep(String instrument) {
        return given().header("Authorization", user.trader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "grid", "backtest", Map.of("strategy", "sma_crossover", "instruments",
                                List.of(instrument), "timeframe", "1m", "from", FROM, "to", TO, "startingCash", "10000"),
                        "space", Map.of("fast", Map.of("values", List.of("5", "10")), "slow",
                                Map.of("values", List.of("20")))))
                .post("/api/backtests/sweeps").then().statusCode(202).extract().path("id");
    }
}
