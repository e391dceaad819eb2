package io.cryptobot.bot.application.service;

import static io.cryptobot.bot.application.service.LiveVenueFixtures.btcMarket;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.bot.domain.bot.Bot;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.bot.BotStatus;
import io.cryptobot.bot.domain.bot.LiveFeedSpec;
import io.cryptobot.bot.domain.session.SessionSetup;
import io.cryptobot.bot.domain.session.TradingSession;
import io.cryptobot.exchange.domain.fill.VenueCosts;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A halt of the owner's kill switch pauses each running bot, and a process killed while it is journaled (SIGKILL at
 * any write to the bot store) never leaves the halt's entry on a bot still running: its rebuilt session would be
 * halted already, so nothing would pause it again, and it would trade as soon as its owner resumed trading, where a
 * halt leaves bots paused until each is resumed. Either nothing of the halt is stored (the launch then finds the owner
 * halted and follows) or the entry and the pause both are.
 */
class FollowOwnersKillSwitchTest {
    private static final Instant T0 = Instant.parse("2026-12-17T04:00:00Z");
    private final ExecutorService writers = Executors.newSingleThreadExecutor();
    private final Bot bot = Bot.newBot(new BotId(UUID.randomUUID()), LiveVenueTest.OWNER, "b", "manual", Map.of(),
            LiveVenueTest.BTC, Timeframe.parse("1m").get(), UUID.randomUUID(),
            new Money(1_000_000, 2, LiveVenueTest.USDT), RiskLimits.none(), VenueCosts.parse(null, null, null, null)
                    .get(), Option.none(), LiveFeedSpec.fromNextCandle(), T0).start(T0).get();

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @ParameterizedTest(name = "killed after {0} writes")
    @ValueSource(ints = {0, 1, 2, 3})
    void a_bot_not_run_here_is_never_left_running_with_the_halt_in_its_journal(int writes) {
        KilledAfter store = new KilledAfter();
        store.insert(bot, new BotControl(BotControl.Kind.CREATED, Long.MIN_VALUE, "", T0));
        FollowOwnersKillSwitch follow = new FollowOwnersKillSwitch(store, new LiveSessions(null, () -> T0),
                null, null, () -> T0);
        store.killAfter(writes);

        killedOrNot(() -> follow.applyTradingState(bot, TradingState.HALTED, "outage"));

        haltedOnlyWhenPaused(store, writes);
    }

    @ParameterizedTest(name = "killed after {0} writes")
    @ValueSource(ints = {0, 1, 2, 3})
    void a_running_session_is_never_left_running_with_the_halt_in_its_journal(int writes) {
        KilledAfter store = new KilledAfter();
        store.insert(bot, new BotControl(BotControl.Kind.CREATED, Long.MIN_VALUE, "", T0));
        LiveSessions sessions = new LiveSessions(null, () -> T0);
        StepJournal steps = new StepJournal(bot.owner(), bot.accountId(), bot.id().value());
        TradingSession session = new TradingSession(new SessionSetup(bot.owner(), bot.startingCash(),
                RiskLimits.none(), 0, 7, "t-", false), List.of(btcMarket()),
                TradingSession.simulatedVenue(List.of(btcMarket()), "t-"), new LiveVenueTest.Quiet(),
                (t, e, x) -> { }, steps);
        LiveSession runner = new LiveSession(bot, session, steps, new JournalWriter((entries, activity) -> { },
                writers));
        sessions.run(runner);
        FollowOwnersKillSwitch follow = new FollowOwnersKillSwitch(store, sessions, new ActivityProjection(null,
                null) {
            @Override
            void record(io.cryptobot.kernel.domain.UserId owner, StepJournal.Step step) {
            }
        }, null, () -> T0);
        store.killAfter(writes);

        boolean killed = killedOrNot(() -> follow.applyTradingState(bot, TradingState.HALTED, "outage"));

        haltedOnlyWhenPaused(store, writes);
        if (!killed) {
            assertThat(session.tradingState()).isEqualTo(TradingState.HALTED);
            assertThat(runner.bot.status()).isEqualTo(BotStatus.PAUSED);
        }
    }

    /** Whether the bot's journal holds the halt only with the pause: entry then pause, the bot paused. */
    private void haltedOnlyWhenPaused(KilledAfter store, int writes) {
        List<BotControl.Kind> kinds = store.controls(bot.id()).stream().map(BotControl::kind).toList();
        Bot stored = store.load(bot.owner(), bot.id()).get();
        if (kinds.contains(BotControl.Kind.TRADING_HALTED)) {
            assertThat(stored.status()).as("killed after %s writes: %s", writes, kinds).isEqualTo(BotStatus.PAUSED);
            assertThat(stored.statusReason().get()).isEqualTo("kill switch: outage");
            assertThat(kinds).containsSubsequence(BotControl.Kind.TRADING_HALTED, BotControl.Kind.PAUSED);
        } else {
            assertThat(writes).as("nothing written only when killed at the first write").isZero();
            assertThat(stored.status()).isEqualTo(BotStatus.RUNNING);
            assertThat(kinds).containsExactly(BotControl.Kind.CREATED);
        }
    }

    /** Runs {@code change}; true when the store was "killed" under it. */
    private static boolean killedOrNot(Runnable change) {
        try {
            change.run();
            return false;
        } catch (RuntimeException e) {
            assertThat(e).hasStackTraceContaining("killed");
            return true;
        }
    }

    /** A bot store whose process dies after a number of writes: every write after them fails, stored or not. */
    private static final class KilledAfter extends InMemoryBotStore {
        private int left = Integer.MAX_VALUE;

        void killAfter(int writes) {
            left = writes;
        }

        private void write() {
            if (left-- <= 0) {
                left = 0;
                throw new IllegalStateException("killed");
            }
        }

        @Override
        public boolean update(Bot bot, BotStatus expected, List<BotControl> controls) {
            write();
            return super.update(bot, expected, controls);
        }

        @Override
        public boolean move(Bot bot, BotStatus expected) {
            write();
            return super.move(bot, expected);
        }

        @Override
        public void addControl(BotId id, BotControl control) {
            write();
            super.addControl(id, control);
        }

        @Override
        public void addControls(BotId id, List<BotControl> controls) {
            write();
            controls.forEach(control -> super.addControl(id, control));
        }
    }
}
