package io.cryptobot.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.out.persistence.DatabaseFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every answer of the document an example, from what is written once elsewhere:
 *
 * <ul>
 *   <li>a success answers with the hand-written example of its response type, or of the event type for a
 *       server-sent event stream: the schema's {@code @Schema(example = ...)}, else the JSON file
 *       {@code openapi/examples/<SchemaName>.json} on the classpath (each context keeps the examples of its
 *       responses in its own resources, a real answer trimmed to a few items);</li>
 *   <li>a paged list, declared on the resource as {@code PageResponse} with its {@code items} typed, becomes a
 *       named schema {@code <Item>Page} (the item type's name without {@code Response}) whose example is one page
 *       holding the item's example;</li>
 *   <li>an error answers with one problem+json example per stable code its description names, the code's own
 *       words as the detail (or the platform's detail for the codes the platform answers).</li>
 * </ul>
 * An example already written on the operation is kept.
 */
final class OpenApiExamples {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PAGE_PROPERTIES = Set.of("items", "offset", "limit", "total");
    private static final Pattern CODE = Pattern.compile("\\b([a-z_]+\\.[a-z_.]*[a-z_]):\\s*");
    /** The details the platform's filters and mappers answer with, word for word. */
    private static final Map<String, String> PLATFORM_DETAILS = Map.of(
            "request.unsafe_text", "A text input holds a character that is not accepted.",
            "request.malformed", "The request body is not valid JSON of the expected shape.",
            "auth.unauthenticated", "A valid access token is required.",
            "auth.forbidden", "Your role does not allow this action.",
            "server.unavailable", DatabaseFaults.UNAVAILABLE.detail());

    private final Components components;

    private OpenApiExamples(Components components) {
        this.components = components;
    }

    static void addTo(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        OpenApiExamples examples = new OpenApiExamples(openAPI.getComponents());
        openAPI.getComponents().getSchemas().forEach(OpenApiExamples::fromFile);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(examples::exemplify);
            }
        });
    }

    private void exemplify(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getValue().getContent() == null) {
                continue;
            }
            int status = Integer.parseInt(response.getKey());
            for (MediaType media : response.getValue().getContent().getMediaTypes().values()) {
                if (status < 300) {
                    success(media);
                } else if (media.getExamples() == null || media.getExamples().isEmpty()) {
                    problems(operation, status, response.getValue().getDescription(), media);
                }
            }
        }
    }

    private void success(MediaType media) {
        String item = pageItem(media.getSchema());
        if (item != null) {
            media.setSchema(OASFactory.createSchema().ref(SCHEMAS + page(item)));
        }
        if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            Object example = exampleOf(media.getSchema());
            if (example != null) {
                media.setExample(example);
            }
        }
    }

    /** The example in {@code openapi/examples/<name>.json}, for a schema that has none of its own. */
    private static void fromFile(String name, Schema schema) {
        if (schema.getExample() != null || schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return;
        }
        try (InputStream file = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("openapi/examples/" + name + ".json")) {
            if (file != null) {
                schema.addExample(JSON.readValue(file, Object.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the example of " + name + " is not JSON", e);
        }
    }

    /** The item type's name if the schema is an inline page of typed items, else null. */
    private static String pageItem(Schema schema) {
        if (schema == null || schema.getRef() != null || schema.getProperties() == null
                || !schema.getProperties().keySet().equals(PAGE_PROPERTIES)) {
            return null;
        }
        Schema items = schema.getProperties().get("items").getItems();
        return items == null || items.getRef() == null ? null : items.getRef().substring(SCHEMAS.length());
    }

    /** The named page schema of the item type, created on first use. */
    private String page(String item) {
        String name = (item.endsWith("Response") ? item.substring(0, item.length() - "Response".length()) : item)
                + "Page";
        if (components.getSchemas().get(name) == null) {
            Map<String, Object> example = new LinkedHashMap<>();
            Object itemExample = exampleOf(OASFactory.createSchema().ref(SCHEMAS + item));
            example.put("items", itemExample == null ? List.of() : List.of(itemExample));
            example.put("offset", 0);
            example.put("limit", 50);
            example.put("total", 1);
            components.addSchema(name, OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .description("One page of " + item + ": the items from offset on, at most limit of them; total "
                            + "counts every match")
                    .addProperty("items", OASFactory.createSchema().addType(SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(SCHEMAS + item)))
                    .addProperty("offset", integer("int32", "the offset asked for (default 0)"))
                    .addProperty("limit", integer("int32", "the page size asked for (default 50)"))
                    .addProperty("total", integer("int64", "how many items match, on every page"))
                    .addRequired("items").addRequired("offset").addRequired("limit").addRequired("total")
                    .addExample(example));
        }
        return name;
    }

    private Object exampleOf(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null) {
            return exampleOf(components.getSchemas().get(schema.getRef().substring(SCHEMAS.length())));
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().getFirst();
        }
        return schema.getExample();
    }

    /** One example per stable code the description names, in its order. */
    private void problems(Operation operation, int status, String description, MediaType media) {
        if (description == null) {
            return;
        }
        Matcher code = CODE.matcher(description);
        List<int[]> spans = new ArrayList<>();
        while (code.find()) {
            spans.add(new int[] {code.start(1), code.end(1), code.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            String name = description.substring(spans.get(i)[0], spans.get(i)[1]);
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : description.length();
            String words = description.substring(spans.get(i)[2], end).replaceAll("[;,\\s]+$", "");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:cryptobot:problem:" + name);
            problem.put("title", Problems.title(status));
            problem.put("status", status);
            problem.put("detail", PLATFORM_DETAILS.getOrDefault(name, sentence(words)));
            problem.put("code", name);
            if (status == 400) {
                problem.put("errors", List.of(fieldError(operation, name)));
            }
            media.addExample(name, OASFactory.createExample().summary(name).value(problem));
        }
    }

    /** A violation as the endpoint would name it: the first body field, else the first query parameter. */
    private Map<String, String> fieldError(Operation operation, String code) {
        String field = "body";
        if (operation.getParameters() != null) {
            field = operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY)
                    .map(Parameter::getName).findFirst().orElse(field);
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            for (MediaType body : operation.getRequestBody().getContent().getMediaTypes().values()) {
                Schema schema = body.getSchema();
                if (schema != null && schema.getRef() != null) {
                    schema = components.getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
                }
                if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                    field = schema.getProperties().keySet().iterator().next();
                }
            }
        }
        String reason = switch (code) {
            case "request.unsafe_text" -> "must not contain U+202E (an invisible or formatting character)";
            case "request.malformed" -> "has the wrong type or format";
            default -> "is missing or malformed";
        };
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("reason", reason);
        return violation;
    }

    private static String sentence(String words) {
        if (words.isBlank()) {
            return "The request was refused.";
        }
        String trimmed = words.strip();
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1) + (trimmed.endsWith(".") ? "" : ".");
    }

    private static Schema integer(String format, String description) {
        return OASFactory.createSchema().addType(SchemaType.INTEGER).format(format).description(description);
    }
}
