package io.cryptobot.app.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Load time of the overview page in chromium for a user with 50 bots (docs/benchmarks.md): 30 finished with
 * their trades, 20 running (their open positions are read too). Each sample reloads the page and waits until
 * every section has rendered (the page marks itself loaded): HTML, scripts, the API calls and the charts.
 * Run with {@code -Pbench -Dtest=DashboardBench}.
 */
@QuarkusTest
class DashboardBench {
    private static final String PASSWORD = "correct horse battery";
    private static final int SAMPLES = Integer.getInteger("bench.samples", 20);

    @TestHTTPResource("/")
    URL base;

    @Test
    void overview_with_fifty_bots() {
        String email = "bench-" + UUID.randomUUID() + "@example.test";
        String id = given().contentType(ContentType.JSON).header("X-Forwarded-For", Browser.newAddress())
                .body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/register")
                .then().statusCode(201).extract().path("id");
        String token = given().contentType(ContentType.JSON).header("X-Forwarded-For", Browser.newAddress())
                .body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).extract().path("accessToken");
        TestUser trader = new TestUser(UUID.fromString(id), email, "trader", token);
        String instrument = TradingFixtures.newInstrumentWithCandles(trader, "2024-01-01T00:00:00Z", 1_440);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accounts.add(TradingFixtures.paperAccount(trader, "10000"));
        }
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            finished.add(startBot(trader, instrument, accounts.get(i % 20), "done " + i, 10_000_000L));
            if (i == 19 || i == 29) {
                finished.forEach(bot -> await(trader, bot, "completed"));
            }
        }
        for (int i = 0; i < 20; i++) {
            startBot(trader, instrument, accounts.get(i), "live " + i, 600);
        }
        assertThat(given().header("Authorization", trader.bearer()).get("/api/bots?limit=1").then().extract()
                .jsonPath().getInt("total")).isEqualTo(50);

        try (Browser browser = new Browser()) {
            Page page = browser.page(1280, 900);
            page.navigate(base.toString());
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            long cold = System.nanoTime();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForSelector("main .page[data-loaded]");
            double coldMs = (System.nanoTime() - cold) / 1e6;
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                long start = System.nanoTime();
                page.reload();
                page.waitForSelector("main .page[data-loaded]");
                samples.add((System.nanoTime() - start) / 1e6);
            }
            Browser.screenshot(page, "bench-overview-50-bots");
            System.out.println("DashboardBench: slowest requests of the last load: " + page.evaluate(
                    "() => performance.getEntriesByType('resource').sort((a, b) => b.duration - a.duration).slice(0, 8)"
                            + ".map(e => e.name.replace(location.origin, '') + ' ' + Math.round(e.duration) + ' ms').join(', ')"));
            samples.sort(Double::compare);
            System.out.printf("DashboardBench: overview with 50 bots (20 running): first load after login %.0f ms; "
                            + "reload over %d samples p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", coldMs, SAMPLES,
                    samples.get(SAMPLES / 2), samples.get((int) Math.ceil(SAMPLES * 0.95) - 1), samples.getLast());
            assertThat(browser.problems).isEmpty();
        }
    }

    private static String startBot(TestUser trader, String instrument, String account, String name, long speed) {
        Map<String, Object> bot = new HashMap<>();
        bot.put("name", name);
        bot.put("strategy", "sma_crossover");
        bot.put("parameters", Map.of("fast", "5", "slow", "20"));
        bot.put("instrument", instrument);
        bot.put("timeframe", "1m");
        bot.put("accountId", account);
        bot.put("feed", Map.of("kind", "replay", "from", "2024-01-01T00:00:00Z", "to", "2024-01-02T00:00:00Z",
                "speed", String.valueOf(speed)));
        String id = given().header("Authorization", trader.bearer()).contentType(ContentType.JSON).body(bot)
                .post("/api/bots").then().statusCode(201).extract().path("id");
        given().header("Authorization", trader.bearer()).post("/api/bots/" + id + "/start").then().statusCode(200);
        return id;
    }

    private static void await(TestUser trader, String bot, String status) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!status.equals(given().header("Authorization", trader.bearer()).get("/api/bots/" + bot).then()
                .extract().path("status"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
