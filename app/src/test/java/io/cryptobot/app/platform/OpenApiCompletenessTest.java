package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the API's reference for clients, so it must be complete: every operation written about
 * (summary and description), every status it really answers documented with a body schema, every error as
 * problem+json naming its stable codes, every request body, success body and error with an example (one per
 * stable code for errors) that says what its schema says, and the bearer scheme on every operation that needs a
 * token. Each check lists the offending operations, so a failure says what to fix.
 */
@QuarkusTest
class OpenApiCompletenessTest {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** A stable problem code: dotted lower-case words, e.g. {@code order.client_order_id_reused}. */
    private static final Pattern CODE = Pattern.compile("\\b[a-z_]+\\.[a-z_.]*[a-z_]\\b");
    /** A code as an error's description names it, {@code code: what it means}. */
    private static final Pattern NAMED_CODE = Pattern.compile("\\b([a-z_]+\\.[a-z_.]*[a-z_]):");
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/register", "POST /api/auth/login",
            "POST /api/auth/refresh", "POST /api/auth/logout");
    private static final Set<String> STREAMS = Set.of("GET /api/orders/stream", "GET /api/backtests/{id}/events",
            "GET /api/backtests/sweeps/{id}/events", "GET /api/marketdata/replays/{id}/candles",
            "GET /api/marketdata/downloads/{id}/events", "GET /api/marketdata/candles/stream");

    /**
     * The operations whose success is not 200, read from the resources ({@code Response.created}, {@code accepted},
     * {@code noContent}): the document must list exactly these success codes for them, and 200 for all others.
     */
    private static final Map<String, Set<String>> SUCCESS = Map.ofEntries(
            Map.entry("POST /api/auth/register", Set.of("201")),
            Map.entry("POST /api/auth/logout", Set.of("204")),
            Map.entry("POST /api/orders", Set.of("200", "201")),
            Map.entry("POST /api/bots", Set.of("201")),
            Map.entry("POST /api/accounts/paper", Set.of("201")),
            Map.entry("POST /api/accounts/connections", Set.of("201")),
            Map.entry("POST /api/marketdata/instruments", Set.of("201")),
            Map.entry("POST /api/marketdata/synthetic", Set.of("202")),
            Map.entry("POST /api/backtests/{id}/resume", Set.of("202")),
            Map.entry("POST /api/backtests/sweeps/{id}/resume", Set.of("202")),
            Map.entry("DELETE /api/accounts/{id}", Set.of("204")),
            Map.entry("POST /api/marketdata/replays", Set.of("201")),
            Map.entry("POST /api/marketdata/imports", Set.of("202")),
            Map.entry("POST /api/marketdata/downloads", Set.of("200", "202")),
            Map.entry("POST /api/backtests", Set.of("202")),
            Map.entry("DELETE /api/backtests/{id}", Set.of("204")),
            Map.entry("DELETE /api/marketdata/datasets/{venue}/{base}/{quote}", Set.of("204")),
            Map.entry("POST /api/backtests/sweeps", Set.of("202")),
            Map.entry("POST /api/notifications/endpoints", Set.of("201")),
            Map.entry("DELETE /api/notifications/endpoints/{id}", Set.of("204")),
            Map.entry("POST /api/notifications/alerts", Set.of("201")),
            Map.entry("DELETE /api/notifications/alerts/{id}", Set.of("204")));

    private static final List<Operation> operations = new ArrayList<>();
    private static JsonNode document;

    private record Operation(String key, JsonNode node) {
    }

    /** Once per class, but after Quarkus started (a static {@code @BeforeAll} runs before the test port is known). */
    @BeforeEach
    void readDocument() throws Exception {
        if (document != null) {
            return;
        }
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), json);
        document = new ObjectMapper().readTree(json);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().contains("test-support")) {
                continue; // endpoints of the test sources, not of the API
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase() + " " + path.getKey(),
                            method.getValue()));
                }
            }
        }
    }

    @Test
    void documents_every_operation_of_the_api() {
        assertThat(operations).hasSizeGreaterThanOrEqualTo(70);
    }

    @Test
    void every_operation_has_a_written_summary_and_description() {
        assertThat(offenders(op -> blank(op.node.path("summary")) || blank(op.node.path("description"))))
                .as("operations without an explicit summary and description").isEmpty();
    }

    @Test
    void every_response_has_a_description() {
        assertThat(offenders(op -> responses(op).stream().anyMatch(r -> blank(r.getValue().path("description")))))
                .as("operations with an undescribed response").isEmpty();
    }

    @Test
    void documents_exactly_the_success_codes_each_operation_answers() {
        assertThat(offenders(op -> {
            Set<String> documented = new java.util.TreeSet<>();
            responses(op).stream().map(Map.Entry::getKey).filter(code -> code.startsWith("2")).forEach(documented::add);
            return !documented.equals(SUCCESS.getOrDefault(op.key, Set.of("200")));
        })).as("operations whose documented success codes differ from what they answer").isEmpty();
    }

    @Test
    void every_success_with_a_body_has_a_schema() {
        assertThat(offenders(op -> responses(op).stream()
                .filter(r -> r.getKey().startsWith("2") && !r.getKey().equals("204"))
                .anyMatch(r -> {
                    JsonNode content = r.getValue().path("content");
                    if (STREAMS.contains(op.key)) {
                        return !content.has("text/event-stream");
                    }
                    return content.isEmpty() || content.properties().stream()
                            .anyMatch(media -> !hasSchema(media.getValue()));
                })))
                .as("operations whose success answer has no body schema").isEmpty();
    }

    @Test
    void every_error_is_problem_json_naming_its_stable_codes() {
        assertThat(offenders(op -> responses(op).stream()
                .filter(r -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                .anyMatch(r -> {
                    JsonNode problem = r.getValue().path("content").path("application/problem+json");
                    return !PROBLEM_REF.equals(problem.path("schema").path("$ref").asText())
                            || !CODE.matcher(r.getValue().path("description").asText()).find();
                })))
                .as("operations with an error that is not a Problem or names no stable code").isEmpty();
    }

    @Test
    void every_operation_with_input_documents_bad_input_and_unknown_resources() {
        assertThat(offenders(op -> {
            Set<String> codes = new java.util.HashSet<>();
            responses(op).forEach(r -> codes.add(r.getKey()));
            boolean takesInput = op.node.has("requestBody") || parameters(op, "query");
            return (takesInput && !codes.contains("400")) || (parameters(op, "path") && !codes.contains("404"));
        })).as("operations taking input without 400, or with a path id without 404").isEmpty();
    }

    @Test
    void every_request_body_has_a_schema_and_every_json_one_an_example() {
        assertThat(offenders(op -> op.node.has("requestBody") && op.node.path("requestBody").path("content")
                .properties().stream().anyMatch(media -> !hasSchema(media.getValue())
                        || media.getKey().equals("application/json") && !hasExample(media.getValue()))))
                .as("operations whose request body lacks a schema, or a JSON one an example").isEmpty();
    }

    @Test
    void every_success_with_a_body_has_an_example() {
        assertThat(offenders(op -> responses(op).stream().filter(r -> r.getKey().startsWith("2"))
                .anyMatch(r -> r.getValue().path("content").properties().stream()
                        .anyMatch(media -> !hasExample(media.getValue())))))
                .as("operations with a success answer without an example").isEmpty();
    }

    @Test
    void every_error_has_an_example_for_each_stable_code_it_names() {
        assertThat(offenders(op -> responses(op).stream()
                .filter(r -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                .anyMatch(r -> {
                    Set<String> named = new java.util.TreeSet<>();
                    java.util.regex.Matcher code = NAMED_CODE.matcher(r.getValue().path("description").asText());
                    while (code.find()) {
                        named.add(code.group(1));
                    }
                    Set<String> shown = new java.util.TreeSet<>();
                    r.getValue().path("content").path("application/problem+json").path("examples").forEach(e -> {
                        JsonNode problem = e.path("value");
                        if (problem.path("status").asInt() == Integer.parseInt(r.getKey())
                                && problem.path("type").asText().equals("urn:cryptobot:problem:"
                                + problem.path("code").asText())) {
                            shown.add(problem.path("code").asText());
                        }
                    });
                    return !shown.equals(named);
                })))
                .as("operations with an error whose examples are not one per stable code it names").isEmpty();
    }

    @Test
    void every_example_says_what_its_schema_says() {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            op.node.path("requestBody").path("content").properties().forEach(media ->
                    examples(media.getValue()).forEach(example -> problems.addAll(ExampleConformance.problems(
                            document, media.getValue().path("schema"), example, false, op.key + " request"))));
            for (Map.Entry<String, JsonNode> response : responses(op)) {
                response.getValue().path("content").properties().forEach(media -> {
                    if (media.getKey().equals("text/csv")) {
                        return;
                    }
                    examples(media.getValue()).forEach(example -> problems.addAll(ExampleConformance.problems(
                            document, media.getValue().path("schema"), example, true,
                            op.key + " " + response.getKey())));
                });
            }
        }
        assertThat(problems).as("examples that do not match their schema").isEmpty();
    }

    /** The kill switch refuses an order with 201 and status denied: the one answer a client could misread. */
    @Test
    void a_refused_order_is_documented_as_created_with_status_denied() {
        JsonNode place = document.path("paths").path("/api/orders").path("post");
        assertThat(place.path("description").asText()).contains("201 with status \"denied\"")
                .contains("POST /api/risk/resume");
        JsonNode created = place.path("responses").path("201");
        assertThat(created.path("description").asText()).contains("denied").contains("kill switch");
        List<String> statuses = new ArrayList<>();
        examples(created.path("content").path("application/json")).forEach(e -> statuses.add(e.path("status")
                .asText()));
        assertThat(statuses).contains("denied");
    }

    @Test
    void declares_the_problem_schema() {
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("type") && problem.has("title") && problem.has("status") && problem.has("detail")
                && problem.has("code") && problem.path("errors").path("items").path("properties").has("field")
                && problem.path("errors").path("items").path("properties").has("reason")).isTrue();
    }

    @Test
    void every_operation_but_the_public_ones_requires_a_bearer_token() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        List<String> bearer = new ArrayList<>();
        schemes.fields().forEachRemaining(s -> {
            if ("http".equals(s.getValue().path("type").asText()) && "bearer".equals(s.getValue().path("scheme")
                    .asText()) && "JWT".equals(s.getValue().path("bearerFormat").asText())) {
                bearer.add(s.getKey());
            }
        });
        assertThat(bearer).as("bearer JWT security schemes").hasSize(1);
        JsonNode global = document.path("security");
        assertThat(offenders(op -> {
            JsonNode security = op.node.has("security") ? op.node.path("security") : global;
            boolean secured = security.isArray() && security.size() > 0 && security.get(0).has(bearer.getFirst());
            boolean has401 = op.node.path("responses").has("401");
            return PUBLIC.contains(op.key) ? secured : !secured || !has401;
        })).as("operations whose token requirement (and its 401) is wrong").isEmpty();
    }

    private static List<String> offenders(java.util.function.Predicate<Operation> offends) {
        return operations.stream().filter(offends).map(Operation::key).sorted().toList();
    }

    private static List<Map.Entry<String, JsonNode>> responses(Operation op) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        op.node.path("responses").fields().forEachRemaining(all::add);
        return all;
    }

    private static boolean parameters(Operation op, String in) {
        for (JsonNode parameter : op.node.path("parameters")) {
            if (in.equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSchema(JsonNode media) {
        JsonNode schema = media.path("schema");
        return schema.has("$ref") || schema.has("type") || schema.has("allOf") || schema.has("oneOf");
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || media.path("examples").size() > 0;
    }

    private static List<JsonNode> examples(JsonNode media) {
        List<JsonNode> all = new ArrayList<>();
        if (media.has("example")) {
            all.add(media.path("example"));
        }
        media.path("examples").forEach(e -> all.add(e.path("value")));
        return all;
    }

    private static boolean blank(JsonNode text) {
        return text.asText("").isBlank();
    }
}
