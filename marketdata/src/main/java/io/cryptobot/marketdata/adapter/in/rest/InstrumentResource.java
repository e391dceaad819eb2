package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.marketdata.application.port.in.DefineInstrumentUseCase;
import io.cryptobot.marketdata.application.port.in.GetInstrumentQuery;
import io.cryptobot.marketdata.application.port.in.GetVenueListingQuery;
import io.cryptobot.marketdata.application.port.in.ListInstrumentsQuery;
import io.cryptobot.marketdata.application.port.in.LiveFeedStatusQuery;
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
    private final GetVenueListingQuery listings;
    private final LiveFeedStatusQuery feeds;

    InstrumentResource(DefineInstrumentUseCase define, GetInstrumentQuery get, ListInstrumentsQuery list,
                       GetVenueListingQuery listings, LiveFeedStatusQuery feeds) {
        this.define = define;
        this.get = get;
        this.list = list;
        this.listings = listings;
        this.feeds = feeds;
    }

    @POST
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Define an instrument",
            description = "Adds an instrument (venue, base and quote asset) with its tick size "
                    + "(price step) and step size (quantity step); a defined instrument never "
                    + "changes.")
    @APIResponse(responseCode = "201", description = "The instrument (Location: "
            + "/api/marketdata/instruments/{venue}/{base}/{quote})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstrumentResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: venue, asset or a size missing or malformed; "
            + "errors[] names each")
    @APIResponse(responseCode = "409", description = "marketdata.instrument.exists: the instrument is already defined")
    public Response define(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstrumentRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"venue\":\"BINANCE\",\"base\":\"BTC\",\"quote\":\"USDT\",\"tickSize\":\"0.01\",\"stepSize\":\"0.00001\"}"))) InstrumentRequest request) {
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
    @Operation(summary = "List instruments",
            description = "Every defined instrument, paged, each with its venue listing once synced and the live "
                    + "feeds of it running on this instance (liveFeeds: connected, fresh or stale since when, "
                    + "latest candle).")
    @APIResponse(responseCode = "200", description = "One page of instruments",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = InstrumentResponse.class))))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: offset or limit is not a whole number in range")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return RestInputs.page(offset, limit).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(list.list(page),
                        this::withListing)).build());
    }

    @GET
    @Path("{venue}/{base}/{quote}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get an instrument",
            description = "One instrument with its tick and step size; once the instrument sync has asked its "
                    + "venue, the venue's listing: its own tick, step and minimum notional, its status (trading, "
                    + "halted, delisted) and since when, and whether the venue's rules fit the instrument's; and "
                    + "the live feeds of it running on this instance (liveFeeds, by timeframe): whether each is "
                    + "connected to its venue, fresh or stale (no closed candle for two intervals) and since "
                    + "when, its latest candle, subscribers and counters.")
    @APIResponse(responseCode = "200", description = "The instrument",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstrumentResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: venue or asset malformed")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    public Response get(@PathParam("venue") String venue, @PathParam("base") String base,
                        @PathParam("quote") String quote) {
        return RestParams.instrument(venue, base, quote).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .flatMap(get::get)
                .fold(Problems::response, instrument -> Response.ok(withListing(instrument)).build());
    }

    private InstrumentResponse withListing(Instrument instrument) {
        return InstrumentResponse.of(instrument, listings.listing(instrument.id()), feeds.feeds(instrument.id()));
    }
}
