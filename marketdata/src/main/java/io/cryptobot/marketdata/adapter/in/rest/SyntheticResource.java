package io.cryptobot.marketdata.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.cryptobot.kernel.adapter.in.rest.Roles;
import io.cryptobot.kernel.adapter.in.rest.RestInputs;
import io.cryptobot.kernel.adapter.in.rest.Problems;
import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesCommand;
import io.cryptobot.marketdata.application.port.in.GenerateSyntheticCandlesUseCase;
import io.cryptobot.marketdata.domain.MarketDataErrors;
import io.vavr.collection.List;
import io.vavr.control.Validation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Seeded synthetic candles, stored through an import job exactly like an uploaded file: in the caller's private
 * dataset unless an admin asks for the shared data.
 */
@Path("/api/marketdata/synthetic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyntheticResource {
    private final GenerateSyntheticCandlesUseCase generate;

    SyntheticResource(GenerateSyntheticCandlesUseCase generate) {
        this.generate = generate;
    }

    @POST
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    @Operation(summary = "Generate synthetic candles",
            description = "Stores count candles of a seeded random walk (drift, volatility) from a "
                    + "start price, for a defined instrument: the same seed always gives the "
                    + "same candles. Runs as an import job and, like an upload, stores into the "
                    + "caller's private dataset (held to the caller's stored-candles limit) unless an "
                    + "admin sets dataset to shared.")
    @APIResponse(responseCode = "202", description = "The import job, queued (Location: /api/marketdata/imports/{id})",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "marketdata.invalid_input: instrument, timeframe, from, count, seed, "
            + "startPrice or dataset missing or malformed, volatility or drift not a decimal; errors[] names each")
    @APIResponse(responseCode = "403", description = "marketdata.dataset.shared_needs_admin: dataset shared from a caller "
            + "who is not an admin")
    @APIResponse(responseCode = "404", description = "marketdata.instrument.not_found: the instrument is not defined "
            + "(venue/base/quote)")
    @APIResponse(responseCode = "413", description = "marketdata.dataset.limit_reached: the caller already stores as many "
            + "private candles as cryptobot.limits.stored-candles-per-user allows (the detail names the value)")
    @APIResponse(responseCode = "429", description = "marketdata.import.too_many_unfinished: the caller has "
            + "max-unfinished-per-user imports queued or running (Retry-After)")
    public Response generate(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = SyntheticRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"instrument\":\"BINANCE:BTC/USDT\",\"timeframe\":\"1m\",\"from\":\"2024-01-01T00:00:00Z\",\"count\":10080,\"seed\":42,\"startPrice\":\"42000\",\"volatility\":\"0.001\",\"drift\":\"0\"}"))) SyntheticRequest request, @Context SecurityContext security) {
        if (request == null) {
            return Problems.response(MarketDataErrors.invalid(List.of(new Violation("body", "is missing"))));
        }
        UserId caller = new UserId(RestInputs.caller(security));
        Validation<Violation, Integer> count = request.count() == null
                ? Validation.invalid(new Violation("count", "is missing"))
                : Validation.valid(request.count());
        Validation<Violation, Long> seed = request.seed() == null
                ? Validation.invalid(new Violation("seed", "is missing"))
                : Validation.valid(request.seed());
        Validation<Violation, String> startPrice = request.startPrice() == null
                ? Validation.invalid(new Violation("startPrice", "is missing"))
                : Validation.valid(request.startPrice());
        String baseVolume = request.baseVolume() == null ? "10" : request.baseVolume();
        // nine inputs, one more than Validation.combine takes: the pair (instrument, timeframe) is combined first
        return Validation.combine(
                        Validation.combine(RestParams.instrument(request.instrument()),
                                RestParams.timeframe(request.timeframe())).ap(io.vavr.Tuple::of),
                        one(RestParams.time("from", request.from())), one(count), one(seed), one(startPrice),
                        one(RestParams.decimal("volatility", request.volatility(), 0.001)),
                        one(RestParams.decimal("drift", request.drift(), 0.0)), one(RestParams.dataset(request.dataset())))
                .ap((pair, from, n, s, price, volatility, drift, dataset) ->
                        new GenerateSyntheticCandlesCommand(caller, pair._1, pair._2, dataset, from, n, s, price,
                                drift, volatility, baseVolume))
                .mapError(nested -> nested.flatMap(violations -> violations))
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(command -> RestParams.mayWrite(command.dataset(), security).map(allowed -> command))
                .flatMap(generate::generate)
                .fold(Problems::response, ImportResource::accepted);
    }

    private static <T> Validation<io.vavr.collection.Seq<Violation>, T> one(Validation<Violation, T> validation) {
        return validation.mapError(io.vavr.collection.List::of);
    }
}
