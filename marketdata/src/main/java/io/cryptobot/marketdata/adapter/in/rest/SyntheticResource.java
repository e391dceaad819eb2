package io.cryptobot.marketdata.adapter.in.rest;

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

/** Seeded synthetic candles, stored through an import job exactly like an uploaded file. */
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
    public Response generate(SyntheticRequest request, @Context SecurityContext security) {
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
        double volatility = request.volatility() == null ? 0.001 : request.volatility();
        double drift = request.drift() == null ? 0.0 : request.drift();
        String baseVolume = request.baseVolume() == null ? "10" : request.baseVolume();
        return Validation.combine(RestParams.instrument(request.instrument()),
                        RestParams.timeframe(request.timeframe()), RestParams.time("from", request.from()), count,
                        seed, startPrice)
                .ap((instrument, timeframe, from, n, s, price) -> new GenerateSyntheticCandlesCommand(caller,
                        instrument, timeframe, from, n, s, price, drift, volatility, baseVolume))
                .toEither().<DomainError>mapLeft(MarketDataErrors::invalid)
                .flatMap(generate::generate)
                .fold(Problems::response, ImportResource::accepted);
    }
}
