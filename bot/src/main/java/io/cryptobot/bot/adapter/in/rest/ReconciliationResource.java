package io.cryptobot.bot.adapter.in.rest;

import io.cryptobot.bot.application.port.in.GetReconciliationQuery;
import io.cryptobot.bot.domain.bot.BotErrors;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.bot.domain.live.Drift;
import io.cryptobot.bot.domain.live.ReconciliationReport;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A live-account bot's reconciliation with its venue: whether orders may leave, and what differed last time. */
@Path("/api/bots/{id}/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
    private final GetReconciliationQuery reconciliations;

    ReconciliationResource(GetReconciliationQuery reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Schema(name = "ReconciliationResponse", description = "reconciled: orders may leave now (the account was "
            + "reconciled and the venue's report stream is up); the last reconciliation (at, trigger, counts, drifts) "
            + "is null before the first")
    public record ReconciliationResponse(String botId, boolean reconciled, Instant at,
                                         @Schema(enumeration = {"start", "stream reconnected", "periodic"})
                                         String trigger, Integer venueOpenOrders, Integer executionsRead,
                                         List<DriftResponse> drifts) {
    }

    @Schema(name = "ReconciliationDrift", description = "One difference: its code, a sentence with the numbers, and "
            + "for a balance difference the asset and the amounts (decimal strings), for an order its client order id")
    public record DriftResponse(@Schema(enumeration = {"unknown_venue_order", "foreign_execution", "missed_fill",
            "closed_on_venue", "balance_difference"}) String code, String detail, String clientOrderId, String asset,
                                String ledger, String venue, String difference) {
        static DriftResponse of(Drift drift) {
            return switch (drift) {
                case Drift.BalanceDifference b -> new DriftResponse(b.code(), b.describe(), null, b.asset().code(),
                        b.ledger().toPlainString(), b.venue().toPlainString(), b.difference().toPlainString());
                case Drift.UnknownVenueOrder u -> order(u, u.order().clientOrderId());
                case Drift.MissedFill m -> order(m, m.execution().clientOrderId());
                case Drift.ForeignExecution f -> order(f, f.execution().clientOrderId());
                case Drift.ClosedOnVenue c -> order(c, c.clientOrderId());
            };
        }

        private static DriftResponse order(Drift drift, String clientOrderId) {
            return new DriftResponse(drift.code(), drift.describe(), clientOrderId, null, null, null, null);
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A live-account bot's reconciliation",
            description = "Whether the bot's orders may leave now, and what its last reconciliation with the venue "
                    + "found: open orders the platform did not place (reported, never adopted or canceled), fills "
                    + "missed while the stream was down (applied from the venue's trade history), orders gone from "
                    + "the venue (asked for by query), balance differences with their size. Reconciliation runs at "
                    + "start, after every gap in the venue's report stream and every 5 minutes; each one is also a "
                    + "venue_reconciled entry of GET /api/bots/{id}/events.")
    @APIResponse(responseCode = "200", description = "The reconciliation",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReconciliationResponse.class)))
    @APIResponse(responseCode = "404", description = "bot.not_found: no such bot of the caller")
    @APIResponse(responseCode = "409", description = "bot.not_on_live_venue: the bot is not trading a live account "
            + "here (a paper bot, or not running)")
    public Response reconciliation(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        return BotId.parse(id).toEither(() -> BotErrors.notFound(new BotId(new UUID(0, 0))))
                .flatMap(botId -> reconciliations.reconciliation(caller, botId))
                .fold(Problems::response, r -> {
                    ReconciliationReport last = r.last().getOrNull();
                    return Response.ok(new ReconciliationResponse(r.bot().value().toString(), r.reconciled(),
                            last == null ? null : last.at(), last == null ? null : last.trigger(),
                            last == null ? null : last.venueOpenOrders(), last == null ? null : last.executionsRead(),
                            last == null ? List.of() : last.drifts().stream().map(DriftResponse::of).toList()))
                            .build();
                });
    }
}
