package io.cryptobot.app.notification.adapter.in.rest;

import io.cryptobot.app.notification.application.port.in.AlertRulesQuery;
import io.cryptobot.app.notification.application.port.in.CreateAlertRuleCommand;
import io.cryptobot.app.notification.application.port.in.CreateAlertRuleUseCase;
import io.cryptobot.app.notification.application.port.in.DeleteAlertRuleUseCase;
import io.cryptobot.app.notification.application.port.in.UpdateAlertRuleCommand;
import io.cryptobot.app.notification.application.port.in.UpdateAlertRuleUseCase;
import io.cryptobot.app.notification.domain.AlertRuleId;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's alert rules (docs/api-notifications.md): a breach is an alert.triggered notification. */
@Path("/api/notifications/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertRuleResource {
    private final CreateAlertRuleUseCase creating;
    private final UpdateAlertRuleUseCase updating;
    private final DeleteAlertRuleUseCase deleting;
    private final AlertRulesQuery query;

    AlertRuleResource(CreateAlertRuleUseCase creating, UpdateAlertRuleUseCase updating,
                      DeleteAlertRuleUseCase deleting, AlertRulesQuery query) {
        this.creating = creating;
        this.updating = updating;
        this.deleting = deleting;
        this.query = query;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Add an alert rule",
            description = "Watches one of the caller's bots (botId) or each of them: drawdown beyond x % of its "
                    + "peak, daily_loss beyond y (percent of the equity the UTC day opened with, or quote: in the "
                    + "bot's currency), no_trade for more than n hours while it runs, exposure (open positions' "
                    + "worth) beyond z % of its equity. Each breach sends one alert.triggered notification to the "
                    + "endpoints that want it; the rule re-arms once the bot is back within the threshold.")
    @APIResponse(responseCode = "201", description = "The rule (Location: /api/notifications/alerts/{id})",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AlertRuleResponse.class)))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: name, kind, threshold, unit or botId "
            + "missing or malformed; errors[] names each")
    @APIResponse(responseCode = "404", description = "notification.alert.bot_not_found: botId names no bot of the "
            + "caller")
    @APIResponse(responseCode = "409", description = "notification.alert.too_many: the caller has as many rules as "
            + "allowed (cryptobot.notifications.max-alert-rules-per-user, default 50)")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreateAlertRuleRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"name\":\"deep drawdown\",\"kind\":\"drawdown\","
                    + "\"threshold\":\"10\",\"botId\":\"0190f7a2-5b1e-7c3d-9a8b-1c2d3e4f5a6c\"}")))
                           CreateAlertRuleRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(NotificationErrors.invalid(List.of(new Violation("body",
                    "a JSON body is required"))));
        }
        UserId caller = caller(security);
        return CreateAlertRuleCommand.of(caller, request.name(), request.kind(), request.threshold(), request.unit(),
                        request.botId())
                .flatMap(creating::create)
                .flatMap(rule -> query.get(caller, rule.id()))
                .fold(Problems::response, state -> Response.created(URI.create("/api/notifications/alerts/"
                        + state.rule().id())).entity(AlertRuleResponse.of(state)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List the caller's alert rules", description = "Oldest first, paged by offset and limit.")
    @APIResponse(responseCode = "200", description = "One page of rules",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = AlertRuleResponse.class))))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: offset or limit is not a whole number in range")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        return RestInputs.page(offset, limit).toEither()
                .<DomainError>mapLeft(v -> NotificationErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(query.list(caller, page),
                        AlertRuleResponse::of)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get an alert rule", description = "One of the caller's rules, with the bots it sees beyond "
            + "its threshold now.")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AlertRuleResponse.class)))
    @APIResponse(responseCode = "404", description = "notification.alert.not_found: no such rule of the caller (also a "
            + "malformed id)")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(rule -> query.get(caller, rule))
                .fold(Problems::response, state -> Response.ok(AlertRuleResponse.of(state)).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Change an alert rule",
            description = "Sets name, threshold (with unit, for daily_loss) and/or enabled; omitted fields are "
                    + "kept; the kind and the bot stay. A changed threshold starts the rule's watches afresh: a bot "
                    + "beyond the new threshold fires once.")
    @APIResponse(responseCode = "200", description = "The rule as changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AlertRuleResponse.class)))
    @APIResponse(responseCode = "400", description = "notification.invalid_input: nothing to change, or a field is "
            + "malformed; errors[] names each")
    @APIResponse(responseCode = "404", description = "notification.alert.not_found: no such rule of the caller")
    public Response update(@PathParam("id") String id, @RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = UpdateAlertRuleRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"threshold\":\"15\"}")))
                           UpdateAlertRuleRequest request, @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, AlertRuleId> rule = id(id);
        if (rule.isLeft()) {
            return Problems.response(rule.getLeft());
        }
        if (request == null) {
            return Problems.response(NotificationErrors.invalid(List.of(new Violation("body",
                    "a JSON body is required"))));
        }
        return UpdateAlertRuleCommand.of(caller, rule.get(), request.name(), request.threshold(), request.unit(),
                        request.enabled())
                .flatMap(updating::update)
                .flatMap(changed -> query.get(caller, changed.id()))
                .fold(Problems::response, state -> Response.ok(AlertRuleResponse.of(state)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Remove an alert rule", description = "Deletes one of the caller's rules with its watches; "
            + "notifications it already queued are kept.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "notification.alert.not_found: no such rule of the caller")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(rule -> deleting.delete(caller, rule))
                .fold(Problems::response, deleted -> Response.noContent().build());
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    private static Either<DomainError, AlertRuleId> id(String text) {
        return AlertRuleId.parse(text).toEither(NotificationErrors::alertNotFound);
    }
}
