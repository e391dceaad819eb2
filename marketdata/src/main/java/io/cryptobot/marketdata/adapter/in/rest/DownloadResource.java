package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.PollingStream;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.CancelDownloadUseCase;
import io.cryptobot.marketdata.application.port.in.DownloadAdmission;
import io.cryptobot.marketdata.application.port.in.GetDownloadJobQuery;
import io.cryptobot.marketdata.application.port.in.ListDownloadJobsQuery;
import io.cryptobot.marketdata.application.port.in.StartDownloadCommand;
import io.cryptobot.marketdata.application.port.in.StartDownloadUseCase;
import io.cryptobot.marketdata.domain.DownloadJob;
import io.cryptobot.marketdata.domain.DownloadJobId;
import io.cryptobot.marketdata.domain.DownloadRequest;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.TimeRange;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Downloads of a venue's candles (freqtrade's {@code download-data}). Traders and admins may start one although the
 * candles become shared reference data: they are the venue's own record, fetched by the platform, not supplied by
 * the user, so they are the same whoever asks. The job itself is the caller's.
 */
@Path("/api/marketdata/downloads")
@Produces(MediaType.APPLICATION_JSON)
public class DownloadResource {
    private static final String EXAMPLE = "{\"instrument\":\"SIM:BTC/USDT\",\"timeframe\":\"1h\","
            + "\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2024-02-01T00:00:00Z\",\"fillGaps\":false}";
    private final StartDownloadUseCase start;
    private final CancelDownloadUseCase cancel;
    private final GetDownloadJobQuery get;
    private final ListDownloadJobsQuery list;
    private final Clock clock;

