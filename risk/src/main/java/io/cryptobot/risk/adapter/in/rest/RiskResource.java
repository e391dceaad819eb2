package io.cryptobot.risk.adapter.in.rest;

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
    public StateResponse state(@Context SecurityContext security) {
        return StateResponse.of(control.status(caller(security)));
    }

    @POST
    @Path("halt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response halt(ReasonRequest request, @Context SecurityContext security) {
        return change(TradingState.HALTED, request, security);
    }

    @POST
    @Path("reduce-only")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response reduceOnly(ReasonRequest request, @Context SecurityContext security) {
        return change(TradingState.REDUCING, request, security);
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response resume(ReasonRequest request, @Context SecurityContext security) {
        return change(TradingState.ACTIVE, request, security);
    }

    @GET
    @Path("events")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
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
    public LimitsResponse limits(@Context SecurityContext security) {
        return LimitsResponse.of(limits.limits(caller(security)));
    }

    /** Replaces all limits: a field left out is no limit. */
    @PUT
    @Path("limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response replaceLimits(LimitsRequest request, @Context SecurityContext security) {
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
