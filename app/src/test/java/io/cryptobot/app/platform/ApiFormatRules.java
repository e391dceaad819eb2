package io.cryptobot.app.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One format everywhere, read off an OpenAPI document: walks every schema an operation answers with (2xx bodies,
 * server-sent events included) or takes (request bodies), through {@code $ref}s, properties, array items and map
 * values, and reports each place that breaks the API's conventions:
 *
 * <ul>
 *   <li>a {@code number}: non-integers are decimal strings (exact amounts keep their digits, and a client never
 *       reads money into a binary double);</li>
 *   <li>an {@code integer} named as a time ({@code from}, {@code to}, {@code next}, {@code time}, {@code ...At},
 *       {@code ...Time}, {@code ...Step}, {@code ...Millis}, ...): times are ISO-8601 UTC strings (durations,
 *       named {@code ...Seconds} or {@code duration...}, stay integers);</li>
 *   <li>a value of no declared type ({@code {}}, or an object with neither properties nor typed values): the
 *       document must say what it is, or none of the above can be checked;</li>
 *   <li>a JSON success answer that is a bare array: lists answer one page, {@code {items, offset, limit, total}}.
 *   </li>
 * </ul>
 * Each offense names the operation and the path to the value, e.g.
 * {@code GET /api/bots/{id} 200: BotResponse.costs.slippageBps is a JSON number}.
 */
final class ApiFormatRules {
    private static final Pattern TIME = Pattern.compile(
            "(time|at|from|to|next|since|until|start|end)|.*(Time|At|From|To|Since|Until|Start|End|Step|Millis|Epoch)");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final Set<String> offenses = new java.util.LinkedHashSet<>();

    private ApiFormatRules(JsonNode document) {
        this.document = document;
    }

    static List<String> offenses(JsonNode document) {
        ApiFormatRules rules = new ApiFormatRules(document);
        document.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/") || path.getKey().contains("test-support")) {
                return;
            }
            path.getValue().properties().stream().filter(m -> METHODS.contains(m.getKey())).forEach(method -> {
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                rules.operation(operation, method.getValue());
            });
        });
        return new ArrayList<>(rules.offenses);
    }

    private void operation(String operation, JsonNode node) {
        for (Map.Entry<String, JsonNode> media : node.path("requestBody").path("content").properties()) {
            if (media.getKey().equals("application/json")) {
                value(operation + " request", "", media.getValue().path("schema"), null, new HashSet<>());
            }
        }
        for (Map.Entry<String, JsonNode> response : node.path("responses").properties()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                String where = operation + " " + response.getKey();
                JsonNode schema = media.getValue().path("schema");
                if (media.getKey().equals("application/json") && "array".equals(resolve(schema).path("type").asText())) {
                    offenses.add(where + ": answers a bare array, not a page {items, offset, limit, total}");
                }
                if (media.getKey().equals("application/json") || media.getKey().equals("text/event-stream")) {
                    value(where, "", schema, null, new HashSet<>());
                }
            }
        }
    }

    /** Checks one value's schema; {@code name} is the property it is held in (null for items and map values). */
    private void value(String where, String path, JsonNode schema, String name, Set<String> seen) {
        String label = path.isEmpty() ? "the body" : path;
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            String component = ref.substring(ref.lastIndexOf('/') + 1);
            if (!seen.add(component)) {
                return; // a recursive type: its properties are checked where first met
            }
            JsonNode target = resolve(schema);
            // a named type is reported by its own name, once per operation
            value(where, component, target, name, seen);
            return;
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(combinator)) {
                value(where, path, part, name, seen);
            }
        }
        String type = type(schema);
        if (type == null) {
            if (!schema.has("allOf") && !schema.has("oneOf") && !schema.has("anyOf")) {
                offenses.add(where + ": " + label + " has no declared type");
            }
            return;
        }
        switch (type) {
            case "number" -> offenses.add(where + ": " + label + " is a JSON number (decimals are strings)");
            case "integer" -> {
                if (name != null && TIME.matcher(name).matches() && !name.startsWith("duration")) {
                    offenses.add(where + ": " + label + " is a time as an integer (times are ISO-8601 strings)");
                }
            }
            case "array" -> value(where, path + "[]", schema.path("items"), null, seen);
            case "object" -> {
                JsonNode properties = schema.path("properties");
                JsonNode values = schema.path("additionalProperties");
                if (properties.isEmpty() && !values.isObject()) {
                    offenses.add(where + ": " + label + " is an object without declared properties or values");
                }
                properties.properties().forEach(p ->
                        value(where, path.isEmpty() ? p.getKey() : path + "." + p.getKey(), p.getValue(), p.getKey(),
                                new HashSet<>(seen)));
                if (values.isObject()) {
                    value(where, path + "{}", values, null, seen);
                }
            }
            default -> {
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.path("$ref").asText();
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The schema's one non-null type (OpenAPI 3.1 may list {@code [T, "null"]}), or null if none is declared. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode each : type) {
            if (!"null".equals(each.asText())) {
                return each.asText();
            }
        }
        return null;
    }
}
