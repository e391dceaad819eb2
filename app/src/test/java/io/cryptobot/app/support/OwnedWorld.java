package io.cryptobot.app.support;

import static io.restassured.RestAssured.given;

import io.cryptobot.app.marketdata.ScriptedTestVenue;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.kernel.domain.InstrumentId;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of every resource a user owns, made through the API (paper account, live connection, running bot, open hand
 * order, backtest, sweep, notification endpoint, alert rule, replay, download, import, private dataset), by the kind
 * of id each path of the API names; {@link #fill} puts them into a path of the OpenAPI document.
 */
public final class OwnedWorld {
    public static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    public static final String FROM = "2024-01-01T00:00:00Z";
    public static final String API_KEY = "OWNEDWORLDKEY0001abcd";
    public static final String SECRET = "OWNEDWORLD-SECRET-never-shown";

    private OwnedWorld() {
    }

    /** Market data addressed by venue and symbol is shared reference data (or the caller's own), not the owner's. */
    public static final List<String> SHARED = List.of("/api/marketdata/candles/", "/api/marketdata/instruments/",
            "/api/admin/");

    /** The owner's resources, made through the API, by the kind of id each path names. */
    public static Map<String, String> create(TestUser owner, ScriptedTestVenue venue) {
        Map<String, String> ids = new LinkedHashMap<>();
        String instrument = TradingFixtures.newInstrumentWithCandles(owner, FROM, 240);
        String account = TradingFixtures.paperAccount(owner, "10000");
        ids.put("account", account);
        ids.put("connection", post(owner, "/api/accounts/connections", Map.of("name", "live " + System.nanoTime(),
                "venue", "BINANCE", "apiKey", API_KEY, "secret", SECRET), 201).path("id"));
        Map<String, Object> bot = new HashMap<>();
        bot.put("name", "bot " + System.nanoTime());
        bot.put("strategy", "sma_crossover");
        bot.put("parameters", Map.of("fast", "3", "slow", "8"));
        bot.put("instrument", instrument);
        bot.put("timeframe", "1m");
        bot.put("accountId", account);
        bot.put("feed", Map.of("from", FROM, "to", "2024-01-01T04:00:00Z", "speed", "60"));
        ids.put("bot", post(owner, "/api/bots", bot, 201).path("id"));
        post(owner, "/api/bots/" + ids.get("bot") + "/start", null, 200);
        Map<String, Object> hand = Map.of("accountId", account, "clientOrderId", "owned-1", "instrument", instrument,
                "side", "buy", "type", "limit", "limitPrice", "1", "quantity", "0.01");
        Response order = given().header("Authorization", owner.bearer()).contentType(ContentType.JSON).body(hand)
                .post("/api/orders");
        for (int i = 0; i < 100 && order.statusCode() == 422; i++) { // no price until the feed's first candle
            sleep(100);
            order = given().header("Authorization", owner.bearer()).contentType(ContentType.JSON).body(hand)
                    .post("/api/orders");
        }
        order.then().statusCode(201);
        ids.put("order", order.path("id"));
        ids.put("correlation", order.path("correlationId"));
        Map<String, Object> backtest = new HashMap<>();
        backtest.put("strategy", "sma_crossover");
        backtest.put("parameters", Map.of("fast", "3", "slow", "8"));
        backtest.put("instruments", List.of(instrument));
        backtest.put("timeframe", "1m");
        backtest.put("from", FROM);
        backtest.put("to", "2024-01-01T04:00:00Z");
        ids.put("backtest", post(owner, "/api/backtests", backtest, 202).path("id"));
        ids.put("sweep", post(owner, "/api/backtests/sweeps", Map.of("kind", "grid", "backtest",
                Map.of("strategy", "sma_crossover", "instruments", List.of(instrument), "timeframe", "1m",
                        "from", FROM, "to", "2024-01-01T04:00:00Z"),
                "space", Map.of("fast", Map.of("values", List.of("3", "4")), "slow", Map.of("values", List.of("8"))),
                "objective", "sharpe"), 202).path("id"));
        ids.put("endpoint", post(owner, "/api/notifications/endpoints", Map.of("name", "hook", "format", "generic",
                "url", "https://hooks.example.com/cross", "events", List.of("order.filled")), 201).path("endpoint.id"));
        ids.put("alert", post(owner, "/api/notifications/alerts", Map.of("name", "dd", "kind", "drawdown",
                "threshold", "10", "botId", ids.get("bot")), 201).path("id"));
        ids.put("replay", post(owner, "/api/marketdata/replays", Map.of("instrument", instrument, "timeframe", "1m",
                "from", FROM, "to", "2024-01-01T04:00:00Z", "speed", "1"), 201).path("id"));
        InstrumentId listed = venue.list("XU" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(),
                Instant.parse(FROM).toEpochMilli(), 60);
        ids.put("download", post(owner, "/api/marketdata/downloads", Map.of("instrument", listed.toString(),
                "timeframe", "1m", "from", FROM, "to", "2024-01-01T01:00:00Z"), 202).path("id"));
        ids.put("import", given().header("Authorization", owner.bearer()).get("/api/marketdata/imports")
                .then().statusCode(200).extract().path("items[0].id"));
        String[] parts = instrument.split("[:/]");
        ids.put("venue", parts[0]);
        ids.put("base", parts[1]);
        ids.put("quote", parts[2]);
        return ids;
    }

    /** The JSON request body example of an operation of the OpenAPI document ({@code example} or the first of {@code examples}). */
    public static com.fasterxml.jackson.databind.JsonNode example(com.fasterxml.jackson.databind.JsonNode op) {
        com.fasterxml.jackson.databind.JsonNode media = op.at("/requestBody/content/application~1json");
        if (media.has("example")) {
            return media.get("example");
        }
        var examples = media.path("examples").elements();
        return examples.hasNext() ? examples.next().path("value") : null;
    }

    /** A valid value of a required query parameter. */
    public static String queryValue(String name) {
        return switch (name) {
            case "timeframe" -> "1m";
            case "from" -> FROM;
            case "to" -> "2024-01-01T04:00:00Z";
            default -> throw new IllegalArgumentException("no value for the required query parameter " + name);
        };
    }

    /** The concrete path with the owner's ids, or null when the path names a kind of id this test does not know. */
    public static String fill(String path, Map<String, String> ids) {
        String kind = kind(path);
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "venue", "base", "quote" -> ids.get(name);
                case "correlationId" -> ids.get("correlation");
                case "id" -> kind == null ? null : ids.get(kind);
                default -> null;
            };
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String kind(String path) {
        if (path.startsWith("/api/accounts/{id}/limits") || path.startsWith("/api/accounts/{id}/test")
                || path.startsWith("/api/accounts/{id}/reconciliation")) {
            return "connection";
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("/api/backtests/sweeps/", "sweep");
        prefixes.put("/api/backtests/", "backtest");
        prefixes.put("/api/bots/", "bot");
        prefixes.put("/api/orders/", "order");
        prefixes.put("/api/accounts/", "account");
        prefixes.put("/api/notifications/endpoints/", "endpoint");
        prefixes.put("/api/notifications/alerts/", "alert");
        prefixes.put("/api/marketdata/replays/", "replay");
        prefixes.put("/api/marketdata/downloads/", "download");
        prefixes.put("/api/marketdata/imports/", "import");
        prefixes.put("/api/marketdata/datasets/", "dataset");
        prefixes.put("/api/admin/users/", "user");
        return prefixes.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    static Response post(TestUser user, String path, Object body, int status) {
        RequestSpecification request = given().header("Authorization", user.bearer());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.post(path);
        response.then().statusCode(status);
        return response;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
