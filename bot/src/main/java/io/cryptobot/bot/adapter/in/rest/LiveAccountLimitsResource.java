package io.cryptobot.bot.adapter.in.rest;

import io.cryptobot.bot.application.port.in.GetLiveAccountLimitsQuery;
import io.cryptobot.bot.application.port.in.SetLiveAccountLimitsUseCase;
import io.cryptobot.bot.domain.live.LiveAccountLimits;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A live account's own limits, judged before every order on it leaves for the venue (hand orders and its bot's). */
@Path("/api/accounts/{id}/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LiveAccountLimitsResource {
    private final SetLiveAccountLimitsUseCase set;
    private final GetLiveAccountLimitsQuery get;

    LiveAccountLimitsResource(SetLiveAccountLimitsUseCase set, GetLiveAccountLimitsQuery get) {
        this.set = set;
        this.get = get;
    }

    @Schema(name = "LiveAccountLimitsRequest", description = "Both limits, exact decimal strings in currency")
    public record LiveAccountLimitsRequest(String currency, String maxOrderNotional, String maxDailyLoss) {
    }

    @Schema(name = "LiveAccountLimitsResponse", description = "The account's limits; the amounts are null (and "
            + "currency too) until they are set")
    public record LiveAccountLimitsResponse(String accountId, String currency, String maxOrderNotional,
                                            String maxDailyLoss) {
        static LiveAccountLimitsResponse of(String accountId, LiveAccountLimits limits) {
            return limits == null ? new LiveAccountLimitsResponse(accountId, null, null, null)
                    : new LiveAccountLimitsResponse(accountId, limits.currency().code(),
                    plain(limits.maxOrderNotional().toBigDecimal()), plain(limits.maxDailyLoss().toBigDecimal()));
        }

        private static String plain(java.math.BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A live account's limits",
            description = "The max order notional and max daily loss every order on the live account is checked "
                    + "against before it leaves for the venue; null until set.")
    @APIResponse(responseCode = "200", description = "The limits",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LiveAccountLimitsResponse.class)))
    @APIResponse(responseCode = "404", description = "exchange.account.not_found: no such account of the caller")
    @APIResponse(responseCode = "409", description = "bot.account_not_live: a paper account")
    public Response limits(@PathParam("id") String id, @Context SecurityContext security) {
        return get.limits(caller(security), id).fold(Problems::response,
                limits -> Response.ok(LiveAccountLimitsResponse.of(id, limits.getOrNull())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Set a live account's limits",
            description = "Replaces the live account's max order notional and max daily loss (both required). "
                    + "Neither may be looser than your own limits (PUT /api/risk/limits), where you keep one, and "
                    + "they must be in your limits' currency. From the next order on, every order on the account "
                    + "(by hand or by its bot) whose notional is above the limit, or that does not shrink a position "
                    + "once the day's loss has reached the limit, is rejected before it leaves (rule "
                    + "account_max_order_notional or account_max_daily_loss, in the bot's events); your and the "
                    + "bot's own limits still apply: the tightest wins.")
    @APIResponse(responseCode = "200", description = "The limits now in force",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LiveAccountLimitsResponse.class)))
    @APIResponse(responseCode = "400", description = "bot.invalid_input: a limit missing or not a positive decimal, "
            + "or the currency unknown; bot.account_limits_looser: a limit looser than your own or in another "
            + "currency; errors[] names each field")
    @APIResponse(responseCode = "404", description = "exchange.account.not_found: no such account of the caller")
    @APIResponse(responseCode = "409", description = "bot.account_not_live: a paper account")
    public Response replace(@PathParam("id") String id, @RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = LiveAccountLimitsRequest.class),
            examples = @ExampleObject(name = "example",
                    value = "{\"currency\":\"USDT\",\"maxOrderNotional\":\"250\",\"maxDailyLoss\":\"40\"}")))
            LiveAccountLimitsRequest request, @Context SecurityContext security) {
        LiveAccountLimitsRequest body = request == null ? new LiveAccountLimitsRequest(null, null, null) : request;
        return set.set(caller(security), id, body.currency(), body.maxOrderNotional(), body.maxDailyLoss())
                .fold(Problems::response, saved -> Response.ok(LiveAccountLimitsResponse.of(id, saved)).build());
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }
}
