package io.cryptobot.marketdata.adapter.in.rest;

import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.domain.UserId;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LatestPrice;
import io.cryptobot.marketdata.application.port.in.LatestPriceQuery;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.cryptobot.marketdata.application.port.in.LiveCandleRequest;
import io.cryptobot.marketdata.application.port.in.LiveCandleSubscriber;
import io.cryptobot.marketdata.application.port.in.LiveSubscription;
import io.cryptobot.marketdata.application.port.in.SubscribeLiveCandlesUseCase;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live candles as server-sent events: each client is one subscriber of the instance's shared live feed of the
 * instrument and timeframe (one stream on the venue however many watch), and leaves it when it disconnects.
 */
@Path("/api/marketdata/candles/stream")
public class LiveCandleResource {
    /** Events a client may fall behind by before it is dropped (it reconnects and reads history to catch up). */
    static final int BUFFER = 10_000;
    private final SubscribeLiveCandlesUseCase live;
    private final LatestPriceQuery prices;

    LiveCandleResource(SubscribeLiveCandlesUseCase live, LatestPriceQuery prices) {
        this.live = live;
        this.prices = prices;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Stream live candles",
            description = "Server-sent events of an instrument's live feed, from now until the client "
                    + "disconnects. Each event's data is one JSON event: first kind \"price\" (the "
                    + "latest stored candle and its close, when there is one), then kind \"candle\" "
                    + "for every closed candle (with its close as price, late, source live or "
                    + "backfill, delaySeconds from its close as a decimal string to the millisecond, "
                    + "e.g. \"0.212\") and kind \"status\" when the feed connects, "
                    + "disconnects, goes stale (no closed candle for two intervals) or is fresh again. "
                    + "Candles arrive once each, in order: those missed around a reconnection to the "
                    + "venue are fetched and sent (late, source backfill) before any later one. The "
                    + "feed is shared: one venue stream per instrument and timeframe for all clients "
                    + "and bots. A client that falls 10,000 events behind is dropped.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = "text/event-stream",
                    schema = @Schema(implementation = LiveEventResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: instrument or timeframe missing or "
            + "malformed, or a timeframe the venue does not stream; errors[] names each")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    @APIResponse(responseCode = "422", description = "marketdata.live.venue_unavailable: the instrument's venue has "
            + "no live market data on this instance (not configured or disabled)")
    public Multi<LiveEventResponse> stream(
            @Parameter(description = "VENUE:BASE/QUOTE, e.g. SIM:BTC/USDT") @QueryParam("instrument") String instrument,
            @Parameter(description = "1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d (as the venue streams them)")
            @QueryParam("timeframe") String timeframe, @Context SecurityContext security) {
        Validation<io.vavr.collection.Seq<DomainError.Violation>, LiveCandleRequest> request = Validation.combine(
                        RestParams.instrument(instrument == null ? "" : instrument), RestParams.timeframe(timeframe))
                .ap(LiveCandleRequest::fromNow);
        if (request.isInvalid()) {
            throw new WebApplicationException(Problems.response(MarketDataErrors.invalid(request.getError())));
        }
        InstrumentId id = request.get().instrument();
        Timeframe tf = request.get().timeframe();
        Forwarder forwarder = new Forwarder();
        prices.latest(new UserId(RestInputs.caller(security)), id, tf).map(LatestPrice::candle)
                .forEach(latest -> forwarder.add(LiveEventResponse.price(id, tf, latest)));
        Either<DomainError, LiveSubscription> subscription = live.subscribe(request.get(), forwarder);
        if (subscription.isLeft()) {
            throw new WebApplicationException(Problems.response(subscription.getLeft()));
        }
        return Multi.createFrom().<LiveEventResponse>emitter(emitter -> {
            emitter.onTermination(subscription.get()::close);
            forwarder.attach(emitter);
        }, BUFFER);
    }

    /** Holds the first events until the client's stream is attached, then forwards each as it comes. */
    private static final class Forwarder implements LiveCandleSubscriber {
        private final List<LiveEventResponse> early = new ArrayList<>();
        private MultiEmitter<? super LiveEventResponse> emitter;

        @Override
        public void onCandle(LiveCandle candle) {
            add(LiveEventResponse.candle(candle));
        }

        @Override
        public void onStatus(FeedStatus status) {
            add(LiveEventResponse.status(status));
        }

        synchronized void add(LiveEventResponse event) {
            if (emitter == null) {
                if (early.size() < BUFFER) {
                    early.add(event);
                }
            } else {
                emitter.emit(event);
            }
        }

        synchronized void attach(MultiEmitter<? super LiveEventResponse> attached) {
            early.forEach(attached::emit);
            early.clear();
            emitter = attached;
        }
    }
}
