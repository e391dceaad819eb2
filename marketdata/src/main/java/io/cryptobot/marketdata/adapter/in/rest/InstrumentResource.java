package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.marketdata.application.port.in.DefineInstrumentUseCase;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.in.ListInstrumentsQuery;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.collection.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The instrument catalog: shared reference data every user reads; traders and admins add to it. */
@Path("/api/marketdata/instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResource {
    private final DefineInstrumentUseCase define;
    private final GetInstrumentQuery get;
    private final ListInstrumentsQuery list;

    InstrumentResource(DefineInstrumentUseCase define, GetInstrumentQuery get, ListInstrumentsQuery list) {
        this.define = define;
        this.get = get;
        this.list = list;
    }

    @POST
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response define(InstrumentRequest request) {
        if (request == null) {
            return Problems.response(MarketDataErrors.invalid(List.of(new Violation("body", "is missing"))));
        }
        return Instrument.define(request.venue(), request.base(), request.quote(), request.tickSize(),
                        request.stepSize())
                .toEither()
                .mapLeft(MarketDataErrors::invalid)
                .flatMap(define::define)
                .fold(Problems::response, instrument -> Response
                        .created(URI.create("/api/marketdata/instruments/" + instrument.id().venue() + "/"
                                + instrument.id().base() + "/" + instrument.id().quote()))
                        .entity(InstrumentResponse.of(instrument)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return RestInputs.page(offset, limit).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(list.list(page),
                        InstrumentResponse::of)).build());
    }

    @GET
    @Path("{venue}/{base}/{quote}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response get(@PathParam("venue") String venue, @PathParam("base") String base,
                        @PathParam("quote") String quote) {
        return RestParams.instrument(venue, base, quote).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .flatMap(get::get)
                .fold(Problems::response, instrument -> Response.ok(InstrumentResponse.of(instrument)).build());
    }
}
