package io.cryptobot.app.platform;

import io.cryptobot.kernel.adapter.in.rest.Problems;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of the API shares, written once instead of on 77 methods: the {@code Problem} schema
 * (RFC 9457 plus the stable {@code code}), every error answer as {@code application/problem+json} of that schema,
 * and the answers the platform's filters and mappers give on any operation, whatever the resource says:
 * 400 {@code request.unsafe_text} (path, query and JSON text are checked before an endpoint sees them), 400
 * {@code request.malformed} for a body that is not the expected JSON, 401 {@code auth.unauthenticated} and 403
 * {@code auth.forbidden} for secured operations, 429 {@code stream.too_many_open} on every server-sent-event
 * stream (the per-user limit of open streams, kept by the stream registry), 503 {@code server.unavailable} when
 * PostgreSQL cannot be reached.
 * The resources document their own successes and their domain errors with the codes they can answer.
 * Registered with {@code mp.openapi.filter}; it runs once when the document is built.
 */
public class OpenApiConventions implements OASFilter {
    static final String PROBLEM = "Problem";
    private static final Pattern CODE = Pattern.compile("\\b[a-z_]+\\.[a-z_.]*[a-z_]\\b");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                conventions(operation);
            }
        }
        OpenApiExamples.addTo(openAPI);
    }

    private static void conventions(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        mention(responses, "400", "request.unsafe_text: a text in the path, a query parameter or the body holds a "
                + "control, zero-width or bidi character, or a lone surrogate (errors[] names the field)");
        if (operation.getRequestBody() != null) {
            mention(responses, "400", "request.malformed: the body is missing or not JSON of the expected shape "
                    + "(errors[] names the field)");
        }
        if (secured) {
            mention(responses, "401", "auth.unauthenticated: no valid access token (missing, expired, forged, or "
                    + "its session ended by logout)");
            if (rolesOnly(operation)) {
                mention(responses, "403", "auth.forbidden: the caller's role does not allow this operation");
            } else {
                responses.removeAPIResponse("403");
            }
        }
        if (streams(responses)) {
            mention(responses, "429", "stream.too_many_open: the caller already has as many event streams open (over "
                    + "every stream endpoint) as allowed; a stream's place frees when it ends or its client goes away; "
                    + "the problem names limit streams-per-user and its max (default 16, "
                    + "cryptobot.limits.streams-per-user)");
        }
        mention(responses, "503", "server.unavailable: the database cannot be reached; nothing was changed, retry "
                + "after Retry-After seconds");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                .ref("#/components/schemas/" + PROBLEM))));
            }
        }
    }

    /** Whether the operation answers a server-sent-event stream. */
    private static boolean streams(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && ok.getContent().getMediaTypes().containsKey("text/event-stream");
    }

    /** The scopes of the bearer requirement are the roles allowed; a viewer or any signed-in user is never 403. */
    private static boolean rolesOnly(Operation operation) {
        java.util.List<String> roles = operation.getSecurity().stream()
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .flatMap(java.util.List::stream).toList();
        return !roles.isEmpty() && !roles.contains("viewer");
    }

    /**
     * Adds the stable code to the status's description, creating the response if absent. A description without
     * any code (the scanner's generic "Bad Request", "Not Authorized") is replaced, since it says nothing useful.
     */
    private static void mention(APIResponses responses, String status, String line) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(line));
            return;
        }
        String description = response.getDescription();
        if (description == null || !CODE.matcher(description).find()) {
            response.setDescription(line);
        } else if (!description.contains(line.substring(0, line.indexOf(':')))) {
            response.setDescription(description + "; " + line);
        }
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", text("the input that was refused: a body field (dotted for nested ones), a "
                        + "query parameter, \"path\" or \"body\""))
                .addProperty("reason", text("why, for humans"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. Clients switch on code, never on detail or title.")
                .addProperty("type", text("urn:cryptobot:problem: followed by the code"))
                .addProperty("title", text("the HTTP status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("the HTTP status, repeated"))
                .addProperty("detail", text("what went wrong, for humans; never a secret, class name or path"))
                .addProperty("code", text("the stable, dotted error code, e.g. order.client_order_id_reused"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError)
                        .description("every violation found, for invalid input only"))
                .addProperty("limit", text("for a refusal by a per-user limit (429, 413): the limit met, as named "
                        + "under cryptobot.limits, e.g. sweeps-active-per-user"))
                .addProperty("max", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("for a refusal by a per-user limit: the limit's value"))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("detail")
                .addRequired("code")
                .example(Map.of("type", "urn:cryptobot:problem:order.invalid_input", "title", "Bad Request",
                        "status", 400, "detail", "the order is invalid", "code", "order.invalid_input",
                        "errors", java.util.List.of(Map.of("field", "quantity", "reason", "must be positive"))));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
