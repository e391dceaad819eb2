package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.cryptobot.app.support.TradingFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel text policy at every text field of every context: a NUL, a C0 control, a bidi override (U+202E), a
 * zero-width space (U+200B) and a lone surrogate each answer 400 problem+json naming the field, and nothing is
 * stored. JSON bodies are written with every non-ASCII character escaped ({@code \\uD800}), since a lone surrogate
 * cannot be sent as UTF-8.
 */
@QuarkusTest
class TextInputPolicyTest {
    static final String FROM = "2024-01-01T00:00:00Z";
    static final String TO = "2024-01-01T01:00:00Z";
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Map<String, String> BAD = Map.of(
            "NUL", "a\u0000b",
            "C0 control", "a\u001Bb",
            "bidi override", "\u202Egnp.exe",
            "zero-width space", "ad\u200Bmin",
            "lone surrogate", "a\uD800b");

    /** Made once for the whole class: users, an account, an instrument with candles and a bot. */
    private static World world;

    private record World(TestUser trader, TestUser admin, String account, String instrument, String bot) {
    }

    private static synchronized World world() {
        if (world == null) {
            TestUser trader = TestUsers.create("trader");
            TestUser admin = TestUsers.create("admin");
            String account = TradingFixtures.paperAccount(trader, "10000");
            String instrument = TradingFixtures.newInstrumentWithCandles(trader, FROM, 60);
            Map<String, Object> bot = botRequest(instrument, account);
            String id = send(trader, "POST", "/api/bots", json(bot)).then().statusCode(201).extract().path("id");
            send(trader, "POST", "/api/bots/" + id + "/start", null).then().statusCode(200);
            world = new World(trader, admin, account, instrument, id);
        }
        return world;
    }

