package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An example that says something else than its schema is caught, with the path to the difference. */
class ExampleConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Instant": {"type": "string", "format": "date-time"},
              "Trade": {"type": "object", "properties": {
                "seq": {"type": "integer"},
                "side": {"type": "string", "enum": ["buy", "sell"]},
                "entryTime": {"$ref": "#/components/schemas/Instant"},
                "fees": {"type": "object", "additionalProperties": {"type": "string"}},
                "tags": {"type": "array", "items": {"type": "string"}},
                "note": {"type": "string"}}},
              "Problem": {"type": "object", "required": ["code"], "properties": {
                "code": {"type": "string"}, "errors": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    @Test
    void a_matching_example_passes_and_nulls_stand_for_absent_values() throws Exception {
        assertThat(problems("Trade", """
                {"seq": 1, "side": "buy", "entryTime": "2024-01-01T00:46:00Z", "fees": {"USDT": "0.5"},
                 "tags": ["sma_cross_up"], "note": null}""", true)).isEmpty();
        assertThat(problems("Problem", "{\"code\": \"bot.not_found\"}", true)).isEmpty();
    }

    @Test
    void reports_every_difference_with_its_path() throws Exception {
        assertThat(problems("Trade", """
                {"seq": "1", "side": "short", "entryTime": 1704069960000, "fees": {"USDT": 0.5},
                 "tags": "sma", "colour": "red"}""", true)).containsExactlyInAnyOrder(
                "x.seq: \"1\" is not an integer",
                "x.side: \"short\" is not one of [\"buy\",\"sell\"]",
                "x.entryTime: 1704069960000 is not a string",
                "x.fees.USDT: 0.5 is not a string",
                "x.tags: \"sma\" is not an array",
                "x: colour is not a property of the schema",
                "x: note is missing (show it, null if it can be absent)");
        assertThat(problems("Trade", "{\"entryTime\": \"yesterday\"}", false))
                .containsExactly("x.entryTime: \"yesterday\" is not an ISO-8601 instant");
    }

    private static java.util.List<String> problems(String schema, String example, boolean complete)
            throws Exception {
        JsonNode document = JSON.readTree(DOCUMENT);
        return ExampleConformance.problems(document, JSON.readTree("{\"$ref\": \"#/components/schemas/" + schema
                + "\"}"), JSON.readTree(example), complete, "x");
    }
}
