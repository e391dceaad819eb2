package io.cryptobot.app.notification.adapter.in.rest;

import io.cryptobot.app.notification.application.port.in.CreateEndpointCommand;
import io.cryptobot.app.notification.application.port.in.CreateEndpointUseCase;
import io.cryptobot.app.notification.application.port.in.DeleteEndpointUseCase;
import io.cryptobot.app.notification.application.port.in.EndpointsQuery;
import io.cryptobot.app.notification.application.port.in.UpdateEndpointCommand;
import io.cryptobot.app.notification.application.port.in.UpdateEndpointUseCase;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.NotificationErrors;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Either;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's webhook endpoints for notifications and each one's delivery log (docs/api-notifications.md). */
@Path("/api/notifications/endpoints")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationEndpointResource {
    private final CreateEndpointUseCase creating;
    private final UpdateEndpointUseCase updating;
    private final DeleteEndpointUseCase deleting;
    private final EndpointsQuery query;

    NotificationEndpointResource(CreateEndpointUseCase creating, UpdateEndpointUseCase updating,
                                 DeleteEndpointUseCase deleting, EndpointsQuery query) {
        this.creating = creating;
        this.updating = updating;
        this.deleting = deleting;
        this.query = query;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Add a webhook endpoint",
            description = "Notifications of the chosen events go to this endpoint, signed with a secret that is "
                    + "answered here once and never again (X-Cryptobot-Signature: t=<unix seconds>,v1=<hex "
                    + "HMAC-SHA256 of t.body>). Formats: generic (our JSON), slack and discord (the URL must be an "
                    + "incoming webhook under the configured base URL), telegram (botToken and chatId; calls "
                    + "sendMessage at the configured Telegram base URL). A generic URL must not resolve to an "
                    + "internal address unless an admin allowed that. Events: order.filled, order.rejected, "
                    + "order.denied, risk.kill_switch, risk.daily_loss_halt, bot.failed, bot.feed_stale, bot.venue_drift, "
                    + "backtest.finished, sweep.finished, alert.triggered (alert rules: /api/notifications/alerts).")
    @APIResponse(responseCode = "201", description = "The endpoint and its signing secret (Location: "
            + "/api/notifications/endpoints/{id})",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CreatedEndpointResponse.class)))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: name, format, url, events, botToken or "
            + "chatId missing or malformed; errors[] names each")
    @APIResponse(responseCode = "409", description = "notification.endpoint.too_many: the caller has as many endpoints as "
            + "allowed (cryptobot.notifications.max-endpoints-per-user, default 20)")
    @APIResponse(responseCode = "422", description = "notification.target_refused: the URL resolves to a loopback, private, "
            + "link-local or other internal address, or does not resolve")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreateEndpointRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"name\":\"my receiver\",\"format\":\"generic\","
                    + "\"url\":\"https://hooks.example.com/cryptobot\",\"events\":[\"order.filled\","
                    + "\"risk.kill_switch\"]}"))) CreateEndpointRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(NotificationErrors.invalid(List.of(new Violation("body",
                    "a JSON body is required"))));
        }
        return CreateEndpointCommand.of(caller(security), request.name(), request.format(), request.url(),
                        request.events(), request.botToken(), request.chatId())
                .flatMap(creating::create)
                .fold(Problems::response, created -> Response.created(URI.create("/api/notifications/endpoints/"
                        + created.endpoint().id())).entity(CreatedEndpointResponse.of(created)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List the caller's webhook endpoints",
            description = "Oldest first, paged by offset and limit; secrets are never included.")
    @APIResponse(responseCode = "200", description = "One page of endpoints",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = EndpointResponse.class))))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: offset or limit is not a whole number in range")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        return RestInputs.page(offset, limit).toEither()
                .<DomainError>mapLeft(v -> NotificationErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(query.list(caller, page),
                        EndpointResponse::of)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get a webhook endpoint",
            description = "One of the caller's endpoints with its state (enabled, consecutive failures, why it "
                    + "was disabled); never its secret.")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointResponse.class)))
    @APIResponse(responseCode = "404", description = "notification.endpoint.not_found: no such endpoint of the caller "
            + "(also a malformed id)")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(endpoint -> query.get(caller, endpoint))
                .fold(Problems::response, endpoint -> Response.ok(EndpointResponse.of(endpoint)).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Change or re-enable a webhook endpoint",
            description = "Sets name, url, events and/or enabled; omitted fields are kept. enabled=true enables an "
                    + "endpoint disabled after repeated failures: its failure count is reset and the deliveries "
                    + "that waited for it go out in order. A changed URL passes the same checks as at creation.")
    @APIResponse(responseCode = "200", description = "The endpoint as changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EndpointResponse.class)))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: nothing to change, or a field is "
            + "malformed; errors[] names each")
    @APIResponse(responseCode = "404", description = "notification.endpoint.not_found: no such endpoint of the caller")
    @APIResponse(responseCode = "422", description = "notification.target_refused: the new URL resolves to an internal "
            + "address")
    public Response update(@PathParam("id") String id, @RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = UpdateEndpointRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"enabled\":true}"))) UpdateEndpointRequest request,
                           @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, EndpointId> endpoint = id(id);
        if (endpoint.isLeft()) {
            return Problems.response(endpoint.getLeft());
        }
        if (request == null) {
            return Problems.response(NotificationErrors.invalid(List.of(new Violation("body",
                    "a JSON body is required"))));
        }
        return UpdateEndpointCommand.of(caller, endpoint.get(), request.name(), request.url(), request.events(),
                        request.enabled())
                .flatMap(updating::update)
                .fold(Problems::response, changed -> Response.ok(EndpointResponse.of(changed)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Remove a webhook endpoint",
            description = "Deletes one of the caller's endpoints with its pending deliveries and its log.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "notification.endpoint.not_found: no such endpoint of the caller")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(endpoint -> deleting.delete(caller, endpoint))
                .fold(Problems::response, deleted -> Response.noContent().build());
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "An endpoint's delivery log",
            description = "Every notification queued for the endpoint, newest first, paged: pending (with its "
                    + "attempts so far and when the next is due), delivered or failed (refused for good), with the "
                    + "last HTTP status and error.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = DeliveryResponse.class))))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: offset or limit is not a whole number in range")
    @APIResponse(responseCode = "404", description = "notification.endpoint.not_found: no such endpoint of the caller")
    public Response deliveries(@PathParam("id") String id, @QueryParam("offset") String offset,
                               @QueryParam("limit") String limit, @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, EndpointId> endpoint = id(id);
        if (endpoint.isLeft()) {
            return Problems.response(endpoint.getLeft());
        }
        return RestInputs.page(offset, limit).toEither()
                .<DomainError>mapLeft(v -> NotificationErrors.invalid(List.of(v)))
                .flatMap(page -> query.deliveries(caller, endpoint.get(), page))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(page, DeliveryResponse::of)).build());
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    /** A malformed id cannot name anyone's endpoint: not found, like another user's. */
    private static Either<DomainError, EndpointId> id(String text) {
        return EndpointId.parse(text).toEither(NotificationErrors::notFound);
    }
}
