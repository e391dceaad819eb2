package io.cryptobot.backtest.adapter.in.rest;

import io.cryptobot.backtest.application.port.in.BacktestResultsQuery;
import io.cryptobot.backtest.application.port.in.ControlBacktestUseCase;
import io.cryptobot.backtest.application.port.in.GetBacktestQuery;
import io.cryptobot.backtest.application.port.in.StartBacktestUseCase;
import io.cryptobot.backtest.application.port.in.TradeView;
import io.cryptobot.backtest.domain.BacktestErrors;
import io.cryptobot.backtest.domain.BacktestId;
import io.cryptobot.backtest.domain.BacktestRun;
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
    public Response start(BacktestRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(BacktestErrors.invalid(List.of(new Violation("body", "a JSON body is required"))));
        }
        return start.start(caller(security), request.raw())
                .fold(Problems::response, run -> accepted(run, "/api/backtests/" + run.id()));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
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
    public Response cancel(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> control.cancel(caller, runId)).fold(Problems::response, this::ok);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response resume(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> control.resume(caller, runId))
                .fold(Problems::response, run -> accepted(run, "/api/backtests/" + run.id()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> control.delete(caller, runId))
                .fold(Problems::response, run -> Response.noContent().build());
    }

    @GET
    @Path("{id}/report")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response report(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> results.report(caller, runId))
                .fold(Problems::response, report -> Response.ok(ReportResponse.of(report)).build());
    }

    @GET
    @Path("{id}/trades")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response trades(@PathParam("id") String id, @QueryParam("offset") String offset,
                           @QueryParam("limit") String limit, @Context SecurityContext security) {
        return paged(id, offset, limit, security, results::trades);
    }

    @GET
    @Path("{id}/trades.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
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
    public Response orders(@PathParam("id") String id, @QueryParam("offset") String offset,
                           @QueryParam("limit") String limit, @Context SecurityContext security) {
        return paged(id, offset, limit, security, results::orders);
    }

    @GET
    @Path("{id}/fills")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    public Response fills(@PathParam("id") String id, @QueryParam("offset") String offset,
                          @QueryParam("limit") String limit, @Context SecurityContext security) {
        return paged(id, offset, limit, security, results::fills);
    }

    @GET
    @Path("{id}/equity")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
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
                        line.append(Instant.ofEpochMilli(series.time(i))).append(',').append(series.equity(i))
                                .append(',').append(drawdown[i]).append(',').append(series.exposed(i) ? 1 : 0)
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

    private static <T> Response paged(String id, String offset, String limit, SecurityContext security,
                                      PageQuery<T> query) {
        UserId caller = caller(security);
        return id(id).flatMap(runId -> page(offset, limit).flatMap(page -> query.page(caller, runId, page)))
                .fold(Problems::response, page -> Response.ok(PageResponse.of(page, item -> item)).build());
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
