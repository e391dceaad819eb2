package io.cryptobot.backtest.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.backtest.application.port.in.BacktestResultsQuery;
import io.cryptobot.backtest.application.port.in.ControlBacktestUseCase;
import io.cryptobot.backtest.application.port.in.GetBacktestQuery;
import io.cryptobot.backtest.application.port.in.StartBacktestUseCase;
import io.cryptobot.backtest.application.port.in.TradeView;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
import io.cryptobot.kernel.adapter.in.rest.Decimals;
import io.cryptobot.kernel.adapter.in.rest.PageResponse;
import io.cryptobot.kernel.adapter.in.rest.PollingStream;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.portfolio.domain.metrics.DrawdownSeries;
import io.cryptobot.portfolio.domain.metrics.EquitySeries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Backtest runs: start (202), status with progress and ETA, a server-sent-event progress stream, cancel, resume,
 * and the results of a completed run (report, trades, orders, fills, equity; trades and equity also as CSV).
 * Every run belongs to its owner; another user's run answers 404 exactly like a missing one.
 */
@Path("/api/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {
    static final int DEFAULT_POINTS = 2_000;
    static final int MAX_POINTS = 100_000;
    private final StartBacktestUseCase start;
    private final GetBacktestQuery get;
    private final ControlBacktestUseCase control;
    private final BacktestResultsQuery results;
    private final Clock clock;

    BacktestResource(StartBacktestUseCase start, GetBacktestQuery get, ControlBacktestUseCase control,
                     BacktestResultsQuery results, Clock clock) {
        this.start = start;
        this.get = get;
        this.control = control;
        this.results = results;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Start a backtest",
            description = "Runs a strategy over stored candles of one or more instruments between "
                    + "from and to, with the fill model (fees, slippage, volume share), risk "
                    + "limits and sizing, on a background worker. Poll GET /api/backtests/{id} "
                    + "or follow /events. The workers are shared by every user and taken round robin "
                    + "between users, so another user's queue never holds a run back for long.")
    @APIResponse(responseCode = "202", description = "The run, queued (Location: /api/backtests/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestResponse.class)))
    @APIResponse(responseCode = "400", description = "backtest.invalid_input: unknown strategy or parameter, bad instrument, "
            + "timeframe, range, amount or fee; errors[] names each; "
            + "backtest.no_candles: no stored candles in the range")
    @APIResponse(responseCode = "429", description = "backtest.too_many_unfinished: the caller already has as many runs "
            + "queued, running or storing as allowed; the problem names limit backtests-active-per-user and its max "
            + "(default 10, cryptobot.limits.backtests-active-per-user); Retry-After: 5")
    public Response start(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"strategy\":\"sma_crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"},\"instruments\":[\"BINANCE:BTC/USDT\"],\"timeframe\":\"1m\",\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2024-01-08T00:00:00Z\",\"startingCash\":\"10000\",\"takerFee\":\"0.001\",\"slippageBps\":\"2\"}"))) BacktestRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(BacktestErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return start.start(caller(security), request.raw())
                .fold(Problems::response, run -> accepted(run, "/api/backtests/" + run.id()));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "List backtests",
            description = "The caller's runs, newest first, paged.")
    @APIResponse(responseCode = "200", description = "One page of runs",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = BacktestResponse.class))))
    @APIResponse(responseCode = "400", description = "backtest.invalid_input: offset or limit is not a whole number in range")
    public Response list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Context SecurityContext security) {
        UserId caller = caller(security);
        Instant now = clock.now();
        return page(offset, limit).fold(Problems::response, page -> Response.ok(
                PageResponse.of(get.list(caller, page), run -> BacktestResponse.of(run, now))).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get a backtest",
            description = "One of the caller's runs: its configuration, status, progress and, once "
                    + "completed, a summary.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestResponse.class)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    public Response run(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> get.get(caller, runId)).fold(Problems::response, this::ok);
    }

    /**
     * Progress as server-sent events: the run (same shape as {@code GET /api/backtests/{id}}) twice a second until
     * it has finished; the last event carries the final status.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Follow a backtest",
            description = "Server-sent events: the run's state as it progresses, one JSON run per "
                    + "event, until it is finished.")
    @APIResponse(responseCode = "200", description = "The progress stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = BacktestResponse.class)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    public Multi<BacktestResponse> events(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, BacktestRun> first = id(id).flatMap(runId -> get.get(caller, runId));
        if (first.isLeft()) {
            throw new WebApplicationException(Problems.response(first.getLeft()));
        }
        BacktestId runId = first.get().id();
        return PollingStream.until(Duration.ofMillis(500),
                        () -> get.get(caller, runId).getOrElseThrow(e -> new IllegalStateException(e.detail())),
                        run -> run.status().isFinished())
                .map(run -> BacktestResponse.of(run, clock.now()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Cancel a backtest",
            description = "Stops a queued or running run; it ends as canceled.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestResponse.class)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.not_cancellable: the run is already finished; backtest.storing: it is storing its "
            + "results and completes shortly; backtest.busy: it changed meanwhile, retry")
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> control.cancel(caller, runId)).fold(Problems::response, this::ok);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Resume a backtest",
            description = "Runs a failed, canceled or interrupted run again from the start, on a "
                    + "background worker.")
    @APIResponse(responseCode = "202", description = "The run, queued again (Location: /api/backtests/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestResponse.class)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.not_resumable: the run is queued, running or completed; "
            + "backtest.busy: it changed meanwhile, retry")
    @APIResponse(responseCode = "429", description = "backtest.too_many_unfinished: the caller already has as many runs "
            + "queued, running or storing as allowed; the problem names limit backtests-active-per-user and its max "
            + "(default 10, cryptobot.limits.backtests-active-per-user); Retry-After: 5")
    public Response resume(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> control.resume(caller, runId))
                .fold(Problems::response, run -> accepted(run, "/api/backtests/" + run.id()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Delete a backtest",
            description = "Deletes a finished run and its results.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.not_finished: the run is queued, running or storing; cancel it first")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> control.delete(caller, runId))
                .fold(Problems::response, run -> Response.noContent().build());
    }

    @GET
    @Path("{id}/report")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's report",
            description = "The results of a completed run: final equity, fees, trade statistics and "
                    + "metrics (Sharpe, Sortino, Calmar, max drawdown, VaR, CVaR).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response report(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> results.report(caller, runId))
                .fold(Problems::response, report -> Response.ok(ReportResponse.of(report)).build());
    }

    @GET
    @Path("{id}/trades")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's trades",
            description = "The closed round trips of a completed run, in order, paged.")
    @APIResponse(responseCode = "200", description = "One page of trades",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = BacktestTradeResponse.class))))
    @APIResponse(responseCode = "400", description = "backtest.invalid_input: offset or limit is not a whole number in range")
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response trades(@PathParam("id") String id, @QueryParam("offset") String offset,
                           @QueryParam("limit") String limit, @Context SecurityContext security) {
        return paged(id, offset, limit, security, results::trades, BacktestTradeResponse::of);
    }

    @GET
    @Path("{id}/trades.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's trades as CSV",
            description = "The same trades as a CSV file, one row per trade with a header row, "
                    + "streamed.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "trades", value = """
                            seq,instrument,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,fees,\
                            net_pnl,duration_seconds
                            1,BINANCE:BTC/USDT,2024-01-01T00:46:00Z,2024-01-01T01:20:00Z,0.01195,41778.34,41936.44,\
                            1.889295,1.0003917,0.8889033,2040
                            """)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response tradesCsv(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        java.util.List<TradeView> trades = new ArrayList<>();
        return id(id).flatMap(runId -> results.allTrades(caller, runId, trades::add))
                .fold(Problems::response, count -> csv("trades-" + id + ".csv", out -> {
                    out.write("seq,instrument,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,fees,"
                            + "net_pnl,duration_seconds\n");
                    for (TradeView t : trades) {
                        out.write(t.seq() + "," + t.instrument() + "," + Instant.ofEpochMilli(t.entryTime()) + ","
                                + Instant.ofEpochMilli(t.exitTime()) + "," + plain(t.quantity()) + ","
                                + plain(t.entryPrice()) + "," + plain(t.exitPrice()) + "," + plain(t.grossPnl()) + ","
                                + plain(t.fees()) + "," + plain(t.netPnl()) + "," + t.durationSeconds() + "\n");
                    }
                }));
    }

    @GET
    @Path("{id}/orders")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's orders",
            description = "Every order the run placed, in order, paged.")
    @APIResponse(responseCode = "200", description = "One page of orders",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = BacktestOrderResponse.class))))
    @APIResponse(responseCode = "400", description = "backtest.invalid_input: offset or limit is not a whole number in range")
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response orders(@PathParam("id") String id, @QueryParam("offset") String offset,
                           @QueryParam("limit") String limit, @Context SecurityContext security) {
        return paged(id, offset, limit, security, results::orders, BacktestOrderResponse::of);
    }

    @GET
    @Path("{id}/fills")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's fills",
            description = "Every fill of the run, in order, paged.")
    @APIResponse(responseCode = "200", description = "One page of fills",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                            implementation = BacktestFillResponse.class))))
    @APIResponse(responseCode = "400", description = "backtest.invalid_input: offset or limit is not a whole number in range")
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response fills(@PathParam("id") String id, @QueryParam("offset") String offset,
                          @QueryParam("limit") String limit, @Context SecurityContext security) {
        return paged(id, offset, limit, security, results::fills, BacktestFillResponse::of);
    }

    @GET
    @Path("{id}/equity")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's equity curve",
            description = "Equity and drawdown over time, thinned to at most points samples "
                    + "(3..max, default given by the server).")
    @APIResponse(responseCode = "200", description = "The curve",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EquityResponse.class)))
    @APIResponse(responseCode = "400", description = "backtest.invalid_input: points is not a whole number in range")
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response equity(@PathParam("id") String id, @QueryParam("points") String points,
                           @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, Integer> maxPoints = RestInputs.integer("points", points, DEFAULT_POINTS, 3, MAX_POINTS)
                .toEither().mapLeft(v -> BacktestErrors.invalid(List.of(v)));
        return id(id).flatMap(runId -> maxPoints.flatMap(max -> equityOf(caller, runId)
                        .map(curve -> EquityResponse.of(curve.series(), curve.initial(), max))))
                .fold(Problems::response, body -> Response.ok(body).build());
    }

    @GET
    @Path("{id}/equity.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "A backtest's equity curve as CSV",
            description = "Every equity sample of the run as a CSV file with a header row, "
                    + "streamed: time (ISO-8601), equity and drawdown (decimals, as in the JSON curve), "
                    + "exposed (1 while a position is open, else 0).")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "equity", value = """
                            time,equity,drawdown,exposed
                            2024-01-01T00:46:00Z,9999.5007488,0.00004992512,1
                            2024-01-01T00:47:00Z,10001.2433,0,1
                            """)))
    @APIResponse(responseCode = "404", description = "backtest.not_found: no such run of the caller (also a malformed id)")
    @APIResponse(responseCode = "409", description = "backtest.no_results: the run has not completed (results exist once it has)")
    public Response equityCsv(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> equityOf(caller, runId))
                .fold(Problems::response, curve -> csv("equity-" + id + ".csv", out -> {
                    EquitySeries series = curve.series();
                    double[] drawdown = DrawdownSeries.fromPeak(curve.initial(), series);
                    out.write("time,equity,drawdown,exposed\n");
                    StringBuilder line = new StringBuilder(64);
                    for (int i = 0; i < series.size(); i++) {
                        line.setLength(0);
                        line.append(Instant.ofEpochMilli(series.time(i))).append(',')
                                .append(Decimals.approx(series.equity(i))).append(',')
                                .append(Decimals.approx(drawdown[i])).append(',').append(series.exposed(i) ? 1 : 0)
                                .append('\n');
                        out.append(line);
                    }
                }));
    }

    private record Curve(EquitySeries series, double initial) {
    }

    private Either<DomainError, Curve> equityOf(UserId caller, BacktestId id) {
        return get.get(caller, id).flatMap(run -> results.equity(caller, id)
                .map(series -> new Curve(series, run.config().startingCash().toBigDecimal().doubleValue())));
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface PageQuery<T> {
        Either<DomainError, Page<T>> page(UserId caller, BacktestId id, PageRequest page);
    }

    private static <T, R> Response paged(String id, String offset, String limit, SecurityContext security,
                                         PageQuery<T> query, java.util.function.Function<T, R> response) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> page(offset, limit).flatMap(page -> query.page(caller, runId, page)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(page, response)).build());
    }

    private Response ok(BacktestRun run) {
        return Response.ok(BacktestResponse.of(run, clock.now())).build();
    }

    private Response accepted(BacktestRun run, String location) {
        return Response.accepted(BacktestResponse.of(run, clock.now())).location(URI.create(location)).build();
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    /** A malformed id cannot name anyone's run: not found, like another user's. */
    private static Either<DomainError, BacktestId> id(String text) {
        return BacktestId.parse(text).toEither(() -> BacktestErrors.notFound(new BacktestId(new UUID(0, 0))));
    }

    private static Either<DomainError, PageRequest> page(String offset, String limit) {
        return RestInputs.page(offset, limit).toEither().mapLeft(v -> BacktestErrors.invalid(List.of(v)));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @FunctionalInterface
    private interface CsvBody {
        void write(Writer out) throws java.io.IOException;
    }

    private static Response csv(String filename, CsvBody body) {
        StreamingOutput stream = output -> {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return Response.ok(stream, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
