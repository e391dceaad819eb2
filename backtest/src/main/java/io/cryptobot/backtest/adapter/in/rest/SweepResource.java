package io.cryptobot.backtest.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.backtest.application.port.in.ControlSweepUseCase;
import io.cryptobot.backtest.application.port.in.GetSweepQuery;
import io.cryptobot.backtest.application.port.in.StartSweepUseCase;
import io.cryptobot.backtest.domain.sweep.SweepErrors;
import io.cryptobot.backtest.domain.sweep.SweepId;
import io.cryptobot.backtest.domain.sweep.SweepRun;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import io.cryptobot.kernel.adapter.in.rest.PollingStream;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestStreamElementType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Parameter sweeps (grid, random, walk-forward): start (202), list, status with progress and ETA, cancel, and a
 * completed sweep's results. The literal {@code sweeps} segment outranks {@link BacktestResource}'s {@code {id}}.
 * Every sweep belongs to its owner; another user's sweep answers 404 exactly like a missing one.
 */
@Path("/api/backtests/sweeps")
@Produces(MediaType.APPLICATION_JSON)
public class SweepResource {
    private final StartSweepUseCase start;
    private final GetSweepQuery get;
    private final ControlSweepUseCase control;
    private final Clock clock;

    SweepResource(StartSweepUseCase start, GetSweepQuery get, ControlSweepUseCase control, Clock clock) {
        this.start = start;
        this.get = get;
        this.control = control;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Start a parameter sweep",
            description = "Runs one backtest configuration over many parameter points (grid, random "
                    + "or walk-forward) on every core, over one shared copy of the candles, and "
                    + "ranks the points by the objective. Sweeps and backtests share the workers, taken "
                    + "round robin between users; a user may have 2 sweeps queued or running and 2,000 "
                    + "backtests in one sweep (defaults, see the 413 and 429 answers).")
    @APIResponse(responseCode = "202", description = "The sweep, queued (Location: /api/backtests/sweeps/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SweepResponse.class)))
    @APIResponse(responseCode = "400", description = "sweep.invalid_input: unknown kind or objective, bad space or backtest "
            + "settings; errors[] names each; backtest.no_candles: no stored candles in "
            + "the range")
    @APIResponse(responseCode = "413", description = "sweep.too_many_points: the sweep would run more backtests "
            + "(pointsTotal: its points, for walk-forward windows × (points + 1)) than one sweep may; the problem "
            + "names limit points-per-sweep and its max (default 2,000, cryptobot.limits.points-per-sweep)")
    @APIResponse(responseCode = "429", description = "sweep.too_many_active: the caller already has as many sweeps "
            + "queued or running as allowed; the problem names limit sweeps-active-per-user and its max (default 2, "
            + "cryptobot.limits.sweeps-active-per-user); Retry-After: 5")
    public Response start(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = SweepRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"kind\":\"grid\",\"backtest\":{\"strategy\":\"sma_crossover\",\"instruments\":[\"BINANCE:BTC/USDT\"],\"timeframe\":\"1m\",\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2024-01-08T00:00:00Z\"},\"space\":{\"fast\":{\"values\":[\"5\",\"10\"]},\"slow\":{\"min\":\"20\",\"max\":\"60\",\"step\":\"20\"}},\"objective\":\"sharpe\"}"))) SweepRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(SweepErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return start.start(caller(security), request.raw()).fold(Problems::response,
                run -> Response.accepted(SweepResponse.of(run, clock.now()))
                        .location(URI.create("/api/backtests/sweeps/" + run.id())).build());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List sweeps",
            description = "The caller's sweeps, newest first, paged.")
    @APIResponse(responseCode = "200", description = "One page of sweeps",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = SweepResponse.class))))
    @APIResponse(responseCode = "400", description = "sweep.invalid_input: offset or limit is not a whole number in range")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        Instant now = clock.now();
        return RestInputs.page(offset, limit).toEither().<DomainError>mapLeft(v -> SweepErrors.invalid(List.of(v)))
                .fold(Problems::response, page -> Response.ok(
                        PageResponse.of(get.list(caller, page), run -> SweepResponse.of(run, now))).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get a sweep",
            description = "One of the caller's sweeps: configuration, status and progress (points "
                    + "done of total).")
    @APIResponse(responseCode = "200", description = "The sweep",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SweepResponse.class)))
    @APIResponse(responseCode = "404", description = "sweep.not_found: no such sweep of the caller (also a malformed id)")
    public Response sweep(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(sweepId -> get.get(caller, sweepId)).fold(Problems::response, this::ok);
    }

    /** Progress as server-sent events: the sweep (as {@code GET .../{id}}) twice a second until it has finished. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Follow a sweep",
            description = "Server-sent events: the sweep's state as it progresses, until it is "
                    + "finished.")
    @APIResponse(responseCode = "200", description = "The progress stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = SweepResponse.class)))
    @APIResponse(responseCode = "404", description = "sweep.not_found: no such sweep of the caller (also a malformed id)")
    public Multi<SweepResponse> events(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        var first = id(id).flatMap(sweepId -> get.get(caller, sweepId));
        if (first.isLeft()) {
            throw new WebApplicationException(Problems.response(first.getLeft()));
        }
        var sweepId = first.get().id();
        return PollingStream.until(Duration.ofMillis(500),
                        () -> get.get(caller, sweepId).getOrElseThrow(e -> new IllegalStateException(e.detail())),
                        run -> run.status().isFinished())
                .map(run -> SweepResponse.of(run, clock.now()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Cancel a sweep",
            description = "Stops a queued or running sweep.")
    @APIResponse(responseCode = "200", description = "The sweep",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SweepResponse.class)))
    @APIResponse(responseCode = "404", description = "sweep.not_found: no such sweep of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "sweep.not_cancellable: the sweep is already finished; sweep.busy: it "
            + "changed meanwhile, retry")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(sweepId -> control.cancel(caller, sweepId)).fold(Problems::response, this::ok);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Resume a sweep",
            description = "Runs a failed, canceled or interrupted sweep again.")
    @APIResponse(responseCode = "202", description = "The sweep, queued again (Location: /api/backtests/sweeps/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SweepResponse.class)))
    @APIResponse(responseCode = "404", description = "sweep.not_found: no such sweep of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "sweep.not_resumable: the sweep is queued, running or completed; "
            + "sweep.busy: it changed meanwhile, retry")
    @APIResponse(responseCode = "429", description = "sweep.too_many_active: the caller already has as many sweeps "
            + "queued or running as allowed; the problem names limit sweeps-active-per-user and its max (default 2, "
            + "cryptobot.limits.sweeps-active-per-user); Retry-After: 5")
    public Response resume(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(sweepId -> control.resume(caller, sweepId)).fold(Problems::response,
                run -> Response.accepted(SweepResponse.of(run, clock.now()))
                        .location(URI.create("/api/backtests/sweeps/" + run.id())).build());
    }

    @GET
    @Path("{id}/results")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A sweep's ranked results",
            description = "The points ranked by the objective with their metrics; for walk-forward, "
                    + "the out-of-sample results apart.")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SweepResultsResponse.class)))
    @APIResponse(responseCode = "404", description = "sweep.not_found: no such sweep of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "sweep.no_results: the sweep has not completed")
    public Response results(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(sweepId -> get.get(caller, sweepId).flatMap(run -> get.results(caller, sweepId)
                        .map(result -> SweepResultsResponse.of(result, run.spec().objective()))))
                .fold(Problems::response, body -> Response.ok(body).build());
    }

    private Response ok(SweepRun run) {
        return Response.ok(SweepResponse.of(run, clock.now())).build();
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    /** A malformed id cannot name anyone's sweep: not found, like another user's. */
    private static Either<DomainError, SweepId> id(String text) {
        return SweepId.parse(text).toEither(() -> SweepErrors.notFound(new SweepId(new UUID(0, 0))));
    }
}
