package io.cryptobot.marketdata.adapter.in.rest;

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
    public Response start(ReplayRequest request, @Context SecurityContext security) {
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
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        return id(id).flatMap(replayId -> replays.get(caller, replayId))
                .fold(Problems::response, replay -> Response.ok(ReplayResponse.of(replay)).build());
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
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
    public Multi<CandleResponse> candles(@PathParam("id") String id, @Context SecurityContext security) {
        UserId caller = caller(security);
        Either<DomainError, Multi<io.cryptobot.kernel.domain.Candle>> stream =
                id(id).flatMap(replayId -> replays.candles(caller, replayId));
        if (stream.isLeft()) {
            throw new WebApplicationException(Problems.response(stream.getLeft()));
        }
        return stream.get().map(CandleResponse::of);
    }

    private static UserId caller(SecurityContext security) {
        return new UserId(RestInputs.caller(security));
    }

    private static Either<DomainError, UUID> id(String text) {
        return Try.of(() -> UUID.fromString(text)).toEither()
                .mapLeft(e -> new DomainError.NotFound("marketdata.replay.not_found", "no replay " + text));
    }
}
