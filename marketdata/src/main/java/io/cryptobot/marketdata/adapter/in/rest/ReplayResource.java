package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.ReplayFeedUseCase;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.Replay;
import io.smallrye.mutiny.Multi;
import io.vavr.control.Either;
import io.vavr.control.Try;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Replay feeds: stored candles played as closed candles at a chosen speed, watched as server-sent events. The
 * feed port behind them is what paper trading reads when it runs offline.
 */
@Path("/api/marketdata/replays")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {
    private final ReplayFeedUseCase replays;

    ReplayResource(ReplayFeedUseCase replays) {
        this.replays = replays;
    }

    public record ReplayRequest(String instrument, String timeframe, String from, String to, String speed) {
    }

    public record ReplayResponse(String id, String instrument, String timeframe, Instant from, Instant to, long speed,
                                 String status, long emitted, Instant next, Instant startedAt) {
        static ReplayResponse of(Replay replay) {
            return new ReplayResponse(replay.id().toString(), replay.instrument().toString(),
                    replay.timeframe().code(), Instant.ofEpochMilli(replay.from()), Instant.ofEpochMilli(replay.to()),
                    replay.speed(), replay.status().name().toLowerCase(Locale.ROOT), replay.emitted(),
                    Instant.ofEpochMilli(replay.nextOpenTime()), replay.startedAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Start a candle replay",
            description = "Plays stored candles of an instrument between from and to at a speed "
                    + "multiple of real time, as a live feed (read it from GET "
                    + "/api/marketdata/replays/{id}/candles).")
    @APIResponse(responseCode = "201", description = "The replay (Location: /api/marketdata/replays/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: instrument, timeframe, from, to or speed "
            + "missing or malformed; errors[] names each")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    @APIResponse(responseCode = "429", description = "marketdata.replay.too_many: the caller already has as many replays "
            + "running as allowed (their bots' feeds are not counted); the problem names limit replays-running-per-user "
            + "and its max (default 20, cryptobot.limits.replays-running-per-user); Retry-After: 5")
    public Response start(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"instrument\":\"BINANCE:BTC/USDT\",\"timeframe\":\"1m\",\"from\":\"2024-01-01T00:00:00Z\",\"to\":\"2024-01-02T00:00:00Z\",\"speed\":\"600\"}"))) ReplayRequest request, @Context SecurityContext security) {
        ReplayRequest body = request == null ? new ReplayRequest(null, null, null, null, null) : request;
        UserId caller = caller(security);
        Validation<Violation, Long> speed = RestInputs.integer("speed", body.speed(), 60, 1, Integer.MAX_VALUE)
                .map(Integer::longValue);
        return Validation.combine(RestParams.instrument(body.instrument() == null ? "" : body.instrument()),
                        RestParams.timeframe(body.timeframe()), RestParams.time("from", body.from()),
                        RestParams.time("to", body.to()), speed)
                .ap((instrument, timeframe, from, to, s) -> replays.start(caller, instrument, timeframe, from, to, s))
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(started -> started)
                .fold(Problems::response, replay -> Response.created(URI.create("/api/marketdata/replays/" + replay.id()))
                        .entity(ReplayResponse.of(replay)).build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Get a replay",
            description = "One of the caller's replays: instrument, range, speed and status.")
    @APIResponse(responseCode = "200", description = "The replay",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.replay.not_found: no such replay of the caller (also a "
            + "malformed id)")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(replayId -> replays.get(caller, replayId))
                .fold(Problems::response, replay -> Response.ok(ReplayResponse.of(replay)).build());
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Stop a replay",
            description = "Stops one of the caller's replays; its streams end.")
    @APIResponse(responseCode = "200", description = "The replay, stopped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReplayResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.replay.not_found: no such replay of the caller (also a "
            + "malformed id)")
    public Response stop(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(replayId -> replays.stop(caller, replayId))
                .fold(Problems::response, replay -> Response.ok(ReplayResponse.of(replay)).build());
    }

    /** The candles as they are played, one event each, until the replay ends. */
    @GET
    @Path("{id}/candles")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Stream a replay's candles",
            description = "Server-sent events: the candles as the replay plays them, one JSON "
                    + "candle per event, until it ends. A client that falls more than 100,000 candles behind a fast "
                    + "replay is disconnected (the replay goes on).")
    @APIResponse(responseCode = "200", description = "The candle stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = CandleResponse.class)))
    @APIResponse(responseCode = "404", description = "marketdata.replay.not_found: no such replay of the caller (also a "
            + "malformed id)")
    public Multi<CandleResponse> candles(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, Multi<io.cryptobot.kernel.domain.Candle>> stream =
                id(id).flatMap(replayId -> replays.candles(caller, replayId));
        if (stream.isLeft()) {
            throw new WebApplicationException(Problems.response(stream.getLeft()));
        }
        // a client reading slower than a fast replay plays gets up to CLIENT_BUFFER candles held for it, then the
        // stream ends (the replay itself goes on for its bot)
        return stream.get().onOverflow().buffer(CLIENT_BUFFER).map(CandleResponse::of);
    }

    static final int CLIENT_BUFFER = 100_000;

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    private static Either<DomainError, UUID> id(String text) {
        return Try.of(() -> UUID.fromString(text)).toEither()
                .mapLeft(e -> new DomainError.NotFound("marketdata.replay.not_found", "no replay " + text));
    }
}
