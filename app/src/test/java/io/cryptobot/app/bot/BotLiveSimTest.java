package io.cryptobot.app.bot;

import static io.cryptobot.app.bot.LiveSimBots.BTC;
import static io.cryptobot.app.bot.LiveSimBots.awaitBot;
import static io.cryptobot.app.bot.LiveSimBots.backtest;
import static io.cryptobot.app.bot.LiveSimBots.backtestTrades;
import static io.cryptobot.app.bot.LiveSimBots.botTrades;
import static io.cryptobot.app.bot.LiveSimBots.candlesTraded;
import static io.cryptobot.app.bot.LiveSimBots.get;
import static io.cryptobot.app.bot.LiveSimBots.kinds;
import static io.cryptobot.app.bot.LiveSimBots.startLiveBot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.bot.application.port.in.ResumeLiveBotsUseCase;
import io.cryptobot.bot.application.service.BotRunner;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper bots on the live candles of the built-in simulated venue {@code SIM} (600 times faster in tests: a 1m candle
 * every 100 ms), warmed up on its stored history: the promise of one code path, live. A paper bot on a live feed and
 * a backtest over the same recorded candles, same strategy, parameters and costs, give identical trades; also when
 * the bot's session is lost mid-run (as in a crash) and it catches up on what closed meanwhile.
 */
@QuarkusTest
class BotLiveSimTest {
    private static final Map<String, String> SMA = Map.of("fast", "5", "slow", "20");
    private final TestUser trader = TestUsers.create("trader");

    @Inject
    SeedSyntheticDataUseCase seed;

    @Inject
    LoadCandlesQuery candles;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @BeforeEach
    void simHistory() {
        // SIM:BTC/USDT with its last 30 days of 1m candles stored, as the demo has it
        seed.seed();
    }

    @Test
    void a_paper_bot_on_a_live_feed_trades_exactly_as_a_backtest_over_the_same_recorded_candles() {
        String bot = startLiveBot(trader, "sma live", "sma_crossover", SMA);
        JsonPath running = awaitBot(trader, bot, b -> candlesTraded(b) >= 250, "bot " + bot);
        assertThat(running.getString("status")).isEqualTo("running");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);

        JsonPath done = get(trader, "/api/bots/" + bot).then().extract().jsonPath();
        Instant from = Instant.parse(done.getString("feed.from"));
        Instant last = Instant.parse(done.getString("lastStep"));
        List<String> kinds = kinds(trader, bot);
        assertThat(kinds).contains("warmed_up").doesNotContain("warm_up_short", "candles_missed", "incident");
        // every step once: the warm-up (20 candles for a 20-period average) and each candle from its start
        assertThat(done.getLong("steps")).isEqualTo(20 + Duration.between(from, last).toMinutes() + 1);

        List<Map<String, Object>> expected = backtestTrades(trader, backtestOnceStored(from, last));
        assertThat(expected).as("trades of the backtest").hasSizeGreaterThan(2);
        assertThat(botTrades(trader, bot)).isEqualTo(expected);
    }

    @Test
    void a_live_bot_that_lost_its_session_mid_run_catches_up_and_still_trades_as_the_backtest() throws Exception {
        String bot = startLiveBot(trader, "sma live", "sma_crossover", SMA);
        awaitBot(trader, bot, b -> candlesTraded(b) >= 100, "bot " + bot);
        runner.release(new BotId(UUID.fromString(bot)));   // as a crash would: nothing stored changes
        Thread.sleep(1_500);                               // about 15 candles close meanwhile
        resume.resumeLiveBots();
        awaitBot(trader, bot, b -> candlesTraded(b) >= 200, "bot " + bot);
        given().header("Authorization", trader.bearer()).post("/api/bots/" + bot + "/stop").then().statusCode(200);

        JsonPath done = get(trader, "/api/bots/" + bot).then().extract().jsonPath();
        Instant from = Instant.parse(done.getString("feed.from"));
        Instant last = Instant.parse(done.getString("lastStep"));
        List<String> kinds = kinds(trader, bot);
        assertThat(kinds).containsSubsequence("warmed_up", "recovered", "late_candles")
                .doesNotContain("candles_missed", "incident");
        assertThat(done.getLong("steps")).as("no candle missed or played twice")
                .isEqualTo(20 + Duration.between(from, last).toMinutes() + 1);
        List<Map<String, Object>> expected = backtestTrades(trader, backtestOnceStored(from, last));
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(botTrades(trader, bot)).isEqualTo(expected);
    }

    /** The backtest of [from, last] once the feed has stored those candles (and their 20 of warm-up). */
    private String backtestOnceStored(Instant from, Instant last) {
        LiveSimBots.awaitStored(candles, from.minus(Duration.ofMinutes(20)), last);
        return backtest(trader, "sma_crossover", BTC, SMA, from, last.plusSeconds(60));
    }
}
