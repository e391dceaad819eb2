package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cryptobot.app.marketdata.ScriptedTestVenue;
import io.cryptobot.app.support.OwnedWorld;
import io.cryptobot.app.support.TestUsers;
import io.cryptobot.app.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Broken input at every operation of the served OpenAPI document, on the owner's real ids: bad path ids, bad query
 * values, unreadable bodies and every top-level body field replaced by a wrong type or an extreme value. Every answer
 * must be a 2xx or a 4xx {@code application/problem+json} with a code, never a 5xx, and no answer may show internals
 * (exception or class names, SQL states). A refusal changes nothing of the owner's (their lists' totals).
 * {@code bin/fuzz-api} does the same, with more values, against a running instance.
 */
@QuarkusTest
class ApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> BAD_IDS = List.of("garbage", "-1", "99999999999999999999999", "1e309",
            "00000000-0000-0000-0000-000000000000", "x".repeat(300), "%C3%A9t%C3%A9");
    private static final List<String> BAD_QUERY = List.of("-1", "1e9", "garbage", "1e999999999",
            "+300000-01-01T00:00:00Z", "9223372036854775807", "x".repeat(2000));
    /** Raw JSON values put in place of one field. */
    private static final Map<String, String> BAD_VALUES = new LinkedHashMap<>();

    static {
        BAD_VALUES.put("1e309", "1e309");
        BAD_VALUES.put("\"NaN\"", "\"NaN\"");
        BAD_VALUES.put("\"1e999999999\"", "\"1e999999999\"");
        BAD_VALUES.put("\"1e-999999999\"", "\"1e-999999999\"");
        BAD_VALUES.put("400 nines", "\"" + "9".repeat(400) + "\"");
        BAD_VALUES.put("year 300000", "\"+300000-01-01T00:00:00Z\"");
        BAD_VALUES.put("epoch max", "\"9223372036854775807\"");
        BAD_VALUES.put("long string", "\"" + "x".repeat(20_000) + "\"");
        BAD_VALUES.put("unicode", "\"\u00fcn\u00ef\u00e7\u00f8d\u00e9 \uD83D\uDE80 \u65E5\u672C\"");
        BAD_VALUES.put("true", "true");
        BAD_VALUES.put("null", "null");
        BAD_VALUES.put("array", "[1,\"a\"]");
        BAD_VALUES.put("object", "{\"a\":1}");
    }

    private static final Map<String, String> RAW_BODIES = Map.of(
            "malformed", "{\"a\": ",
            "array", "[1,2,3]",
            "number", "1e309",
            "deep", "[".repeat(5000) + "]".repeat(5000),
            "trailing garbage", "{}xyz",
            "repeated key", "{\"a\":1,\"a\":2}",
            "huge number", "{\"x\":" + "9".repeat(100_000) + "}");

    @Inject
    ScriptedTestVenue venue;

    private static World world;

    private record World(TestUser owner, TestUser admin, Map<String, String> ids, JsonNode doc) {
    }

    private synchronized World world() throws Exception {
        if (world == null) {
            TestUser owner = TestUsers.create("trader");
            Map<String, String> ids = OwnedWorld.create(owner, venue);
            ids.put("user", TestUsers.create("trader").id().toString());
            JsonNode doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then()
                    .statusCode(200).extract().asString());
            world = new World(owner, TestUsers.create("admin"), ids, doc);
        }
        return world;
    }

    /** One operation of the document, on the owner's ids (null when it names an id the world has none of). */
    private record Operation(String method, String template, String path, JsonNode op, TestUser caller) {
        boolean streams() {
            return op.path("responses").toString().contains("text/event-stream");
        }

        JsonNode example() {
            return OwnedWorld.example(op);
        }

        List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            op.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            });
            return names;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private List<Operation> operations() throws Exception {
        World w = world();
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = w.doc().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (!entry.getKey().startsWith("/api")) {
                continue;
            }
            String path = OwnedWorld.fill(entry.getKey(), w.ids());
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!METHODS.contains(method) || path == null) {
                    continue;
                }
                TestUser caller = entry.getKey().startsWith("/api/admin") ? w.admin() : w.owner();
                out.add(new Operation(method, entry.getKey(), path, op.getValue(), caller));
            }
        }
        assertThat(out).hasSizeGreaterThan(80);
        return out;
    }

    @Test
    void bad_path_ids_are_refused_with_a_problem() throws Exception {
        List<String> offenses = new ArrayList<>();
        Map<String, Object> before = totals();
        for (Operation op : operations()) {
            for (String param : op.parameters("path")) {
                for (String bad : BAD_IDS) {
                    String path = OwnedWorld.fill(op.template(), withKind(op.template(), param, bad));
                    Response answer = send(op, path, r -> op.example() == null ? r
                            : r.contentType("application/json").body(op.example().toString()));
                    check(op + " [" + param + "=" + abbreviate(bad) + "]", answer, true, offenses);
                }
            }
        }
        assertThat(offenses).as("answers to bad path ids").isEmpty();
        assertThat(totals()).as("the owner's lists after refused requests").isEqualTo(before);
    }

    @Test
    void bad_query_values_are_answered_or_refused_with_a_problem() throws Exception {
        List<String> offenses = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.method().equals("DELETE")) {
                continue;
            }
            for (String param : op.parameters("query")) {
                for (String bad : BAD_QUERY) {
                    Response answer = send(op, op.path(), r -> r.queryParam(param, bad));
                    check(op + " [?" + param + "=" + abbreviate(bad) + "]", answer, false, offenses);
                }
            }
        }
        assertThat(offenses).as("answers to bad query values").isEmpty();
    }

    @Test
    void unreadable_bodies_are_refused_with_a_problem() throws Exception {
        List<String> offenses = new ArrayList<>();
        Map<String, Object> before = totals();
        for (Operation op : operations()) {
            if (op.example() == null) {
                continue;
            }
            for (Map.Entry<String, String> raw : RAW_BODIES.entrySet()) {
                Response answer = send(op, op.path(), r -> r.contentType("application/json").body(raw.getValue()));
                check(op + " body " + raw.getKey(), answer, true, offenses);
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                Response answer = send(op, op.path(), r -> r.contentType(type).body(op.example().toString()));
                check(op + " content type " + type, answer, true, offenses);
            }
        }
        assertThat(offenses).as("answers to unreadable bodies").isEmpty();
        assertThat(totals()).as("the owner's lists after refused requests").isEqualTo(before);
    }

    @Test
    void every_field_with_a_wrong_type_or_an_extreme_value_is_answered_or_refused_with_a_problem()
            throws Exception {
        List<String> offenses = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.example() == null || !op.example().isObject() || op.template().startsWith("/api/auth/")) {
                continue;
            }
            // no body at all is how some operations are called (pause without a reason, every risk limit cleared)
            for (String none : List.of("", "null")) {
                check(op + " body '" + none + "'", send(op, op.path(),
                        r -> r.contentType("application/json").body(none)), false, offenses);
            }
            for (Iterator<String> fields = op.example().fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                ObjectNode without = op.example().deepCopy();
                without.remove(field);
                check(op + " without " + field, send(op, op.path(),
                        r -> r.contentType("application/json").body(without.toString())), false, offenses);
                for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
                    ObjectNode body = op.example().deepCopy();
                    body.putRawValue(field, new com.fasterxml.jackson.databind.util.RawValue(bad.getValue()));
                    String text = JSON.writeValueAsString(body);
                    check(op + " " + field + "=" + bad.getKey(), send(op, op.path(),
                            r -> r.contentType("application/json").body(text)), false, offenses);
                }
            }
        }
        assertThat(offenses).as("answers to broken fields").isEmpty();
    }

    /**
     * The live-account operations where they go deepest: the "live account" example of POST /api/bots on the owner's
     * venue connection and a BINANCE instrument (the first example, a replay bot, never reaches the live checks);
     * each field missing, of a wrong type or extreme in turn. Found by the audit of
     * 2026-12-06: a budget of 400 nines (or 1e300) passed as positive and overflowed the ledger's cash, a 500.
     */
    @Test
    void every_field_of_a_bot_on_a_live_account_broken_is_answered_or_refused_with_a_problem() throws Exception {
        World w = world();
        String base = "FZ" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        given().header("Authorization", w.owner().bearer()).contentType("application/json")
                .body(Map.of("venue", "BINANCE", "base", base, "quote", "USDT", "tickSize", "0.01",
                        "stepSize", "0.00001"))
                .post("/api/marketdata/instruments").then().statusCode(201);
        JsonNode live = w.doc().at("/paths/~1api~1bots/post/requestBody/content/application~1json/examples")
                .path("live account").path("value");
        assertThat(live.isObject()).as("the live account example of POST /api/bots").isTrue();
        ObjectNode example = live.deepCopy();
        example.put("accountId", w.ids().get("connection"));
        example.put("instrument", "BINANCE:" + base + "/USDT");
        Operation create = operations().stream()
                .filter(op -> op.method().equals("POST") && op.template().equals("/api/bots")).findFirst().orElseThrow();
        List<String> offenses = new ArrayList<>();
        fuzzFields(create, create.path(), example, offenses);
        assertThat(offenses).as("answers to broken fields of live-account requests").isEmpty();
    }

    /** Each field of {@code example} left out, then replaced by every bad value, sent to {@code path}. */
    private static void fuzzFields(Operation op, String path, ObjectNode example, List<String> offenses)
            throws Exception {
        for (Iterator<String> fields = example.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            ObjectNode without = example.deepCopy();
            without.remove(field);
            check(op + " without " + field, send(op, path,
                    r -> r.contentType("application/json").body(without.toString())), false, offenses);
            for (Map.Entry<String, String> bad : BAD_VALUES.entrySet()) {
                ObjectNode body = example.deepCopy();
                body.putRawValue(field, new com.fasterxml.jackson.databind.util.RawValue(bad.getValue()));
                String text = JSON.writeValueAsString(body);
                check(op + " " + field + "=" + bad.getKey(), send(op, path,
                        r -> r.contentType("application/json").body(text)), false, offenses);
            }
        }
    }

    /**
     * Found by bin/fuzz-api: a hand order with quantity or limit price 1e999999999 ran the server out of heap (the
     * amount written out in plain notation), a tick size of it overflowed BigInteger and an alert threshold of
     * 1e-999999999 overflowed PostgreSQL's numeric, each a 500. Exponents beyond 1000 either way are not numbers.
     */
    @Test
    void an_exponent_out_of_range_is_refused_without_being_computed() throws Exception {
        World w = world();
        String instrument = w.ids().get("venue") + ":" + w.ids().get("base") + "/" + w.ids().get("quote");
        int n = 0;
        for (String bad : List.of("1e999999999", "1e-999999999", "-1e999999999")) {
            for (String field : List.of("quantity", "limitPrice")) {
                Map<String, Object> order = new LinkedHashMap<>(Map.of("accountId", w.ids().get("account"),
                        "clientOrderId", "exponent-" + n++, "instrument", instrument, "side", "buy", "type", "limit",
                        "limitPrice", "1", "quantity", "0.01"));
                order.put(field, bad);
                refused(w.owner(), "POST", "/api/orders", order, field);
            }
            for (String field : List.of("tickSize", "stepSize")) {
                Map<String, Object> definition = new LinkedHashMap<>(Map.of("venue", "BTVENUE", "base", "EXP" + n++,
                        "quote", "USDT", "tickSize", "0.01", "stepSize", "0.001"));
                definition.put(field, bad);
                refused(w.owner(), "POST", "/api/marketdata/instruments", definition, field);
            }
            refused(w.owner(), "PATCH", "/api/notifications/alerts/" + w.ids().get("alert"),
                    Map.of("threshold", bad), "threshold");
        }
        given().header("Authorization", w.owner().bearer()).get("/api/notifications/alerts/" + w.ids().get("alert"))
                .then().statusCode(200).body("threshold", org.hamcrest.Matchers.equalTo("10"));
    }

    private static void refused(TestUser user, String method, String path, Object body, String field) {
        given().header("Authorization", user.bearer()).contentType("application/json").body(body)
                .request(method, path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    /** Found by bin/fuzz-api: a multipart upload cut short was a 500 (RESTEasy's IOException reached the last mapper). */
    @Test
    void a_multipart_body_cut_short_is_refused_with_a_problem() throws Exception {
        World w = world();
        String instrument = w.ids().get("venue") + ":" + w.ids().get("base") + "/" + w.ids().get("quote");
        for (String body : List.of("--X\r\nContent-Disp", "{}")) {
            given().header("Authorization", w.owner().bearer())
                    .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT)))
                    .contentType("multipart/form-data; boundary=X").body(body)
                    .queryParam("instrument", instrument).queryParam("timeframe", "1m").queryParam("format", "binance")
                    .post("/api/marketdata/imports")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("request.malformed"));
        }
    }

    /**
     * Found by bin/fuzz-api: {@code {}xyz} was read as {@code {}} (so it cleared every risk limit) and a repeated key
     * took its last value. Both are refused now, and the limits stay as they were.
     */
    @Test
    void trailing_garbage_or_a_repeated_key_is_refused_and_changes_nothing() {
        TestUser trader = TestUsers.create("trader");
        given().header("Authorization", trader.bearer()).contentType("application/json")
                .body("{\"currency\":\"USDT\",\"maxOrderNotional\":\"5000\"}").put("/api/risk/limits")
                .then().statusCode(200);
        for (String body : List.of("{}xyz", "{} {}", "{\"currency\":\"USDT\",\"maxOrderNotional\":\"1\","
                + "\"maxOrderNotional\":\"9000\"}")) {
            given().header("Authorization", trader.bearer()).contentType("application/json").body(body)
                    .put("/api/risk/limits").then().statusCode(400).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("request.malformed"));
        }
        given().header("Authorization", trader.bearer()).get("/api/risk/limits").then().statusCode(200)
                .body("maxOrderNotional", org.hamcrest.Matchers.equalTo("5000"));
    }

    private static Map<String, String> withKind(String template, String param, String bad) {
        Map<String, String> ids = new LinkedHashMap<>(world.ids());
        if (param.equals("id")) {
            ids.replaceAll((k, v) -> k.equals("venue") || k.equals("base") || k.equals("quote") ? v : bad);
        } else {
            ids.put(param.equals("correlationId") ? "correlation" : param, bad);
        }
        return ids;
    }

    private static Response send(Operation op, String path, Function<RequestSpecification, RequestSpecification> spec) {
        RequestSpecification request = given()
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(!path.contains("%"))
                .header("Authorization", op.caller().bearer());
        if (op.streams()) {
            request = request.header("Accept", "application/json, application/problem+json");
        }
        return spec.apply(request).request(op.method(), path);
    }

    private static void check(String label, Response answer, boolean mustRefuse, List<String> offenses) {
        int status = answer.statusCode();
        String type = answer.contentType() == null ? "" : answer.contentType();
        String body = type.startsWith("text/event-stream") ? "" : answer.asString();
        if (status >= 500 || (mustRefuse && status < 400)) {
            offenses.add(label + " -> " + status + " " + abbreviate(body));
        } else if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                offenses.add(label + " -> " + status + " " + type + " " + abbreviate(body));
            } else if (answer.jsonPath().getString("code") == null) {
                offenses.add(label + " -> " + status + " without a code");
            }
        }
        for (String internal : List.of("Exception", "\tat ", "org.postgresql", "SQLSTATE", "com.fasterxml", "jackson",
                "<html")) {
            if (body.contains(internal)) {
                offenses.add(label + " -> " + status + " shows " + internal + ": " + abbreviate(body));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    /** The totals of the owner's lists, their stored candles, risk state and limits: what a refusal leaves as it was. */
    private Map<String, Object> totals() throws Exception {
        World w = world();
        Map<String, Object> totals = new LinkedHashMap<>();
        // not the order list: the owner's bot places orders of its own as its replay runs
        for (String list : List.of("/api/accounts", "/api/bots", "/api/backtests", "/api/backtests/sweeps",
                "/api/notifications/endpoints", "/api/notifications/alerts", "/api/marketdata/imports",
                "/api/marketdata/downloads")) {
            totals.put(list, given().header("Authorization", w.owner().bearer()).queryParam("limit", 1).get(list)
                    .then().statusCode(200).extract().path("total"));
        }
        totals.put("stored candles", given().header("Authorization", w.owner().bearer())
                .get("/api/marketdata/datasets").then().statusCode(200).extract().path("stored"));
        totals.put("risk", given().header("Authorization", w.owner().bearer()).get("/api/risk/state").then()
                .statusCode(200).extract().path("state"));
        totals.put("limits", given().header("Authorization", w.owner().bearer()).get("/api/risk/limits").then()
                .statusCode(200).extract().asString());
        return totals;
    }
}
