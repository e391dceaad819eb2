package io.cryptobot.app.bot;

import static io.cryptobot.app.bot.LiveSimBots.BTC;
import static io.cryptobot.app.bot.LiveSimBots.awaitBot;
import static io.cryptobot.app.bot.LiveSimBots.awaitStored;
import static io.cryptobot.app.bot.LiveSimBots.backtest;
import static io.cryptobot.app.bot.LiveSimBots.candlesTraded;
import static io.cryptobot.app.bot.LiveSimBots.fills;
import static io.cryptobot.app.bot.LiveSimBots.get;
import static io.cryptobot.app.bot.LiveSimBots.sleepMillis;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parity of a paper bot on the live candles of {@code SIM} (600 times faster in tests) with a backtest over the
 * candles it recorded, across strategies of the catalog and parameters whose signals flip often (a 2-candle average
 * against a 20-candle one changes sign on a one-tick move). Every bot runs at once, each for its own user on its own
 * account; each is compared with the backtest of exactly the range its events name: its warm-up from the first
 * candle it warmed up on, its trading from its feed's start to its last step. Fills are compared field by field:
 * side, candle time, price, quantity, fee.
 */
@QuarkusTest
class LiveBacktestParityTest {
    /** Candles each bot trades on before it is stopped (10 s of SIM in tests). */
    private static final int TRADED = 100;

    record Case(String strategy, Map<String, String> parameters) {
        @Override
        public String toString() {
            return strategy + " " + parameters;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("sma_crossover", Map.of("fast", "2", "slow", "20")),
            new Case("sma_crossover", Map.of("fast", "3", "slow", "10")),
            new Case("sma_crossover", Map.of("fast", "5", "slow", "20")),
            new Case("sma_crossover", Map.of("fast", "2", "slow", "5")),
            new Case("ema_crossover", Map.of("fast", "2", "slow", "20")),
            new Case("rsi_mean_reversion", Map.of("period", "5", "oversold", "40", "overbought", "60")),
            new Case("bollinger_breakout", Map.of("period", "10", "k", "1")),
            new Case("macd", Map.of("fast", "3", "slow", "10", "signal", "4")));

    @Inject
    SeedSyntheticDataUseCase seed;

    @Inject
    LoadCandlesQuery candles;

    @Inject
    BotRunner runner;

    @Inject
    ResumeLiveBotsUseCase resume;

    @Test
    void live_bots_trade_exactly_as_backtests_over_the_range_they_report() {
        seed.seed();
        List<Running> bots = new ArrayList<>();
        for (Case c : CASES) {
            TestUser trader = TestUsers.create("trader");
            bots.add(new Running(c, trader, startLiveBot(trader, "parity", c.strategy(), c.parameters())));
        }
        for (Running bot : bots) {
            awaitTraded(bot, TRADED / 2);
        }
        // every session lost at once, as in a crash (nothing stored changes), rebuilt from the journal and caught up
        for (Running bot : bots) {
            runner.release(new BotId(UUID.fromString(bot.id)));
        }
        sleepMillis(1_000);
        resume.resumeLiveBots();
        for (Running bot : bots) {
            awaitTraded(bot, TRADED);
        }
        for (Running bot : bots) {
            given().header("Authorization", bot.trader.bearer()).post("/api/bots/" + bot.id + "/stop").then()
                    .statusCode(200);
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Running bot : bots) {
            JsonPath done = get(bot.trader, "/api/bots/" + bot.id).then().statusCode(200).extract().jsonPath();
            Instant from = Instant.parse(done.getString("feed.from"));
            Instant last = Instant.parse(done.getString("lastStep"));
            JsonPath events = get(bot.trader, "/api/bots/" + bot.id + "/events?limit=100").then().statusCode(200)
                    .extract().jsonPath();
            List<String> kinds = events.getList("items.kind", String.class);
            String warmedUp = events.getList("items.reason", String.class).get(kinds.indexOf("warmed_up"));
            java.util.regex.Matcher needs = java.util.regex.Pattern.compile("the strategy needs (\\d+)")
                    .matcher(warmedUp);
            assertThat(needs.find()).as(warmedUp).isTrue();
            long warmUp = Long.parseLong(needs.group(1));
            assertThat(kinds).as("%s", bot.c).containsSubsequence("warmed_up", "recovered")
                    .doesNotContain("warm_up_short", "candles_missed", "incident");
            assertThat(done.getLong("steps")).as("%s: every candle stepped once", bot.c)
                    .isEqualTo(warmUp + Duration.between(from, last).toMinutes() + 1);
            awaitStored(candles, from.minus(Duration.ofMinutes(warmUp)), last);
            String backtest = backtest(bot.trader, bot.c.strategy(), BTC, bot.c.parameters(), from,
                    last.plusSeconds(60));
            List<Map<String, Object>> expected = fills(bot.trader, "/api/backtests/" + backtest
                    + "/fills?limit=10000", "time");
            List<Map<String, Object>> actual = fills(bot.trader, "/api/fills?bot=" + bot.id + "&limit=10000",
                    "executedAt");
            compared += expected.size();
            System.out.printf("parity %s from %s to %s: %d fills by the bot, %d by the backtest%n", bot.c, from,
                    last, actual.size(), expected.size());
            if (!actual.equals(expected)) {
                failures.add(bot.c + " from " + from + " to " + last + ":\n  bot      " + actual
                        + "\n  backtest " + expected);
            }
        }
        assertThat(failures).as("bots whose fills differ from their backtest's").isEmpty();
        assertThat(compared).as("fills compared over every case").isGreaterThan(CASES.size());
    }

    private record Running(Case c, TestUser trader, String id) {
    }

    private void awaitTraded(Running bot, long count) {
        awaitBot(bot.trader, bot.id, b -> candlesTraded(b) >= count, bot.c.toString());
    }
}
