package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.DeleteDatasetUseCase;
import io.cryptobot.marketdata.application.port.in.ListDatasetsQuery;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.Tuple;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The caller's private datasets: the candles their uploads and synthetic series stored, by instrument and
 * timeframe, which only they see, and how much of their stored-candles limit they use.
 */
@Path("/api/marketdata/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    private final ListDatasetsQuery list;
    private final DeleteDatasetUseCase delete;

    DatasetResource(ListDatasetsQuery list, DeleteDatasetUseCase delete) {
        this.list = list;
        this.delete = delete;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List my private datasets",
            description = "The caller's private datasets (instrument, timeframe, candles, first and "
                    + "last open time), the candles stored in all and the caller's limit "
                    + "(cryptobot.limits.stored-candles-per-user). Only the caller sees these candles.")
    @APIResponse(responseCode = "200", description = "The caller's datasets",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DatasetsResponse.class)))
    public Response datasets(@Context SecurityContext security) {
        return Response.ok(DatasetsResponse.of(list.list(new UserId(RestInputs.caller(security))))).build();
    }

    @DELETE
    @Path("{venue}/{base}/{quote}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Delete one of my private datasets",
            description = "Deletes the caller's private candles of the instrument at the timeframe (the "
                    + "shared candles stay) and frees as many of the caller's stored-candles limit.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: venue, base, quote or timeframe "
            + "malformed; errors[] names each")
    @APIResponse(responseCode = "404", description = "marketdata.dataset.not_found: the caller has no private candles of "
            + "this instrument and timeframe")
    public Response delete(@PathParam("venue") String venue, @PathParam("base") String base,
                           @PathParam("quote") String quote, @QueryParam("timeframe") String timeframe,
                           @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        return Validation.combine(RestParams.instrument(venue, base, quote), RestParams.timeframe(timeframe))
                .ap(Tuple::of).toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(q -> delete.delete(caller, q._1, q._2))
                .fold(Problems::response, deleted -> Response.noContent().build());
    }
}
