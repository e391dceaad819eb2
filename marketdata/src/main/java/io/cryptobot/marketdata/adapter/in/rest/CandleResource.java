package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.FindCandleGapsQuery;
import io.cryptobot.marketdata.application.port.in.LatestPriceQuery;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.ResampleCandlesQuery;
import io.cryptobot.marketdata.domain.CandleBatch;
import io.cryptobot.marketdata.domain.Gap;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.cryptobot.marketdata.domain.TimeRange;
import io.vavr.Tuple;
import io.vavr.Tuple3;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Candle reads for one instrument. Ranges are half-open [from, to), times as ISO-8601 (epoch ms accepted too);
 * pages hold up to 10,000 candles and carry {@code next}, the {@code from} of the following page: a time range is
 * paged by time, not by offset, so a read deep into millions of candles costs no more than the first page.
 * Every read answers what the caller sees: the caller's own private candles laid over the shared data, never
 * another user's.
 */
@Path("/api/marketdata/candles/{venue}/{base}/{quote}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.TRADER, Roles.ADMIN})
public class CandleResource {
    static final int MAX_PAGE = 10_000;
    static final int DEFAULT_PAGE = 1_000;
    private final LoadCandlesQuery candles;
    private final LatestPriceQuery latest;
    private final FindCandleGapsQuery gaps;
    private final ResampleCandlesQuery resample;

    CandleResource(LoadCandlesQuery candles, LatestPriceQuery latest, FindCandleGapsQuery gaps,
                   ResampleCandlesQuery resample) {
        this.candles = candles;
        this.latest = latest;
        this.gaps = gaps;
        this.resample = resample;
    }

    @GET
    @Operation(summary = "Read candles",
            description = "Stored candles of one instrument and timeframe, oldest first, from a "
                    + "time on (inclusive) to a time (exclusive), at most limit (1..10000, default "
                    + "1000) a page; a page is continued from its next (null after the last one). Times "
                    + "are ISO-8601 instants (epoch milliseconds are accepted too). The candles are the caller's view: the caller's own private "
                    + "candles (uploads, synthetic series) laid over the shared data, the caller's "
                    + "winning at an open time both have; other users' private candles never appear.")
    @APIResponse(responseCode = "200", description = "The candles",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CandlesResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: timeframe, from or limit missing or malformed; "
            + "errors[] names each")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    public Response candles(@PathParam("venue") String venue, @PathParam("base") String base,
                            @PathParam("quote") String quote, @QueryParam("timeframe") String timeframe,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("limit") String limit, @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Validation<Seq<Violation>, Query> query = Validation.combine(RestParams.instrument(venue, base, quote),
                        RestParams.timeframe(timeframe), range(from, to),
                        RestInputs.integer("limit", limit, DEFAULT_PAGE, 1, MAX_PAGE))
                .ap(Query::new);
        return query.toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(q -> candles.load(caller, q.instrument, q.timeframe, q.range, q.limit).map(series -> {
                    CandleBatch batch = series.candles();
                    List<CandleResponse> items = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        items.add(CandleResponse.of(batch, i));
                    }
                    return new CandlesResponse(q.instrument.toString(), q.timeframe.code(),
                            Instant.ofEpochMilli(q.range.from()), Instant.ofEpochMilli(q.range.to()), items.size(),
                            items, series.next().map(Instant::ofEpochMilli).getOrNull());
                }))
                .fold(Problems::response, body -> Response.ok(body).build());
    }

    @GET
    @Path("latest")
    @Operation(summary = "The latest candle",
            description = "The most recent candle the caller sees of the instrument at the timeframe "
                    + "(the caller's own private candles over the shared data): its close is the "
                    + "latest price.")
    @APIResponse(responseCode = "200", description = "The latest candle",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LatestCandleResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: timeframe missing or malformed")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote); marketdata.candles.none: no candle stored at this "
            + "timeframe")
    public Response latest(@PathParam("venue") String venue, @PathParam("base") String base,
                           @PathParam("quote") String quote, @QueryParam("timeframe") String timeframe,
                           @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        return Validation.combine(RestParams.instrument(venue, base, quote), RestParams.timeframe(timeframe))
                .ap(Tuple::of).toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(q -> latest.latest(caller, q._1, q._2))
                .fold(Problems::response, found -> Response.ok(new LatestCandleResponse(
                        found.instrument().toString(), found.timeframe().code(),
                        found.price().toBigDecimal().toPlainString(), CandleResponse.of(found.candle()))).build());
    }

    @GET
    @Path("gaps")
    @Operation(summary = "Find gaps in the candles",
            description = "The missing intervals between from (inclusive) and to (exclusive) at the "
                    + "timeframe, where the caller sees no candle (neither an own private one nor a "
                    + "shared one): data quality before a backtest.")
    @APIResponse(responseCode = "200", description = "The gaps",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GapsResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: timeframe, from or to missing or malformed, or "
            + "to not after from")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    public Response gaps(@PathParam("venue") String venue, @PathParam("base") String base,
                         @PathParam("quote") String quote, @QueryParam("timeframe") String timeframe,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Validation<Seq<Violation>, Tuple3<InstrumentId, Timeframe, TimeRange>> query = Validation.combine(
                RestParams.instrument(venue, base, quote), RestParams.timeframe(timeframe), range(from, to))
                .ap(Tuple::of);
        return query.toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(q -> gaps.gaps(caller, q._1, q._2, q._3).map(found -> new GapsResponse(q._1.toString(),
                        q._2.code(), Instant.ofEpochMilli(q._3.from()), Instant.ofEpochMilli(q._3.to()),
                        found.stream().mapToLong(Gap::missing).sum(),
                        found.stream().map(g -> new GapsResponse.GapResponse(Instant.ofEpochMilli(g.start()),
                                Instant.ofEpochMilli(g.end()), g.missing())).toList())))
                .fold(Problems::response, body -> Response.ok(body).build());
    }

    @GET
    @Path("resampled")
    @Operation(summary = "Read candles computed from finer ones",
            description = "Candles of a timeframe computed on the fly, exactly, from the stored candles of a finer "
                    + "source timeframe (e.g. 1h from 1m): open = first open, close = last close, high and low the "
                    + "extremes, volume the sum, buckets aligned to UTC (1w opens on Monday, 1M on the 1st). A bucket "
                    + "missing some source candles is left out and listed in incomplete. Nothing is stored. Pages "
                    + "hold at most limit (1..10000, default 1000) candles made from at most 100,000 source "
                    + "candles; next continues the read.")
    @APIResponse(responseCode = "200", description = "The candles",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ResampledCandlesResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: timeframe, source, from, to or limit "
            + "missing or malformed, or the timeframe cannot be computed exactly from the source; errors[] names "
            + "each")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    public Response resampled(@PathParam("venue") String venue, @PathParam("base") String base,
                              @PathParam("quote") String quote, @QueryParam("timeframe") String timeframe,
                              @QueryParam("source") String source, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("limit") String limit,
                              @Context SecurityContext security) {
        UserId caller = new UserId(RestInputs.caller(security));
        Validation<Violation, Timeframe> sourceTimeframe = RestParams.timeframe(source)
                .mapError(v -> new Violation("source", v.reason()));
        return Validation.combine(RestParams.instrument(venue, base, quote), RestParams.timeframe(timeframe),
                        sourceTimeframe, range(from, to), RestInputs.integer("limit", limit, DEFAULT_PAGE, 1, MAX_PAGE))
                .ap(Tuple::of)
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(q -> resample.resample(caller, q._1, q._3, q._2, q._4, q._5).map(series -> {
                    CandleBatch batch = series.candles();
                    List<CandleResponse> items = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        items.add(CandleResponse.of(batch, i));
                    }
                    return new ResampledCandlesResponse(q._1.toString(), q._2.code(), q._3.code(),
                            Instant.ofEpochMilli(q._4.from()), Instant.ofEpochMilli(q._4.to()), items.size(), items,
                            series.incomplete().stream().map(b -> new ResampledCandlesResponse.IncompleteResponse(
                                    Instant.ofEpochMilli(b.openTime()), b.present(), b.expected())).toList(),
                            series.next().map(Instant::ofEpochMilli).getOrNull());
                }))
                .fold(Problems::response, body -> Response.ok(body).build());
    }

    private static Validation<Violation, TimeRange> range(String from, String to) {
        Validation<Violation, Long> start = RestParams.time("from", from);
        Validation<Violation, Long> end = RestParams.time("to", to);
        if (start.isInvalid()) {
            return Validation.invalid(start.getError());
        }
        if (end.isInvalid()) {
            return Validation.invalid(end.getError());
        }
        Either<String, TimeRange> range = TimeRange.of(start.get(), end.get());
        return Validation.fromEither(range.mapLeft(reason -> new Violation("to", reason)));
    }

    private record Query(InstrumentId instrument, Timeframe timeframe, TimeRange range, int limit) {
    }
}
