package io.cryptobot.app.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (chromium, headless) against the running platform: log in, run a backtest and
 * watch it to its chart, create and start a paper bot from the form and see its trades marked on the candles,
 * halt with a reason and see the bot paused, a viewer without a single action button, another user's bot not
 * found. Screenshots of every page go to target/screenshots/.
 */
@QuarkusTest
class DashboardBrowserTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String FROM = "2024-01-01T00:00";
    private static final String TO = "2024-01-02T00:00";
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duWx9z";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static Browser browser;
    private static Receiver receiver;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        browser = new Browser();
        receiver = Receiver.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void a_trader_backtests_runs_a_bot_and_halts_a_viewer_only_looks_and_no_one_sees_another_users_bot() {
        TestUser admin = TestUsers.create("admin");
        Login trader = register("trader", admin);
        Login adminLogin = register("admin", admin);
        TestUser traderApi = new TestUser(trader.id, trader.email, "trader", apiToken(trader));
        String instrument = TradingFixtures.newInstrumentWithCandles(traderApi, "2024-01-01T00:00:00Z", 1_440);
        String strangersBot = botOf(TestUsers.create("trader"), "strangers bot");
        // a viewer with a bot of their own (made while they were a trader): they see it and cannot act on it
        Login viewer = register("trader", admin);
        botOf(new TestUser(viewer.id, viewer.email, "trader", apiToken(viewer)), "viewers bot");
        changeRole(viewer, "viewer", admin);

        Page page = browser.page(1280, 900);
        try {
            run(page, trader, viewer, adminLogin, instrument, strangersBot);
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(page, "failure");
            throw new AssertionError("failed at " + page.url() + " showing: " + page.locator("main").innerText(), e);
        }
    }

    private void run(Page page, Login trader, Login viewer, Login adminLogin, String instrument, String strangersBot) {
        page.navigate(base.toString());
        logIn(page, trader);
        Browser.screenshot(page, "01-overview-empty");

        // accounts from the forms: a paper account, and a connection whose key and secret never come back
        page.navigate(base + "#/accounts");
        Locator paper = page.locator("form", new Page.LocatorOptions().setHas(page.locator("#paper-title")));
        paper.getByLabel("Name").fill("paper main");
        paper.getByLabel("Balances").fill("USDT=10000");
        paper.getByRole(AriaRole.BUTTON).click();
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("paper main");
        Locator connection = page.locator("form", new Page.LocatorOptions().setHas(page.locator("#conn-title")));
        connection.getByLabel("Name").fill("binance main");
        connection.getByLabel("API key").fill(API_KEY);
        connection.getByLabel("Secret").fill(SECRET);
        connection.getByRole(AriaRole.BUTTON).click();
        PlaywrightAssertions.assertThat(page.locator("main table")).containsText("****" + API_KEY.substring(API_KEY.length() - 4));
        assertThat(page.content()).doesNotContain(SECRET).doesNotContain(API_KEY);
        assertThat(connection.getByLabel("Secret").inputValue()).isEmpty();
        Browser.screenshot(page, "01b-accounts");

        // an upload with its progress, imported as a job of the list
        page.navigate(base + "#/market");
        Locator upload = page.locator("form", new Page.LocatorOptions().setHas(page.locator("input[type=file]")));
        upload.getByLabel("Instrument", new Locator.GetByLabelOptions().setExact(true)).fill(instrument);
        upload.getByLabel("Format").selectOption("csv");
        upload.getByLabel("File (CSV or zip)").setInputFiles(new FilePayload("prices.csv", "text/csv",
                ("timestamp,open,high,low,close,volume\n2024-01-03T00:00:00Z,42000,42010,41990,42005,1.5\n"
                        + "2024-01-03T00:01:00Z,42005,42020,42000,42015,2\n").getBytes(StandardCharsets.UTF_8)));
        upload.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        PlaywrightAssertions.assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("prices.csv")))
                .containsText("completed");
        assertThat((Object) page.evaluate("() => document.querySelector('progress[aria-label=\"Upload progress\"]').value"))
                .isEqualTo(1);

        // a download from the simulated venue, followed to the end; then its live prices
        Locator download = page.locator("form", new Page.LocatorOptions().setHas(page.locator("input[name=dl-instrument]")));
        download.getByLabel("Instrument", new Locator.GetByLabelOptions().setExact(true)).fill("SIM:BTC/USDT");
        download.getByLabel("Timeframe").selectOption("1h");
        download.getByLabel("From (UTC)").fill("2026-01-01T00:00");
        download.getByLabel("To (UTC)").fill("2026-01-03T00:00");
        download.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Download")).click();
        Locator downloaded = page.getByLabel("Progress of the download of SIM:BTC/USDT 1h").first();
        page.waitForFunction("() => [...document.querySelectorAll('progress')].some(p =>"
                + " p.getAttribute('aria-label') === 'Progress of the download of SIM:BTC/USDT 1h' && p.value === 1)");
        PlaywrightAssertions.assertThat(page.locator("tr", new Page.LocatorOptions().setHas(downloaded)).first())
                .containsText("completed");
        Locator live = page.locator("form", new Page.LocatorOptions().setHas(page.locator("input[name=live-instrument]")));
        live.getByLabel("Instrument", new Locator.GetByLabelOptions().setExact(true)).fill("SIM:BTC/USDT");
        live.getByLabel("Timeframe").selectOption("1m");
        live.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Watch")).click();
        // the SIM venue runs 600 times faster in tests: a closed 1m candle every 100 ms
        page.waitForFunction("() => Number(document.getElementById('live-price').dataset.updates || 0) >= 3");
        page.waitForSelector("#live-chart canvas");
        assertThat(page.locator("#live-price").innerText()).matches("[0-9,]+(\\.[0-9]+)?");
        Browser.screenshot(page, "01c-market-live");
        live.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop")).click();

        // a backtest from the form, followed to the end, its equity chart drawn
        page.navigate(base + "#/backtests");
        page.getByLabel("Instrument", new Page.GetByLabelOptions().setExact(true)).selectOption(instrument);
        page.getByLabel("From (UTC)").fill(FROM);
        page.getByLabel("To (UTC)").fill(TO);
        page.getByLabel("fast", new Page.GetByLabelOptions().setExact(true)).fill("5");
        page.getByLabel("slow", new Page.GetByLabelOptions().setExact(true)).fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();
        page.waitForURL(Pattern.compile(".*#/backtests/[0-9a-f-]{36}$"));
        page.waitForFunction("() => document.getElementById('bt-progress')?.value === 1");
        page.waitForSelector("#bt-equity canvas");
        page.waitForSelector("#bt-report");
        assertThat(linePixels(page, "#bt-equity")).as("pixels of the equity line").isGreaterThan(200);
        PlaywrightAssertions.assertThat(page.locator("#bt-status")).containsText("completed");
        Browser.screenshot(page, "02-backtest");

        // a grid sweep over two parameters: ranked, and drawn as a heat map
        page.navigate(base + "#/backtests");
        page.getByLabel("Kind", new Page.GetByLabelOptions().setExact(true)).selectOption("grid");
        page.getByLabel("Instrument", new Page.GetByLabelOptions().setExact(true)).selectOption(instrument);
        page.getByLabel("From (UTC)").fill(FROM);
        page.getByLabel("To (UTC)").fill(TO);
        page.getByLabel("fast values").fill("5,10");
        page.getByLabel("slow values").fill("20:30:10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();
        page.waitForURL(Pattern.compile(".*#/sweeps/[0-9a-f-]{36}$"));
        page.waitForSelector("#sweep-heatmap canvas");
        assertThat(page.locator("main table tbody tr").count()).isEqualTo(4);
        assertThat((Object) page.evaluate("() => window.echarts.getInstanceByDom(document.getElementById('sweep-heatmap'))"
                + ".getOption().series[0].data.length")).isEqualTo(4);
        Browser.screenshot(page, "02b-sweep");

        // a paper bot from the form: started, its trades marked on its candles as they happen
        page.navigate(base + "#/bots");
        String botName = "browser bot " + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(botName);
        page.getByLabel("fast", new Page.GetByLabelOptions().setExact(true)).fill("5");
        page.getByLabel("slow", new Page.GetByLabelOptions().setExact(true)).fill("20");
        page.getByLabel("Instrument", new Page.GetByLabelOptions().setExact(true)).selectOption(instrument);
        page.getByLabel("Replay from (UTC)").fill(FROM);
        page.getByLabel("Replay to (UTC)").fill(TO);
        page.getByLabel("Speed (× real time)").fill("1200");
        List<String> candleReads = new CopyOnWriteArrayList<>();
        List<String> performanceReads = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/marketdata/candles/")) {
                candleReads.add(request.url());
            } else if (request.url().contains("/performance")) {
                performanceReads.add(request.url());
            }
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create bot")).click();
        page.waitForURL(Pattern.compile(".*#/bots/[0-9a-f-]{36}$"));
        page.locator("main button[data-action=start]").click();
        page.waitForFunction("() => { const el = document.getElementById('bot-chart');"
                + " const c = el && window.echarts.getInstanceByDom(el); if (!c) return false;"
                + " const marks = c.getOption().series[0].markPoint; return !!marks && marks.data.length > 0; }");
        assertThat(page.locator("#bot-chart").getAttribute("data-markers")).isNotEqualTo("0");
        // the running bot's page was read again several times, its candles never again from the start
        page.waitForCondition(() -> performanceReads.size() >= 3);
        assertThat(candleReads).filteredOn(url -> url.contains("from=2024-01-01T00:00:00.000Z")).hasSize(1);
        Browser.screenshot(page, "03-bot-detail");

        // a webhook endpoint from the form: its secret shown once, then gone from the page
        page.navigate(base + "#/notifications");
        Locator endpoint = page.locator("form[aria-labelledby=new-ep-title]");
        endpoint.getByLabel("Name").fill("my receiver");
        endpoint.getByLabel("URL").fill(receiver.url());
        endpoint.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add endpoint")).click();
        String secret = page.locator("#ep-secret-value").innerText();
        assertThat(secret).isNotBlank();
        Browser.screenshot(page, "05a-notifications-secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have stored it: hide")).click();
        assertThat(page.content()).doesNotContain(secret);
        Locator endpointRow = page.locator("tr", new Page.LocatorOptions().setHasText("my receiver"));
        endpointRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable my receiver")).click();
        PlaywrightAssertions.assertThat(endpointRow.locator(".badge")).hasText("disabled");
        endpointRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable my receiver")).click();
        PlaywrightAssertions.assertThat(endpointRow.locator(".badge")).hasText("enabled");

        // alert rules from the form: listed with their condition, threshold and bot; one deleted with the keyboard
        Locator ruleForm = page.locator("form[aria-labelledby=new-rule-title]");
        ruleForm.getByLabel("Rule name").fill("deep drawdown");
        ruleForm.getByLabel("Condition").selectOption("drawdown");
        ruleForm.getByLabel("Threshold").fill("10");
        ruleForm.getByLabel("Bot", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(botName));
        ruleForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add rule")).click();
        Locator ruleRow = page.locator("#alert-rules tr", new Page.LocatorOptions().setHasText("deep drawdown"));
        PlaywrightAssertions.assertThat(ruleRow).containsText("10 %");
        PlaywrightAssertions.assertThat(ruleRow).containsText(botName);
        PlaywrightAssertions.assertThat(ruleRow.locator(".badge")).hasText("enabled");
        ruleForm.getByLabel("Rule name").fill("daily loss");
        ruleForm.getByLabel("Condition").selectOption("daily_loss");
        ruleForm.getByLabel("Threshold").fill("250");
        ruleForm.getByLabel("Unit").selectOption("quote");
        ruleForm.getByLabel("Threshold").press("Enter");
        Locator lossRow = page.locator("#alert-rules tr", new Page.LocatorOptions().setHasText("daily loss"));
        PlaywrightAssertions.assertThat(lossRow).containsText("250 in the bot’s currency");
        PlaywrightAssertions.assertThat(lossRow).containsText("each of my bots");
        Browser.screenshot(page, "05c-alert-rules");
        lossRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete rule daily loss")).focus();
        page.keyboard().press("Enter");
        page.locator("#confirm-ok").focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(lossRow).hasCount(0);
        PlaywrightAssertions.assertThat(ruleRow).hasCount(1);

        // halt with a reason: the running bot is paused
        page.navigate(base + "#/overview");
        page.locator("button[data-action=ks-halt]").click();
        page.locator("#confirm-reason").fill("browser test halt");
        page.locator("#confirm-ok").click();
        PlaywrightAssertions.assertThat(page.locator("#ks-state")).hasText("halted");
        PlaywrightAssertions.assertThat(page.locator("#ks-reason")).hasText("browser test halt");
        Browser.screenshot(page, "04-overview-halted");
        // the halt reached the receiver, signed, and the endpoint's delivery log says so
        page.navigate(base + "#/notifications");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deliveries of my receiver")).click();
        PlaywrightAssertions.assertThat(page.locator("#ep-log tr", new Page.LocatorOptions().setHasText("risk.kill_switch")))
                .containsText("delivered", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(receiver.signatures()).anySatisfy(signature -> assertThat(signature).startsWith("t=").contains(",v1="));
        Browser.screenshot(page, "05b-notifications-log");
        page.navigate(base + "#/bots");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(botName));
        PlaywrightAssertions.assertThat(row.locator(".badge")).hasText("paused");
        page.waitForSelector("#new-bot-title");
        Browser.screenshot(page, "05-bots");

        // another user's bot: not found, nothing of it shown
        page.navigate(base + "#/bots/" + strangersBot);
        PlaywrightAssertions.assertThat(page.locator("main h1")).hasText("Not found");
        assertThat(page.locator("#bot-chart").count()).isZero();
        Browser.screenshot(page, "06-not-found");

        for (String[] view : new String[][] {{"#/market", "07-market"}, {"#/accounts", "08-accounts"}}) {
            page.navigate(base + view[0]);
            page.waitForSelector("main table");
            Browser.screenshot(page, view[1]);
        }

        // a viewer sees and cannot act: no action button on any page, no creation form
        Page seen = browser.page(390, 844);
        seen.navigate(base.toString());
        logIn(seen, viewer);
        seen.waitForSelector("main .page[data-loaded]");
        PlaywrightAssertions.assertThat(seen.locator("#bot-counts")).containsText("1 bots: 1 created");
        assertThat(seen.locator("main button").count()).isZero();
        Browser.screenshot(seen, "09-viewer-overview-phone");
        seen.navigate(base + "#/bots");
        PlaywrightAssertions.assertThat(seen.locator("tr", new Page.LocatorOptions().setHasText("viewers bot")))
                .containsText("created");
        assertThat(seen.locator("main button").count()).isZero();
        Browser.screenshot(seen, "10-viewer-bots-phone");
        assertThat(seen.locator("#new-bot-title").count()).isZero();
        seen.navigate(base + "#/backtests");
        seen.waitForSelector("#runs-title");
        assertThat(seen.locator("main button, main form").count()).isZero();
        seen.navigate(base + "#/accounts");
        seen.waitForSelector("#acc-title");
        assertThat(seen.locator("main button, main form").count()).isZero();
        seen.navigate(base + "#/notifications");
        seen.waitForSelector("#rules-title");
        seen.waitForSelector("#ep-title");
        assertThat(seen.locator("main button, main form").count()).isZero();
        Browser.screenshot(seen, "12-viewer-notifications-phone");

        Page adminPage = browser.page(1280, 900);
        adminPage.navigate(base.toString());
        logIn(adminPage, adminLogin);
        adminPage.navigate(base + "#/admin");
        adminPage.waitForSelector("#users-title");
        PlaywrightAssertions.assertThat(adminPage.getByLabel("Role of " + viewer.email)).hasValue("viewer");
        Browser.screenshot(adminPage, "11-admin");

        assertThat(browser.problems).as("page errors and content security policy reports").isEmpty();
    }

    @Test
    void the_pages_are_served_with_a_content_security_policy_that_allows_no_inline_script() {
        String csp = given().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .extract().header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
        String scriptSrc = csp.replaceAll(".*script-src ([^;]*).*", "$1");
        assertThat(scriptSrc).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        assertThat(given().get("/ui/app.js").then().statusCode(200).extract().header("Content-Security-Policy"))
                .isEqualTo(csp);
    }

    /** How many pixels of the chart's canvas have ECharts' first series colour (#5470c6): the line was drawn. */
    private static long linePixels(Page page, String chart) {
        Object count = page.evaluate("sel => { const cv = document.querySelector(sel + ' canvas');"
                + " const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) { if (d[i+3] > 200 && Math.abs(d[i]-84) < 30"
                + " && Math.abs(d[i+1]-112) < 30 && Math.abs(d[i+2]-198) < 30) n++; } return n; }", chart);
        return ((Number) count).longValue();
    }

    private static void logIn(Page page, Login user) {
        page.getByLabel("E-mail").fill(user.email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        PlaywrightAssertions.assertThat(page.locator("main h1")).hasText("Overview");
        PlaywrightAssertions.assertThat(page.locator("#who")).containsText(user.email);
    }

    private record Login(UUID id, String email) {
    }

    /** A webhook receiver on loopback that answers 200 and keeps each delivery's signature header. */
    private record Receiver(HttpServer server, List<String> signatures) implements AutoCloseable {
        static Receiver start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                List<String> signatures = new CopyOnWriteArrayList<>();
                server.createContext("/hook", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Cryptobot-Signature")));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                server.start();
                return new Receiver(server, signatures);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A user who logs in with a password: registered (a trader), then given the role by an admin. */
    private static Login register(String role, TestUser admin) {
        String email = role + "-" + UUID.randomUUID() + "@example.test";
        String id = given().contentType(ContentType.JSON).header("X-Forwarded-For", Browser.newAddress())
                .body(Map.of("email", email, "password", PASSWORD)).post("/api/auth/register")
                .then().statusCode(201).extract().path("id");
        Login login = new Login(UUID.fromString(id), email);
        if (!role.equals("trader")) {
            changeRole(login, role, admin);
        }
        return login;
    }

    private static void changeRole(Login user, String role, TestUser admin) {
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("role", role)).patch("/api/admin/users/" + user.id).then().statusCode(200);
    }

    private static String apiToken(Login user) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Browser.newAddress())
                .body(Map.of("email", user.email, "password", PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).extract().path("accessToken");
    }

    /** A bot (created, not started) of this user, on their own candles and account. */
    private static String botOf(TestUser stranger, String name) {
        String instrument = TradingFixtures.newInstrumentWithCandles(stranger, "2024-01-01T00:00:00Z", 60);
        String account = TradingFixtures.paperAccount(stranger, "10000");
        Map<String, Object> bot = new HashMap<>();
        bot.put("name", name);
        bot.put("strategy", "sma_crossover");
        bot.put("parameters", Map.of("fast", "5", "slow", "20"));
        bot.put("instrument", instrument);
        bot.put("timeframe", "1m");
        bot.put("accountId", account);
        bot.put("feed", Map.of("kind", "replay", "from", "2024-01-01T00:00:00Z", "to", "2024-01-01T01:00:00Z", "speed", "60"));
        JsonPath created = given().header("Authorization", stranger.bearer()).contentType(ContentType.JSON).body(bot)
                .post("/api/bots").then().statusCode(201).extract().jsonPath();
        return created.getString("id");
    }
}
