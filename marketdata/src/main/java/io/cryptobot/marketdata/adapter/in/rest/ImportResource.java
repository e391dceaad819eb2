package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Text;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GetImportJobQuery;
import io.cryptobot.marketdata.application.port.in.ListImportJobsQuery;
import io.cryptobot.marketdata.application.port.in.StartCandleImportCommand;
import io.cryptobot.marketdata.application.port.in.StartCandleImportUseCase;
import io.cryptobot.marketdata.domain.DatasetTarget;
import io.cryptobot.marketdata.domain.ImportFormat;
import io.cryptobot.marketdata.domain.ImportJob;
import io.cryptobot.marketdata.domain.ImportJobId;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Candle imports. An upload is {@code multipart/form-data} with the file in the part {@code file} (a kline or
 * CSV file, or a zip of them); instrument, timeframe and format are query parameters. Quarkus has already
 * streamed the part to a temporary file; it is moved to the {@link ImportSpool}, because Quarkus deletes
 * uploads when the request ends and the import runs after the 202 answer. The candles go to the caller's private
 * dataset unless an admin asks for the shared data ({@code dataset=shared}).
 */
@Path("/api/marketdata/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ImportSpool spool;
    private final StartCandleImportUseCase start;
    private final GetImportJobQuery get;
    private final ListImportJobsQuery list;

    ImportResource(StartCandleImportUseCase start, GetImportJobQuery get, ListImportJobsQuery list,
                   ImportSpool spool) {
        this.spool = spool;
        this.start = start;
        this.get = get;
        this.list = list;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Import candles from a file",
            description = "Uploads a Binance kline CSV or zip, or a generic CSV (multipart part "
                    + "\"file\"), for a defined instrument and timeframe. Validated and stored by "
                    + "a background job: poll GET /api/marketdata/imports/{id}. A file with bad "
                    + "rows is refused whole, with line numbers; size, line length and row "
                    + "count are limited (the job fails with the reason). The candles go to the "
                    + "caller's private dataset, seen by the caller alone (their candle reads, backtests, "
                    + "sweeps and bots) and held to the caller's stored-candles limit; an admin may "
                    + "store them in the shared data every user reads with dataset=shared.")
    @APIResponse(responseCode = "202", description = "The import job, queued (Location: /api/marketdata/imports/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: instrument, timeframe, format or dataset "
            + "malformed, or the file part missing; errors[] names each")
    @APIResponse(responseCode = "403", description = "marketdata.dataset.shared_needs_admin: dataset=shared from a caller "
            + "who is not an admin")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    @APIResponse(responseCode = "413", description = "marketdata.dataset.limit_reached: the caller already stores as many "
            + "private candles as cryptobot.limits.stored-candles-per-user allows (the detail names the value); "
            + "an import that would pass it later fails with the limit named")
    @APIResponse(responseCode = "429", description = "marketdata.import.too_many_unfinished: the caller has "
            + "max-unfinished-per-user imports queued or running (Retry-After)")
    public Response upload(@QueryParam("instrument") String instrument, @QueryParam("timeframe") String timeframe,
                           @QueryParam("format") String format, @QueryParam("dataset") String dataset,
                           @RestForm("file") FileUpload file, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Validation<Violation, FileUpload> upload = file == null || file.uploadedFile() == null
                ? Validation.invalid(new Violation("file", "a multipart part named 'file' is required"))
                : Text.plain("file", file.fileName()).map(name -> file);
        return Validation.combine(RestParams.instrument(instrument), RestParams.timeframe(timeframe),
                        Validation.fromEither(ImportFormat.parse(format).mapLeft(r -> new Violation("format", r))),
                        RestParams.dataset(dataset), upload)
                .ap((i, t, f, d, u) -> Tuple.of(i, t, f, d, u))
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(q -> RestParams.mayWrite(q._4, security).map(allowed -> q))
                .flatMap(q -> start.start(new StartCandleImportCommand(caller, q._1, q._2, q._4, q._3,
                        spool.take(q._5.uploadedFile()), q._5.fileName())))
                .fold(Problems::response, ImportResource::accepted);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get an import job",
            description = "One of the caller's import jobs: status (queued, validating, importing, "
                    + "completed, failed), counts and, when it failed, the reasons with line "
                    + "numbers.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.import.not_found: no such import of the caller (also a "
            + "malformed id)")
    public Response job(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        // a malformed id cannot name anyone's job: not found, like another user's
        return ImportJobId.parse(id).toEither(() -> MarketDataErrors.importNotFound(
                        new ImportJobId(new UUID(0, 0))))
                .flatMap(jobId -> get.get(caller, jobId))
                .fold(Problems::response, job -> Response.ok(ImportJobResponse.of(job)).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List import jobs",
            description = "The caller's import jobs, newest first, paged.")
    @APIResponse(responseCode = "200", description = "One page of jobs",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = ImportJobResponse.class))))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: offset or limit is not a whole number in range")
    public Response jobs(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        return RestInputs.page(offset, limit).toEither()
                .mapLeft(v -> MarketDataErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(list.list(caller, page),
                        ImportJobResponse::of)).build());
    }

    static Response accepted(ImportJob job) {
        return Response.accepted(ImportJobResponse.of(job))
                .location(URI.create("/api/marketdata/imports/" + job.id())).build();
    }
}
