package io.cryptobot.bot.application.service;

import static io.cryptobot.bot.application.service.LiveVenueFixtures.FAST;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.await;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.btcMarket;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.market;
import static io.cryptobot.bot.application.service.LiveVenueFixtures.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.application.port.out.OrderRatePort;
import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserLimits;
import io.cryptobot.risk.domain.RiskLimits;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hand order on a live account is sent only once its {@code placed} entry is durable (write-ahead): the journal
 * writer's store sees the venue without the order, and a store that fails leaves the venue without it for good.
 */
class PlaceHandOrderTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedVenue venue = new ScriptedVenue(Price.parse("100.00", 2).get())
            .balance(LiveVenueTest.USDT, "10000.00");
    private final LiveVenueTest.Events events = new LiveVenueTest.Events();
    private final Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), LiveVenueTest.OWNER, "b", "manual", Map.of(),
            LiveVenueTest.BTC, Timeframe.parse("1m").get(), UUID.randomUUID(),
            new Money(1_000_000, 2, LiveVenueTest.USDT), RiskLimits.none(), VenueCosts.parse(null, null, null, null)
                    .get(), Option.none(), LiveFeedSpec.fromNextCandle(), T0);
    /** What the venue had placed under each entry's client order id when the writer's store wrote it. */
    private final List<String> atWrite = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean storeFails;
    private LiveVenue live;

    @AfterEach
    void stop() {
        live.close();
        timer.shutdownNow();
        calls.shutdownNow();
    }

    @Test
    void the_order_reaches_the_venue_only_after_its_placed_entry_is_written() {
        PlaceHandOrder place = running();
        var placed = place.place(bot, market("wa-1", "1.0000"));
        assertThat(placed.isRight()).as(String.valueOf(placed)).isTrue();
        assertThat(atWrite).containsExactly("wa-1 placed 0 times");
        await(() -> venue.placements("wa-1") == 1);
        sleep(100);
        assertThat(venue.placements("wa-1")).isEqualTo(1);
    }

    @Test
    void a_placed_entry_that_cannot_be_written_refuses_the_order_and_nothing_reaches_the_venue() {
        PlaceHandOrder place = running();
        storeFails = true;
        assertThatThrownBy(() -> place.place(bot, market("wa-2", "1.0000"))).hasMessageContaining("database down");
        sleep(200);
        assertThat(venue.placements).isEmpty();
    }

    private PlaceHandOrder running() {
        LiveSessions sessions = new LiveSessions(null, Instant::now);
        live = new LiveVenue(venue, List.of(LiveVenueTest.BTC), reports -> { }, events, Instant::now, calls, timer,
                FAST, 0, () -> true);
        StepJournal steps = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(),
                RiskLimits.none(), 0, 7, "t-", false), List.of(btcMarket()), live, new LiveVenueTest.Quiet(),
                (t, e, x) -> { }, steps);
        JournalWriter writer = new JournalWriter((entries, activity) -> {
            if (storeFails) {
                throw new IllegalStateException("database down");
            }
            for (BotControl entry : entries) {
                String cid = entry.placed().map(r -> r.clientOrderId().value()).getOrElse("none");
                atWrite.add(cid + " placed " + venue.placements(cid) + " times");
            }
        }, calls);
        LiveSession runner = new LiveSession(bot, session, steps, writer);
        runner.holdsAccountOrders = true;
        runner.liveTrading = LiveVenueFixtures.holding(live, bot.id());
        synchronized (runner) {
            Price p = Price.parse("100.00", 2).get();
            session.step(0, new Candle[] {new Candle(0, p, p, p, p, new Quantity(10_000_000, 4))});
            steps.drain();
            live.goLive(runner);
        }
        await(() -> !events.reconciled.isEmpty());
        sessions.run(runner);
        OrderRatePort rate = new OrderRatePort() {
            @Override
            public long takeOne(io.cryptobot.kernel.domain.UserId owner, long max, Instant now) {
                return 0;
            }

            @Override
            public void giveBack(io.cryptobot.kernel.domain.UserId owner, Instant takenAt) {
            }

            @Override
            public void add(io.cryptobot.kernel.domain.UserId owner, int orders, Instant now) {
            }

            @Override
            public long millisUntilBelow(io.cryptobot.kernel.domain.UserId owner, long max, Instant now) {
                return 0;
            }
        };
        return new PlaceHandOrder(sessions, null, UUID::randomUUID, rate, UserLimits.defaults(), Instant::now);
    }
}
