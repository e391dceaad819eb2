package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.ListPublicationsQuery;
import io.cryptobot.marketdata.application.port.in.PublishDatasetCommand;
import io.cryptobot.marketdata.application.port.in.PublishDatasetUseCase;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.collection.List;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Admins publishing a user's private dataset into the shared data every user reads, and the record of every
 * publication (who, whose, what, how many, when).
 */
@Path("/api/admin/marketdata/publications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PublicationResource {
    private final PublishDatasetUseCase publish;
    private final ListPublicationsQuery list;

    PublicationResource(PublishDatasetUseCase publish, ListPublicationsQuery list) {
        this.publish = publish;
        this.list = list;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a user's private dataset (admin)",
            description = "Moves the owner's private candles of the instrument and timeframe into the shared "
                    + "data: they replace shared candles at the same open times, the private copies are "
                    + "removed (freeing the owner's limit), and every user's reads, backtests and bots see "
                    + "them from then on. One transaction; recorded with the admin's id.")
    @APIResponse(responseCode = "200", description = "The publication as recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicationResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: owner, instrument or timeframe missing or "
            + "malformed; errors[] names each")
    @APIResponse(responseCode = "404", description = "marketdata.dataset.not_found: the owner has no private candles of "
            + "this instrument and timeframe")
    public Response publish(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PublicationRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"owner\":\"7d1f6c2e-3b0a-4f57-9a55-2f1e0c8b4d21\","
                    + "\"instrument\":\"BINANCE:BTC/USDT\",\"timeframe\":\"1m\"}"))) PublicationRequest request,
                            @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(MarketDataErrors.invalid(List.of(new Violation("body", "is missing"))));
        }
        UserId admin = new UserId(RestInputs.caller(security));
        Validation<Violation, UserId> owner = UserId.parse(request.owner() == null ? "" : request.owner())
                .toValidation(() -> new Violation("owner", "must be a user id (uuid)"));
        return Validation.combine(owner, RestParams.instrument(request.instrument() == null ? ""
                        : request.instrument()), RestParams.timeframe(request.timeframe()))
                .ap((o, instrument, timeframe) -> new PublishDatasetCommand(admin, o, instrument, timeframe))
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(publish::publish)
                .fold(Problems::response, published -> Response.ok(PublicationResponse.of(published)).build());
    }

    @GET
    @Operation(summary = "List publications (admin)",
            description = "Every publication of a private dataset into the shared data, newest first, "
                    + "paged: the admin, the owner, the instrument and timeframe, the candles added and "
                    + "replaced, and when.")
    @APIResponse(responseCode = "200", description = "One page of publications",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = PublicationResponse.class))))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: offset or limit is not a whole number in "
            + "range")
    public Response publications(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return RestInputs.page(offset, limit).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(list.list(page),
                        PublicationResponse::of)).build());
    }
}
