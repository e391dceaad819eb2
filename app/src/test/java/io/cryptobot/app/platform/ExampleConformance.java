package io.cryptobot.app.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether an example says what its schema says, so an example cannot drift from the type it shows: every key is
 * a declared property (or a typed map value), every value has the declared type, date-times parse as ISO-8601
 * instants, ids as UUIDs, enumerated values are among the enumeration. A complete example (a response's) also
 * shows every declared property, {@code null} where the value is absent (or, where the schema lists its required
 * properties, every required one). {@code null} is accepted for any
 * property: the API omits nothing, it answers null.
 */
final class ExampleConformance {
    private final JsonNode schemas;
    private final boolean complete;
    private final List<String> problems = new ArrayList<>();

    private ExampleConformance(JsonNode document, boolean complete) {
        this.schemas = document.path("components").path("schemas");
        this.complete = complete;
    }

    /** What is wrong with the example, each with its path from {@code where}; empty if it conforms. */
    static List<String> problems(JsonNode document, JsonNode schema, JsonNode example, boolean complete,
                                 String where) {
        ExampleConformance check = new ExampleConformance(document, complete);
        check.value(where, schema, example);
        return check.problems;
    }

    private void value(String path, JsonNode schema, JsonNode value) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            value(path, schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), value);
            return;
        }
        if (value.isNull()) {
            return;
        }
        String type = ApiFormatRules.type(schema);
        if (type == null) {
            return; // an untyped value is ApiFormatRules' to report
        }
        if (schema.has("enum") && !contains(schema.path("enum"), value)) {
            problems.add(path + ": " + value + " is not one of " + schema.path("enum"));
        }
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": " + value + " is not a string");
                } else if ("date-time".equals(schema.path("format").asText())) {
                    try {
                        Instant.parse(value.asText());
                    } catch (DateTimeParseException e) {
                        problems.add(path + ": " + value + " is not an ISO-8601 instant");
                    }
                } else if ("uuid".equals(schema.path("format").asText())) {
                    try {
                        UUID.fromString(value.asText());
                    } catch (IllegalArgumentException e) {
                        problems.add(path + ": " + value + " is not a UUID");
                    }
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": " + value + " is not an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": " + value + " is not a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": " + value + " is not a boolean");
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": " + value + " is not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    value(path + "[" + i + "]", schema.path("items"), value.get(i));
                }
            }
            case "object" -> object(path, schema, value);
            default -> {
            }
        }
    }

    private void object(String path, JsonNode schema, JsonNode value) {
        if (!value.isObject()) {
            problems.add(path + ": " + value + " is not an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode values = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode property = properties.path(field.getKey());
            if (!property.isMissingNode()) {
                value(path + "." + field.getKey(), property, field.getValue());
            } else if (values.isObject()) {
                value(path + "." + field.getKey(), values, field.getValue());
            } else {
                problems.add(path + ": " + field.getKey() + " is not a property of the schema");
            }
        }
        if (complete) {
            // a schema that lists its required properties may omit the others (a problem's errors); the rest
            // answer every property, null when absent
            JsonNode required = schema.path("required");
            java.util.Iterator<String> names = required.isArray() ? required.valueStream().map(JsonNode::asText)
                    .iterator() : properties.fieldNames();
            names.forEachRemaining(name -> {
                if (!value.has(name)) {
                    problems.add(path + ": " + name + " is missing (show it, null if it can be absent)");
                }
            });
        }
    }

    private static boolean contains(JsonNode enumeration, JsonNode value) {
        for (JsonNode each : enumeration) {
            if (each.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