    /** One text input: how to send a request with {@code value} in it, the field named, what must not change. */
    record Input(String name, String field, Function<String, Response> send, Supplier<Object> stored) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> jsonFields() {
        List<Input> inputs = new ArrayList<>();
        // identity (no login needed)
        inputs.add(new Input("register displayName", "displayName",
                v -> anonymous("/api/auth/register", Map.of("email", newEmail(), "password", "long enough 123",
                        "displayName", v)), TextInputPolicyTest::users));
        inputs.add(new Input("register email", "email",
                v -> anonymous("/api/auth/register", Map.of("email", "x" + v + "@example.test",
                        "password", "long enough 123")), TextInputPolicyTest::users));
        inputs.add(new Input("register password", "password",
                v -> anonymous("/api/auth/register", Map.of("email", newEmail(), "password", "long enough " + v)),
                TextInputPolicyTest::users));
        inputs.add(new Input("login email", "email",
                v -> anonymous("/api/auth/login", Map.of("email", "x" + v + "@example.test", "password", "whatever")),
                TextInputPolicyTest::users));
        inputs.add(new Input("login password", "password",
                v -> anonymous("/api/auth/login", Map.of("email", newEmail(), "password", v)),
                TextInputPolicyTest::users));
        inputs.add(new Input("refresh token", "refreshToken",
                v -> anonymous("/api/auth/refresh", Map.of("refreshToken", v)), TextInputPolicyTest::users));
        inputs.add(new Input("admin user role", "role",
                v -> send(world().admin(), "PATCH", "/api/admin/users/" + world().trader().id(),
                        json(Map.of("role", v))), () -> traderRole()));
        // exchange accounts
        inputs.add(new Input("paper account name", "name",
                v -> trader("POST", "/api/accounts/paper", Map.of("name", "paper " + v,
                        "balances", Map.of("USDT", "100"))), () -> total("/api/accounts")));
        inputs.add(new Input("paper account balance asset", "balances",
                v -> trader("POST", "/api/accounts/paper", Map.of("name", "paper",
                        "balances", Map.of("US" + v, "100"))), () -> total("/api/accounts")));
        inputs.add(new Input("paper account balance amount", "balances.USDT",
                v -> trader("POST", "/api/accounts/paper", Map.of("name", "paper",
                        "balances", Map.of("USDT", "1" + v))), () -> total("/api/accounts")));
        inputs.add(new Input("connection name", "name",
                v -> trader("POST", "/api/accounts/connections", Map.of("name", "live " + v, "venue", "BINANCE",
                        "apiKey", "abcdefgh1234", "secret", "abcdefgh1234")), () -> total("/api/accounts")));
        inputs.add(new Input("connection apiKey", "apiKey",
                v -> trader("POST", "/api/accounts/connections", Map.of("name", "live", "venue", "BINANCE",
                        "apiKey", "abcdefgh" + v, "secret", "abcdefgh1234")), () -> total("/api/accounts")));
        // bots
        inputs.add(new Input("bot name", "name", v -> {
            Map<String, Object> bot = botRequest(world().instrument(), world().account());
            bot.put("name", "sma " + v);
            return trader("POST", "/api/bots", bot);
        }, () -> total("/api/bots")));
        inputs.add(new Input("bot parameter value", "parameters.fast", v -> {
            Map<String, Object> bot = botRequest(world().instrument(), world().account());
            bot.put("parameters", Map.of("fast", "5" + v, "slow", "20"));
            return trader("POST", "/api/bots", bot);
        }, () -> total("/api/bots")));
        inputs.add(new Input("bot pause reason", "reason",
                v -> trader("POST", "/api/bots/" + world().bot() + "/pause", Map.of("reason", "news " + v)),
                TextInputPolicyTest::botState));
        inputs.add(new Input("bot stop reason", "reason",
                v -> trader("POST", "/api/bots/" + world().bot() + "/stop", Map.of("reason", "done " + v)),
                TextInputPolicyTest::botState));
        // risk
        for (String change : List.of("halt", "reduce-only", "resume")) {
            inputs.add(new Input("risk " + change + " reason", "reason",
                    v -> trader("POST", "/api/risk/" + change, Map.of("reason", "why " + v)),
                    TextInputPolicyTest::riskState));
        }
        inputs.add(new Input("risk limits currency", "currency",
                v -> trader("PUT", "/api/risk/limits", Map.of("currency", "US" + v, "maxOpenOrders", "5")),
                () -> get("/api/risk/limits").asString()));
        // orders
        inputs.add(new Input("order clientOrderId", "clientOrderId",
                v -> trader("POST", "/api/orders", order("c-" + v, world().instrument())),
                () -> total("/api/orders")));
        inputs.add(new Input("order instrument", "instrument",
                v -> trader("POST", "/api/orders", order("c-1", world().instrument() + v)),
                () -> total("/api/orders")));
        // market data
        inputs.add(new Input("instrument venue", "venue",
                v -> trader("POST", "/api/marketdata/instruments", Map.of("venue", "VEN" + v, "base", "ABC",
                        "quote", "USDT", "tickSize", "0.01", "stepSize", "0.001")),
                () -> get("/api/marketdata/instruments").asString()));
        inputs.add(new Input("synthetic instrument", "instrument",
                v -> trader("POST", "/api/marketdata/synthetic", Map.of("instrument", world().instrument() + v,
                        "timeframe", "1m", "from", FROM, "count", 10)), () -> total("/api/marketdata/imports")));
        inputs.add(new Input("replay timeframe", "timeframe",
                v -> trader("POST", "/api/marketdata/replays", Map.of("instrument", world().instrument(),
                        "timeframe", "1m" + v, "from", FROM, "to", TO, "speed", "1")), () -> "none"));
        // backtests
        inputs.add(new Input("backtest strategy", "strategy",
                v -> trader("POST", "/api/backtests", backtest("sma_crossover" + v, "fast")),
                () -> total("/api/backtests")));
        inputs.add(new Input("backtest parameter name", "parameters",
                v -> trader("POST", "/api/backtests", backtest("sma_crossover", "fa" + v + "st")),
                () -> total("/api/backtests")));
        inputs.add(new Input("sweep kind", "kind",
                v -> trader("POST", "/api/backtests/sweeps", Map.of("kind", "grid" + v,
                        "backtest", backtest("sma_crossover", "fast"))), () -> total("/api/backtests/sweeps")));
        return inputs.stream().flatMap(input -> BAD.entrySet().stream()
                .map(bad -> Arguments.of(input, bad.getKey(), bad.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jsonFields")
    void a_refused_character_in_a_json_field_is_a_400_naming_the_field_and_nothing_is_stored(Input input,
                                                                                             String kind,
                                                                                             String value) {
        Object before = input.stored().get();

        Response response = input.send().apply(value);

        assertRefused(response, input.field());
        assertThat(input.stored().get()).as("stored state after %s", input).isEqualTo(before);
    }

    static Stream<Arguments> queryParameters() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, String> endpoints = Map.of(
                "/api/risk/blocks?rule=", "rule",
                "/api/orders?instrument=", "instrument",
                "/api/fills?bot=", "bot",
                "/api/audit/events?type=", "type",
                "/api/bots?limit=", "limit",
                "/api/marketdata/candles/BTVENUE/BTC/USDT?timeframe=", "timeframe");
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            for (Map.Entry<String, String> bad : BAD.entrySet()) {
                if (!bad.getKey().equals("lone surrogate")) {   // not encodable in a URL (UTF-8 has no such bytes)
                    cases.add(Arguments.of(endpoint.getKey(), endpoint.getValue(), bad.getKey(), bad.getValue()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("queryParameters")
    void a_refused_character_in_a_query_parameter_is_a_400_naming_it(String path, String field, String kind,
                                                                     String value) {
        Response response = given().urlEncodingEnabled(false).header("Authorization", world().trader().bearer())
                .get(path + URLEncoder.encode(value, StandardCharsets.UTF_8));

        assertRefused(response, field);
    }

    @Test
    void a_refused_character_in_the_path_is_a_400_naming_the_path() {
        for (String value : List.of("a%00b", "a%1Bb", "%E2%80%AE", "%E2%80%8B")) {
            assertRefused(given().urlEncodingEnabled(false).header("Authorization", world().trader().bearer())
                    .get("/api/bots/" + value), "path");
        }
    }

    @Test
    void a_refused_character_in_an_import_upload_is_a_400_naming_the_parameter() throws Exception {
        Path file = Files.createTempFile("klines", ".csv");
        Files.writeString(file, "1704067200000,1,1,1,1,1,1704067259999,1,1,1,1,0\n");
        Object before = total("/api/marketdata/imports");
        Response response = given().urlEncodingEnabled(false).header("Authorization", world().trader().bearer())
                .multiPart("file", file.toFile())
                .post("/api/marketdata/imports?instrument=" + URLEncoder.encode(world().instrument(),
                        StandardCharsets.UTF_8) + "&timeframe=1m%00&format=binance");
        assertRefused(response, "timeframe");
        assertThat(total("/api/marketdata/imports")).isEqualTo(before);
        Files.delete(file);
    }

    @Test
    void a_refused_character_in_a_field_no_endpoint_reads_is_never_a_server_error() {
        Response response = anonymous("/api/auth/register", Map.of("email", newEmail(), "password", "long enough 123",
                "nickname", "a\u0000b"));
        assertThat(response.statusCode()).isLessThan(500);
    }

    @Test
    void names_and_reasons_are_kept_in_nfc() {
        Map<String, Object> account = Map.of("name", "Zoe\u0308 paper", "balances", Map.of("USDT", "100"));
        String name = trader("POST", "/api/accounts/paper", account).then().statusCode(201).extract().path("name");
        assertThat(name).isEqualTo("Zo\u00EB paper");
        Map<String, Object> bot = botRequest(world().instrument(), world().account());
        bot.put("name", "cafe\u0301 bot");
        assertThat((String) trader("POST", "/api/bots", bot).then().statusCode(201).extract().path("name"))
                .isEqualTo("caf\u00E9 bot");
    }

    private static void assertRefused(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json");
        JsonPath body = response.jsonPath();
        assertThat(body.getList("errors.field", String.class)).as(response.asString()).contains(field);
    }

    private static Response anonymous(String path, Map<String, ?> body) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + ".7")
                .body(json(body)).post(path);
    }

    private static Response trader(String method, String path, Map<String, ?> body) {
        return send(world().trader(), method, path, json(body));
    }

    private static Response send(TestUser user, String method, String path, String body) {
        RequestSpecification request = given().header("Authorization", user.bearer());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }

    private static Response get(String path) {
        return given().header("Authorization", world().trader().bearer()).get(path);
    }

    private static Object total(String path) {
        return get(path).then().statusCode(200).extract().path("total");
    }

    private static Object users() {
        return given().header("Authorization", world().admin().bearer()).get("/api/admin/users?limit=1")
                .then().statusCode(200).extract().path("total");
    }

    private static Object traderRole() {
        return get("/api/me").then().statusCode(200).extract().path("role");
    }

    private static Object botState() {
        String status = get("/api/bots/" + world().bot()).then().statusCode(200).extract().path("status");
        return List.of(status,
                get("/api/bots/" + world().bot() + "/events").then().statusCode(200).extract().jsonPath()
                        .getList("items.kind").size());
    }

    private static Object riskState() {
        return List.of(get("/api/risk/state").asString(), total("/api/risk/events"));
    }

    /** ASCII JSON: every other character as a \\u escape, so lone surrogates arrive as sent. */
    private static String json(Map<String, ?> body) {
        try {
            return ESCAPING.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newEmail() {
        return "text-" + UUID.randomUUID() + "@example.test";
    }

    private static Map<String, Object> botRequest(String instrument, String account) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", "sma " + UUID.randomUUID());
        request.put("strategy", "sma_crossover");
        request.put("parameters", Map.of("fast", "5", "slow", "20"));
        request.put("instrument", instrument);
        request.put("timeframe", "1m");
        request.put("accountId", account);
        request.put("feed", Map.of("kind", "replay", "from", FROM, "to", TO, "speed", "1"));
        return request;
    }

    private static Map<String, Object> order(String clientOrderId, String instrument) {
        Map<String, Object> order = new HashMap<>();
        order.put("accountId", world().account());
        order.put("clientOrderId", clientOrderId);
        order.put("instrument", instrument);
        order.put("side", "buy");
        order.put("type", "market");
        order.put("quantity", "0.01");
        return order;
    }

    private static Map<String, Object> backtest(String strategy, String parameter) {
        Map<String, Object> request = new HashMap<>();
        request.put("strategy", strategy);
        request.put("parameters", Map.of(parameter, 5, "slow", 20));
        request.put("instruments", List.of(world().instrument()));
        request.put("timeframe", "1m");
        request.put("from", FROM);
        request.put("to", TO);
        return request;
    }
}
