package io.cryptobot.risk.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.risk.application.port.in.RiskLimitsUseCase;
import io.cryptobot.risk.application.port.in.TradingControlUseCase;
import io.cryptobot.risk.application.port.in.TradingStatus;
import io.cryptobot.risk.domain.LimitsInput;
import io.cryptobot.risk.domain.RiskLimits;
import io.cryptobot.risk.domain.TradingState;
import io.cryptobot.risk.domain.event.TradingStateChanged;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Locale;

/**
 * The caller's risk controls: the kill switch (halt, reduce only, resume; each with a reason and audited) and the
 * pre-trade limits. Once orders and bots exist, a halt also cancels open orders and pauses bots (not yet built).
 */
@Path("/api/risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {
    private final TradingControlUseCase control;
    private final RiskLimitsUseCase limits;

    RiskResource(TradingControlUseCase control, RiskLimitsUseCase limits) {
        this.control = control;
        this.limits = limits;
    }

    public record ReasonRequest(String reason) {
    }

    public record StateResponse(String state, Instant since, String reason) {
        static StateResponse of(TradingStatus status) {
            return new StateResponse(status.state().name().toLowerCase(Locale.ROOT), status.since().getOrNull(),
                    status.reason().getOrNull());
        }
    }

    public record StateChangeResponse(String id, String from, String to, String reason, Instant at) {
        static StateChangeResponse of(TradingStateChanged change) {
            return new StateChangeResponse(change.eventId().toString(), change.from().name().toLowerCase(Locale.ROOT),
                    change.to().name().toLowerCase(Locale.ROOT), change.reason(), change.occurredAt());
        }
    }

    public record LimitsRequest(String currency, String maxOrderNotional, String maxPositionSharePercent,
                                String maxOpenOrders, String maxDailyLoss, String maxDailyLossPercent,
                                String maxAssetExposurePercent, String maxOrdersPerMinute) {
    }

    public record LimitsResponse(String currency, String maxOrderNotional, String maxPositionSharePercent,
                                 String maxOpenOrders, String maxDailyLoss, String maxDailyLossPercent,
                                 String maxAssetExposurePercent, String maxOrdersPerMinute) {
        static LimitsResponse of(RiskLimits limits) {
            LimitsInput text = LimitsInput.of(limits);
            String currency = limits.currency().map(asset -> asset.code()).getOrNull();
            return new LimitsResponse(currency, text.maxOrderNotional(), text.maxPositionSharePercent(),
                    text.maxOpenOrders(), text.maxDailyLoss(), text.maxDailyLossPercent(),
                    text.maxAssetExposurePercent(), text.maxOrdersPerMinute());
        }
    }

    @GET
    @Path("state")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "The caller's trading state",
            description = "active (trading), reducing (only orders that reduce a position) or "
                    + "halted (kill switch: every new order is denied), since when and why.")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StateResponse.class)))
    public StateResponse state(@Context SecurityContext security) {
        return StateResponse.of(control.status(caller(security)));
    }

    @POST
    @Path("halt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Halt trading (kill switch)",
            description = "Every new order of the caller, by hand or by a bot, is denied (recorded, "
                    + "answered 201 with status \"denied\") until trading is resumed with POST "
                    + "/api/risk/resume. The reason is recorded.")
    @APIResponse(responseCode = "200", description = "The state now in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StateResponse.class)))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: reason missing, too long or unsafe text")
    @APIResponse(responseCode = "409", description = "risk.state_unchanged: already in this state; "
            + "risk.state_changed_meanwhile: changed by another request, read it again")
    public Response halt(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReasonRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"exchange outage\"}"))) ReasonRequest request, @Context SecurityContext security) {
        return change(TradingState.HALTED, request, security);
    }

    @POST
    @Path("reduce-only")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Allow only reducing orders",
            description = "Only orders that reduce an open position pass the pre-trade check; "
                    + "others are denied. The reason is recorded.")
    @APIResponse(responseCode = "200", description = "The state now in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StateResponse.class)))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: reason missing, too long or unsafe text")
    @APIResponse(responseCode = "409", description = "risk.state_unchanged: already in this state; "
            + "risk.state_changed_meanwhile: changed by another request, read it again")
    public Response reduceOnly(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReasonRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"daily loss close to the limit\"}"))) ReasonRequest request, @Context SecurityContext security) {
        return change(TradingState.REDUCING, request, security);
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Resume trading (lift a halt)",
            description = "Back to active: orders are checked against the limits again. The reason "
                    + "is recorded.")
    @APIResponse(responseCode = "200", description = "The state now in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StateResponse.class)))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: reason missing, too long or unsafe text")
    @APIResponse(responseCode = "409", description = "risk.state_unchanged: already in this state; "
            + "risk.state_changed_meanwhile: changed by another request, read it again")
    public Response resume(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReasonRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"venue back to normal\"}"))) ReasonRequest request, @Context SecurityContext security) {
        return change(TradingState.ACTIVE, request, security);
    }

    @GET
    @Path("events")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Trading state history",
            description = "Every change of the caller's trading state (from, to, reason, when), "
                    + "newest first, paged.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = StateChangeResponse.class))))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: offset or limit is not a whole number in range")
    public Response events(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                           @Context SecurityContext security) {
        UserId caller = caller(security);
        return RestInputs.page(offset, limit).toEither()
                .<DomainError>mapLeft(v -> new DomainError.Invalid("risk.invalid_input", "invalid paging",
                        java.util.List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(control.history(caller, page),
                        StateChangeResponse::of)).build());
    }

    @GET
    @Path("limits")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "The caller's risk limits",
            description = "The limits every order of the caller is checked against before it is "
                    + "sent; an absent field is no limit.")
    @APIResponse(responseCode = "200", description = "The limits",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    public LimitsResponse limits(@Context SecurityContext security) {
        return LimitsResponse.of(limits.limits(caller(security)));
    }

    /** Replaces all limits: a field left out is no limit. */
    @PUT
    @Path("limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Replace the risk limits",
            description = "Sets all limits at once (an omitted field removes that limit). Amounts "
                    + "are exact decimal strings in currency.")
    @APIResponse(responseCode = "200", description = "The limits now in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsResponse.class)))
    @APIResponse(responseCode = "400", description = "risk.invalid_input: currency unknown or a limit not a positive decimal "
            + "(percentages 0..100); errors[] names each")
    public Response replaceLimits(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = LimitsRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"currency\":\"USDT\",\"maxOrderNotional\":\"5000\",\"maxPositionSharePercent\":\"50\",\"maxOpenOrders\":\"10\",\"maxDailyLoss\":\"500\",\"maxOrdersPerMinute\":\"30\"}"))) LimitsRequest request, @Context SecurityContext security) {
        LimitsRequest body = request == null
                ? new LimitsRequest(null, null, null, null, null, null, null, null) : request;
        return limits.replace(caller(security), body.currency(), new LimitsInput(body.maxOrderNotional(),
                        body.maxPositionSharePercent(), body.maxOpenOrders(), body.maxDailyLoss(),
                        body.maxDailyLossPercent(), body.maxAssetExposurePercent(), body.maxOrdersPerMinute()))
                .fold(Problems::response, saved -> Response.ok(LimitsResponse.of(saved)).build());
    }

    private Response change(TradingState target, ReasonRequest request, SecurityContext security) {
        return control.change(caller(security), target, request == null ? null : request.reason())
                .fold(Problems::response, status -> Response.ok(StateResponse.of(status)).build());
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }
}