    DownloadResource(StartDownloadUseCase start, CancelDownloadUseCase cancel, GetDownloadJobQuery get,
                     ListDownloadJobsQuery list, Clock clock) {
        this.start = start;
        this.cancel = cancel;
        this.get = get;
        this.list = list;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Download candles from a venue",
            description = "Fetches an instrument's candles between from (inclusive) and to (exclusive, default now) "
                    + "from its venue, page by page, into the shared candle store, as a background job: follow it "
                    + "with GET /api/marketdata/downloads/{id} or its events. Only candles that have closed are "
                    + "fetched; candles already stored are left as they are, so the same range again inserts nothing. "
                    + "With fillGaps, only the intervals the gap report finds missing are fetched. A timeframe the "
                    + "venue does not serve is computed exactly from a finer one it does. A pair the venue lists but "
                    + "the catalog does not know is defined from the venue's tick and step. The same request while "
                    + "the caller's first is queued or running answers that job (200).")
    @APIResponse(responseCode = "202", description = "The new download, queued (Location: /api/marketdata/downloads/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DownloadJobResponse.class)))
    @APIResponse(responseCode = "200", description = "The caller's identical download, still queued or running",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DownloadJobResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: instrument, timeframe, from or to missing "
            + "or malformed, or to not after from; errors[] names each")
    @APIResponse(responseCode = "422", description = "marketdata.download.venue_not_served: no market data adapter for the "
            + "venue; marketdata.download.not_on_venue: the venue does not list the pair; "
            + "marketdata.download.timeframe_not_offered: the venue serves no timeframe it can be made from; "
            + "marketdata.download.venue_rules_unusable: the venue's tick or step cannot define an instrument")
    @APIResponse(responseCode = "429", description = "marketdata.download.too_many_unfinished: the caller has too many "
            + "downloads queued or running")
    @APIResponse(responseCode = "503", description = "marketdata.venue.unavailable: the venue could not be asked whether it "
            + "lists the pair; nothing was started (Retry-After)")
    public Response start(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StartDownloadRequest.class),
            examples = @ExampleObject(name = "example", value = EXAMPLE))) StartDownloadRequest request,
                          @Context SecurityContext security) {
        UserId caller = caller(security);
        StartDownloadRequest body = request == null ? new StartDownloadRequest(null, null, null, null, null) : request;
        Validation<Violation, Long> to = body.to() == null || body.to().isBlank()
                ? Validation.valid(clock.now().toEpochMilli())
                : RestParams.time("to", body.to());
        return Validation.combine(RestParams.instrument(body.instrument()), RestParams.timeframe(body.timeframe()),
                        RestParams.time("from", body.from()), to)
                .ap((instrument, timeframe, from, end) -> TimeRange.of(from, end)
                        .map(range -> new DownloadRequest(instrument, timeframe, range,
                                Boolean.TRUE.equals(body.fillGaps())))
                        .mapLeft(reason -> new Violation("to", reason)))
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(parsed -> parsed.<DomainError>mapLeft(v -> MarketDataErrors.invalid(List.of(v))))
                .flatMap(parsed -> start.start(new StartDownloadCommand(caller, parsed)))
                .fold(Problems::response, DownloadResource::answer);
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List downloads",
            description = "The caller's downloads, newest first, paged.")
    @APIResponse(responseCode = "200", description = "One page of downloads",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = DownloadJobResponse.class))))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: offset or limit is not a whole number in range")
    public Response jobs(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        return RestInputs.page(offset, limit).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(list.list(caller, page),
                        DownloadJobResponse::of)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get a download",
            description = "One of the caller's downloads: status (queued, running, completed, failed, canceled), progress "
                    + "(rowsDone of rowsTotal candles), what was new, already stored or incomplete on the venue, a "
                    + "note while it waits for the venue, and the reason when it failed.")
    @APIResponse(responseCode = "200", description = "The download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DownloadJobResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.download.not_found: no such download of the caller (also "
            + "a malformed id)")
    public Response job(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return find(caller, id).fold(Problems::response, job -> Response.ok(DownloadJobResponse.of(job)).build());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Cancel a download",
            description = "Stops one of the caller's queued or running downloads: it ends as canceled at once and "
                    + "sends no further request to the venue (a running job stops before its next page). The "
                    + "candles it stored stay, and its cursor and counts say how far it got. Canceling a canceled "
                    + "download answers it again.")
    @APIResponse(responseCode = "200", description = "The download, canceled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DownloadJobResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.download.not_found: no such download of the caller (also "
            + "a malformed id)")
    @APIResponse(responseCode = "409", description = "marketdata.download.not_cancellable: the download already completed "
            + "or failed")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return DownloadJobId.parse(id).toEither(() -> MarketDataErrors.downloadNotFound(
                        new DownloadJobId(new UUID(0, 0))))
                .flatMap(jobId -> cancel.cancel(caller, jobId))
                .fold(Problems::response, job -> Response.ok(DownloadJobResponse.of(job)).build());
    }

    /** Progress as server-sent events, twice a second until the download has finished; the last event says how. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Follow a download",
            description = "Server-sent events: the download's state as it progresses, one JSON download per event, "
                    + "until it is finished.")
    @APIResponse(responseCode = "200", description = "The progress stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = DownloadJobResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.download.not_found: no such download of the caller (also "
            + "a malformed id)")
    public Multi<DownloadJobResponse> events(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, DownloadJob> first = find(caller, id);
        if (first.isLeft()) {
            throw new WebApplicationException(Problems.response(first.getLeft()));
        }
        DownloadJobId jobId = first.get().id();
        return PollingStream.until(Duration.ofMillis(500),
                        () -> get.get(caller, jobId).getOrElseThrow(e -> new IllegalStateException(e.detail())),
                        job -> job.status().isFinished())
                .map(DownloadJobResponse::of);
    }

    private Either<DomainError, DownloadJob> find(UserId caller, String id) {
        // a malformed id cannot name anyone's download: not found, like another user's
        return DownloadJobId.parse(id).toEither(() -> MarketDataErrors.downloadNotFound(
                        new DownloadJobId(new UUID(0, 0))))
                .flatMap(jobId -> get.get(caller, jobId));
    }

    private static Response answer(DownloadAdmission admission) {
        DownloadJobResponse body = DownloadJobResponse.of(admission.job());
        return switch (admission) {
            case DownloadAdmission.Queued queued -> Response.accepted(body)
                    .location(URI.create("/api/marketdata/downloads/" + queued.job().id())).build();
            case DownloadAdmission.AlreadyUnderway underway -> Response.ok(body)
                    .location(URI.create("/api/marketdata/downloads/" + underway.job().id())).build();
        };
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }
}
