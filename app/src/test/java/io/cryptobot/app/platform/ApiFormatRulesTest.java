package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The format rules catch what they are for, on a small document that breaks each of them once. */
class ApiFormatRulesTest {
    private static final String BROKEN = """
            {"paths": {
              "/api/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
                {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}}}},
              "/api/things/{id}": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/Thing"}}}}}}},
              "/api/things/stream": {"get": {"responses": {"200": {"content": {"text/event-stream": {"schema":
                {"$ref": "#/components/schemas/Tick"}}}}}}},
              "/api/quotes": {"post": {"requestBody": {"content": {"application/json": {"schema":
                {"type": "object", "properties": {"volatility": {"type": "number"}}}}}},
                "responses": {"204": {"description": "done"}}}}},
             "components": {"schemas": {
              "Thing": {"type": "object", "properties": {
                "price": {"type": "string"},
                "slippageBps": {"type": "number", "format": "double"},
                "openTimeMillis": {"type": "integer", "format": "int64"},
                "createdAt": {"type": "integer", "format": "int64"},
                "durationMillis": {"type": "integer", "format": "int64"},
                "etaSeconds": {"type": "integer", "format": "int64"},
                "steps": {"type": "integer", "format": "int64"},
                "costs": {"type": "object", "additionalProperties": {}},
                "limits": {"type": "object", "additionalProperties": {"type": "string"}},
                "extra": {"type": "object"},
                "parent": {"$ref": "#/components/schemas/Thing"}}},
              "Tick": {"type": "object", "properties": {"time": {"type": ["integer", "null"]}}}}}}
            """;

    @Test
    void reports_each_broken_convention_with_its_operation_and_path() throws Exception {
        List<String> offenses = ApiFormatRules.offenses(new ObjectMapper().readTree(BROKEN));
        assertThat(offenses).contains(
                "GET /api/things 200: answers a bare array, not a page {items, offset, limit, total}",
                "GET /api/things/{id} 200: Thing.slippageBps is a JSON number (decimals are strings)",
                "GET /api/things/{id} 200: Thing.openTimeMillis is a time as an integer (times are ISO-8601 strings)",
                "GET /api/things/{id} 200: Thing.createdAt is a time as an integer (times are ISO-8601 strings)",
                "GET /api/things/{id} 200: Thing.costs{} has no declared type",
                "GET /api/things/{id} 200: Thing.extra is an object without declared properties or values",
                "GET /api/things/stream 200: Tick.time is a time as an integer (times are ISO-8601 strings)",
                "POST /api/quotes request: volatility is a JSON number (decimals are strings)");
        assertThat(offenses).noneMatch(o -> o.contains("durationMillis") || o.contains("etaSeconds")
                || o.contains("steps") || o.contains("limits") || o.contains("price"));
    }

    @Test
    void a_document_that_keeps_the_conventions_has_no_offense() throws Exception {
        String good = """
                {"paths": {"/api/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
                  {"$ref": "#/components/schemas/ThingPage"}}}}}}}},
                 "components": {"schemas": {
                  "ThingPage": {"type": "object", "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                    "offset": {"type": "integer"}, "limit": {"type": "integer"}, "total": {"type": "integer"}}},
                  "Instant": {"type": "string", "format": "date-time"},
                  "Thing": {"type": "object", "properties": {
                    "slippageBps": {"type": "string"},
                    "openTime": {"$ref": "#/components/schemas/Instant"},
                    "durationMillis": {"type": "integer"}}}}}}
                """;
        assertThat(ApiFormatRules.offenses(new ObjectMapper().readTree(good))).isEmpty();
    }
}
